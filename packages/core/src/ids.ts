/**
 * Canonical ids and printed labels of every table, row and column (FORMATS.md §1).
 * These ids are the JSON model's public contract: renaming one is a breaking change.
 */

export const LAYOUT_IDS = ['2019', '2021'] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];

export const SECTION_IDS = [
  'preamble',
  'overview',
  'activeDisclosure',
  'applications',
  'reviewLitigation',
  'problems',
  'otherMatters',
  'signature',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** The six numbered headings as the official template prints them. */
export const SECTION_HEADINGS: Record<Exclude<SectionId, 'preamble' | 'signature'>, string> = {
  overview: '一、总体情况',
  activeDisclosure: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  reviewLitigation: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
};

export const TABLE_IDS = ['activeDisclosure', 'applications', 'reviewLitigation', 'legacy'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export const TABLE_LABELS: Record<TableId, string> = {
  activeDisclosure: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  reviewLitigation: '四、政府信息公开行政复议、行政诉讼情况',
  legacy: '政府信息公开情况统计表',
};

// ---- Table 二 -------------------------------------------------------------

export const ACTIVE_ITEMS = [
  'regulations',
  'normativeDocuments',
  'licensing',
  'otherManagementServices',
  'punishment',
  'coercion',
  'fees',
  'centralizedProcurement',
] as const;
export type ActiveItem = (typeof ACTIVE_ITEMS)[number];

export const ACTIVE_COLUMNS = [
  'newlyMade',
  'newlyPublished',
  'totalPublished',
  'issued',
  'repealed',
  'inForce',
  'previousCount',
  'change',
  'decisions',
  'amount',
  'projects',
] as const;
export type ActiveColumn = (typeof ACTIVE_COLUMNS)[number];

export const ACTIVE_BLOCKS = ['1', '5', '6', '8', '9'] as const;
export type ActiveBlock = (typeof ACTIVE_BLOCKS)[number];

export const ACTIVE_BLOCK_TITLES: Record<ActiveBlock, string> = {
  '1': '第二十条第（一）项',
  '5': '第二十条第（五）项',
  '6': '第二十条第（六）项',
  '8': '第二十条第（八）项',
  '9': '第二十条第（九）项',
};

export interface ActiveItemSpec {
  id: ActiveItem;
  block: ActiveBlock;
  label: Record<LayoutId, string>;
  /** Columns per layout; an item missing from a layout has none there. */
  columns: Record<LayoutId, readonly ActiveColumn[]>;
}

const PROJECT_COLUMNS = ['previousCount', 'change', 'decisions'] as const;
export const ACTIVE_ITEM_SPECS: readonly ActiveItemSpec[] = [
  { id: 'regulations', block: '1', label: { '2019': '规章', '2021': '规章' }, columns: { '2019': ['newlyMade', 'newlyPublished', 'totalPublished'], '2021': ['issued', 'repealed', 'inForce'] } },
  { id: 'normativeDocuments', block: '1', label: { '2019': '规范性文件', '2021': '行政规范性文件' }, columns: { '2019': ['newlyMade', 'newlyPublished', 'totalPublished'], '2021': ['issued', 'repealed', 'inForce'] } },
  { id: 'licensing', block: '5', label: { '2019': '行政许可', '2021': '行政许可' }, columns: { '2019': PROJECT_COLUMNS, '2021': ['decisions'] } },
  { id: 'otherManagementServices', block: '5', label: { '2019': '其他对外管理服务事项', '2021': '其他对外管理服务事项' }, columns: { '2019': PROJECT_COLUMNS, '2021': [] } },
  { id: 'punishment', block: '6', label: { '2019': '行政处罚', '2021': '行政处罚' }, columns: { '2019': PROJECT_COLUMNS, '2021': ['decisions'] } },
  { id: 'coercion', block: '6', label: { '2019': '行政强制', '2021': '行政强制' }, columns: { '2019': PROJECT_COLUMNS, '2021': ['decisions'] } },
  { id: 'fees', block: '8', label: { '2019': '行政事业性收费', '2021': '行政事业性收费' }, columns: { '2019': ['previousCount', 'change'], '2021': ['amount'] } },
  { id: 'centralizedProcurement', block: '9', label: { '2019': '政府集中采购', '2021': '政府集中采购' }, columns: { '2019': ['projects', 'amount'], '2021': [] } },
];

export const ACTIVE_COLUMN_LABELS: Record<LayoutId, Partial<Record<ActiveColumn, string>>> = {
  '2019': {
    newlyMade: '本年新制作数量',
    newlyPublished: '本年新公开数量',
    totalPublished: '对外公开总数量',
    previousCount: '上一年项目数量',
    change: '本年增/减',
    decisions: '处理决定数量',
    projects: '采购项目数量',
    amount: '采购总金额',
  },
  '2021': {
    issued: '本年制发件数',
    repealed: '本年废止件数',
    inForce: '现行有效件数',
    decisions: '本年处理决定数量',
    amount: '本年收费金额（单位：万元）',
  },
};

export function activeItemSpec(id: ActiveItem): ActiveItemSpec {
  const spec = ACTIVE_ITEM_SPECS.find((s) => s.id === id);
  if (!spec) throw new Error(`unknown table-二 item ${id}`);
  return spec;
}

// ---- Table 三 -------------------------------------------------------------

export const APPLICANT_COLUMNS = [
  'naturalPerson',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'other',
  'total',
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

export const APPLICANT_COLUMN_LABELS: Record<ApplicantColumn, string> = {
  naturalPerson: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  other: '其他',
  total: '总计',
};

export interface ApplicationRowSpec {
  id: string;
  /** The row's own label as printed in its cell. */
  label: string;
  /** The group heading printed in a spanning cell to its left, if any (（三）不予公开 …). */
  group?: string;
}

const G3 = '（三）不予公开';
const G4 = '（四）无法提供';
const G5 = '（五）不予处理';
const G6 = '（六）其他处理';
const COMMON_HEAD: ApplicationRowSpec[] = [
  { id: 'granted', label: '（一）予以公开' },
  { id: 'partiallyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { id: 'denied.stateSecret', label: '1.属于国家秘密', group: G3 },
  { id: 'denied.prohibitedByLaw', label: '2.其他法律行政法规禁止公开', group: G3 },
  { id: 'denied.threeSecurities', label: '3.危及“三安全一稳定”', group: G3 },
  { id: 'denied.thirdPartyRights', label: '4.保护第三方合法权益', group: G3 },
  { id: 'denied.internalAffairs', label: '5.属于三类内部事务信息', group: G3 },
  { id: 'denied.processInformation', label: '6.属于四类过程性信息', group: G3 },
  { id: 'denied.enforcementFiles', label: '7.属于行政执法案卷', group: G3 },
  { id: 'denied.administrativeQuery', label: '8.属于行政查询事项', group: G3 },
  { id: 'unavailable.notHeld', label: '1.本机关不掌握相关政府信息', group: G4 },
  { id: 'unavailable.needsCreation', label: '2.没有现成信息需要另行制作', group: G4 },
  { id: 'unavailable.stillUnclear', label: '3.补正后申请内容仍不明确', group: G4 },
  { id: 'notProcessed.petition', label: '1.信访举报投诉类申请', group: G5 },
  { id: 'notProcessed.duplicate', label: '2.重复申请', group: G5 },
  { id: 'notProcessed.publication', label: '3.要求提供公开出版物', group: G5 },
  { id: 'notProcessed.excessive', label: '4.无正当理由大量反复申请', group: G5 },
  { id: 'notProcessed.confirmation', label: '5.要求行政机关确认或重新出具已获取信息', group: G5 },
];

/** Rows under 三、本年度办理结果, per layout (they differ only at （六）). */
export const APPLICATION_RESULT_ROWS: Record<LayoutId, readonly ApplicationRowSpec[]> = {
  '2019': [...COMMON_HEAD, { id: 'otherDisposal', label: G6 }, { id: 'totalProcessed', label: '（七）总计' }],
  '2021': [
    ...COMMON_HEAD,
    { id: 'otherDisposal.noCorrection', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: G6 },
    { id: 'otherDisposal.unpaidFee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: G6 },
    { id: 'otherDisposal.other', label: '3.其他', group: G6 },
    { id: 'totalProcessed', label: '（七）总计' },
  ],
};

export const APPLICATION_RESULTS_LABEL = '三、本年度办理结果';
export const APPLICATION_LEAD_ROWS: readonly ApplicationRowSpec[] = [
  { id: 'newReceived', label: '一、本年新收政府信息公开申请数量' },
  { id: 'carriedOver', label: '二、上年结转政府信息公开申请数量' },
];
export const APPLICATION_TAIL_ROWS: readonly ApplicationRowSpec[] = [{ id: 'carriedForward', label: '四、结转下年度继续办理' }];

export function applicationRows(layout: LayoutId): ApplicationRowSpec[] {
  return [...APPLICATION_LEAD_ROWS, ...APPLICATION_RESULT_ROWS[layout], ...APPLICATION_TAIL_ROWS];
}

/** Every table-三 row id of either layout, in printed order (2019's otherDisposal before 2021's split). */
export const APPLICATION_ROW_IDS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partiallyGranted',
  'denied.stateSecret',
  'denied.prohibitedByLaw',
  'denied.threeSecurities',
  'denied.thirdPartyRights',
  'denied.internalAffairs',
  'denied.processInformation',
  'denied.enforcementFiles',
  'denied.administrativeQuery',
  'unavailable.notHeld',
  'unavailable.needsCreation',
  'unavailable.stillUnclear',
  'notProcessed.petition',
  'notProcessed.duplicate',
  'notProcessed.publication',
  'notProcessed.excessive',
  'notProcessed.confirmation',
  'otherDisposal',
  'otherDisposal.noCorrection',
  'otherDisposal.unpaidFee',
  'otherDisposal.other',
  'totalProcessed',
  'carriedForward',
] as const;
export type ApplicationRowId = (typeof APPLICATION_ROW_IDS)[number];

export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export function applicationRowLabel(id: string): string {
  for (const layout of LAYOUT_IDS) {
    const spec = applicationRows(layout).find((r) => r.id === id);
    if (spec) return spec.group ? `${spec.group} ${spec.label}` : spec.label;
  }
  return id;
}

// ---- Table 四 -------------------------------------------------------------

export const REVIEW_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];
export const REVIEW_FIELDS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

/** 行政诉讼's two groups as the official header prints them, under 行政诉讼. */
export const LITIGATION_GROUP_HEADERS = { litigationDirect: '未经复议直接起诉', litigationAfterReview: '复议后起诉' } as const;
export const REVIEW_GROUP_LABELS: Record<ReviewGroup, string> = {
  review: '行政复议',
  litigationDirect: `行政诉讼 ${LITIGATION_GROUP_HEADERS.litigationDirect}`,
  litigationAfterReview: `行政诉讼 ${LITIGATION_GROUP_HEADERS.litigationAfterReview}`,
};
export const REVIEW_FIELD_LABELS: Record<ReviewField, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

// ---- Legacy sheet (2014–2018) --------------------------------------------

export interface LegacyRowSpec {
  id: string;
  label: string;
  unit: string;
}
/** A heading row of the legacy sheet: printed, but bound to no model id. */
export interface LegacyHeadingSpec {
  heading: string;
}
export type LegacySheetEntry = LegacyRowSpec | LegacyHeadingSpec;

export const LEGACY_SHEET: readonly LegacySheetEntry[] = [
  { heading: '一、主动公开情况' },
  { id: 'active.total', label: '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', unit: '条' },
  { id: 'active.normativeDocuments', label: '其中：主动公开规范性文件数', unit: '条' },
  { id: 'active.normativeDocumentsIssued', label: '制发规范性文件总数', unit: '件' },
  { heading: '（二）通过不同渠道和方式公开政府信息的情况' },
  { id: 'active.gazette', label: '1.政府公报公开政府信息数', unit: '条' },
  { id: 'active.website', label: '2.政府网站公开政府信息数', unit: '条' },
  { id: 'active.weibo', label: '3.政务微博公开政府信息数', unit: '条' },
  { id: 'active.wechat', label: '4.政务微信公开政府信息数', unit: '条' },
  { id: 'active.otherChannels', label: '5.其他方式公开政府信息数', unit: '条' },
  { heading: '二、回应解读情况' },
  { id: 'response.hotspots', label: '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', unit: '次' },
  { heading: '（二）通过不同渠道和方式回应解读的情况' },
  { id: 'response.pressConferences', label: '1.参加或举办新闻发布会总次数', unit: '次' },
  { id: 'response.pressConferencesByLeaders', label: '其中：主要负责同志参加新闻发布会次数', unit: '次' },
  { id: 'response.onlineInterviews', label: '2.政府网站在线访谈次数', unit: '次' },
  { id: 'response.onlineInterviewsByLeaders', label: '其中：主要负责同志参加政府网站在线访谈次数', unit: '次' },
  { id: 'response.interpretations', label: '3.政策解读稿件发布数', unit: '篇' },
  { id: 'response.socialMedia', label: '4.微博微信回应事件数', unit: '次' },
  { id: 'response.otherChannels', label: '5.其他方式回应事件数', unit: '次' },
  { heading: '三、依申请公开情况' },
  { id: 'requests.received', label: '（一）收到申请数', unit: '件' },
  { id: 'requests.inPerson', label: '1.当面申请数', unit: '件' },
  { id: 'requests.fax', label: '2.传真申请数', unit: '件' },
  { id: 'requests.online', label: '3.网络申请数', unit: '件' },
  { id: 'requests.mail', label: '4.信函申请数', unit: '件' },
  { id: 'requests.closed', label: '（二）申请办结数', unit: '件' },
  { id: 'requests.closedOnTime', label: '1.按时办结数', unit: '件' },
  { id: 'requests.closedExtended', label: '2.延期办结数', unit: '件' },
  { id: 'requests.answered', label: '（三）申请答复数', unit: '件' },
  { id: 'requests.alreadyPublic', label: '1.属于已主动公开范围数', unit: '件' },
  { id: 'requests.granted', label: '2.同意公开答复数', unit: '件' },
  { id: 'requests.partiallyGranted', label: '3.同意部分公开答复数', unit: '件' },
  { id: 'requests.denied', label: '4.不同意公开答复数', unit: '件' },
  { id: 'requests.denied.stateSecret', label: '其中：涉及国家秘密', unit: '件' },
  { id: 'requests.denied.commercialSecret', label: '涉及商业秘密', unit: '件' },
  { id: 'requests.denied.privacy', label: '涉及个人隐私', unit: '件' },
  { id: 'requests.denied.security', label: '危及国家安全、公共安全、经济安全和社会稳定', unit: '件' },
  { id: 'requests.denied.notGovernmentInformation', label: '不是《条例》所指政府信息', unit: '件' },
  { id: 'requests.denied.otherLegal', label: '法律法规规定的其他情形', unit: '件' },
  { id: 'requests.notThisAgency', label: '5.不属于本行政机关公开数', unit: '件' },
  { id: 'requests.notExist', label: '6.申请信息不存在数', unit: '件' },
  { id: 'requests.correctionNotice', label: '7.告知作出更改补充数', unit: '件' },
  { id: 'requests.otherChannel', label: '8.告知通过其他途径办理数', unit: '件' },
  { id: 'review.total', label: '四、行政复议数量', unit: '件' },
  { id: 'review.upheld', label: '（一）维持具体行政行为数', unit: '件' },
  { id: 'review.corrected', label: '（二）被依法纠错数', unit: '件' },
  { id: 'review.other', label: '（三）其他情形数', unit: '件' },
  { id: 'litigation.total', label: '五、行政诉讼数量', unit: '件' },
  { id: 'litigation.upheld', label: '（一）维持具体行政行为或者驳回原告诉讼请求数', unit: '件' },
  { id: 'litigation.corrected', label: '（二）被依法纠错数', unit: '件' },
  { id: 'litigation.other', label: '（三）其他情形数', unit: '件' },
  { id: 'complaints', label: '六、举报投诉数量', unit: '件' },
  { id: 'fees', label: '七、依申请公开信息收取的费用', unit: '万元' },
  { heading: '八、机构建设和保障经费情况' },
  { id: 'org.units', label: '（一）政府信息公开工作专门机构数', unit: '个' },
  { id: 'org.readingPoints', label: '（二）设置政府信息公开查阅点数', unit: '个' },
  { id: 'org.staff', label: '（三）从事政府信息公开工作人员数', unit: '人' },
  { id: 'org.staffFullTime', label: '1.专职人员数（不包括政府公报及政府网站工作人员数）', unit: '人' },
  { id: 'org.staffPartTime', label: '2.兼职人员数', unit: '人' },
  { id: 'org.budget', label: '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', unit: '万元' },
  { heading: '九、政府信息公开会议和培训情况' },
  { id: 'training.meetings', label: '（一）召开政府信息公开工作会议或专题会议数', unit: '次' },
  { id: 'training.courses', label: '（二）举办各类培训班数', unit: '次' },
  { id: 'training.trainees', label: '（三）接受培训人员数', unit: '人次' },
];

export const LEGACY_ROWS: readonly LegacyRowSpec[] = LEGACY_SHEET.filter((e): e is LegacyRowSpec => 'id' in e);
export const LEGACY_ROW_IDS = LEGACY_ROWS.map((r) => r.id);
export const LEGACY_HEADER = ['统计指标', '单位', '统计数'] as const;
export const LEGACY_CUMULATIVE_LABEL = '历年累计';

export function legacyRowSpec(id: string): LegacyRowSpec | undefined {
  return LEGACY_ROWS.find((r) => r.id === id);
}
