import type { SourceDocument, TableBlock } from '../ast.js';
import type { Finding } from '../finding.js';
import { SECTION_HEADINGS, TABLE_LABELS, type SectionId, type TableId } from '../ids.js';
import { emptyReport, type Meta, type Position, type Report } from '../model.js';
import { fold } from '../normalize/fold.js';
import { readActiveDisclosure } from './activeDisclosure.js';
import { readApplications } from './applications.js';
import type { Context } from './context.js';
import { LEGACY_SHEET_MARK, readLegacy } from './legacy.js';
import { agencyFromTitle, isTitle, legacySheetHeader, reportYear, yearFromOpening, yearFromPeriod, yearFromTitle } from './meta.js';
import { readReviewLitigation } from './reviewLitigation.js';
import { CRAWLER_META, isDateLine, isoDate, PAGE_FURNITURE, SECTION_ORDER, sectionHeading } from './sections.js';
import { tokens } from './stream.js';

export interface Interpretation {
  report: Report;
  findings: Finding[];
  /** False when nothing in the document looked like a report: no section heading and no table. */
  recognised: boolean;
}

/** A line of narrative and where it was printed. */
interface Line {
  text: string;
  position: Position;
}

/** A date the report prints (ISO) and where. */
interface Dated {
  iso: string | null;
  position: Position;
}

const TABLE_OF_SECTION: Partial<Record<SectionId, TableId>> = { activeDisclosure: 'activeDisclosure', applications: 'applications', reviewLitigation: 'reviewLitigation' };

/** The one interpreter: any reader's SourceDocument in, the report model and reader findings out. */
export function interpretDocument(doc: SourceDocument): Interpretation {
  const ctx: Context = { report: emptyReport(), findings: [] };
  const { report } = ctx;
  report.sourceScript = doc.script;
  report.meta.sourceFormat = doc.format;
  const narrative = new Map<SectionId, Line[]>();
  const tables = new Map<TableId, TableBlock[]>();
  const crawler: Partial<Meta> = {};
  let crawlerTitleAt: Position | undefined;
  let crawlerDate: Dated | undefined;
  const sheetHeader: Partial<Meta> = {};
  let section: SectionId = 'preamble';
  let headings = 0;
  /** Where 一、总体情况 came again after a table: another report pasted below the first. */
  const restarts: Position[] = [];

  const captions = tableCaptions(doc.blocks);
  for (const [index, block] of doc.blocks.entries()) {
    if (block.kind === 'table') {
      const table = classifyTable(block, section);
      if (table) append(tables, table, [block]);
      else keepForeignTable(ctx, block, narrative, section);
      continue;
    }
    const text = block.text;
    if (PAGE_FURNITURE.test(text)) continue;
    const crawled = section === 'preamble' ? CRAWLER_META.exec(text) : null;
    if (crawled) {
      const [, key, value] = crawled;
      if (key === '标题' && value) (crawler.title = value.trim()), (crawlerTitleAt = block.position);
      else if (key === '发布机构' && value) crawler.agency = value.trim();
      else if ((key === '发布时间' || key === '发布日期') && value) crawlerDate = { iso: isoDate(value), position: block.position };
      continue;
    }
    const heading = sectionHeading(text);
    if (heading === 'overview' && tables.size && section !== 'overview') restarts.push(block.position);
    if (heading && SECTION_ORDER.indexOf(heading) > SECTION_ORDER.indexOf(section)) {
      section = heading;
      headings++;
      continue;
    }
    const sheet = legacySheetHeader(text);
    if (sheet) {
      Object.assign(sheetHeader, sheet);
      continue;
    }
    if (TABLE_OF_SECTION[section] && captions.has(index)) continue;
    append(narrative, section, [{ text, position: block.position }]);
  }

  const found = {
    legacy: tables.has('legacy') && readLegacy(ctx, tokens(tables.get('legacy')!)),
    activeDisclosure: tables.has('activeDisclosure') && readActiveDisclosure(ctx, tokens(tables.get('activeDisclosure')!)),
    applications: tables.has('applications') && readApplications(ctx, tokens(tables.get('applications')!)),
    reviewLitigation: tables.has('reviewLitigation') && readReviewLitigation(ctx, tokens(tables.get('reviewLitigation')!)),
  };
  if (!found.legacy)
    for (const table of ['activeDisclosure', 'applications', 'reviewLitigation'] as const)
      if (!found[table])
        ctx.findings.push({
          severity: 'error',
          rule: 'reader.missingTable',
          table,
          tableLabel: TABLE_LABELS[table],
          message: `Table ${SECTION_HEADINGS[table]} was not found; the rest of the report was read.`,
          messageZh: `未找到表格“${SECTION_HEADINGS[table]}”，报告其余部分已读取。`,
        });

  if (restarts.length) {
    const { line } = restarts[0]!;
    ctx.findings.push({
      severity: 'error',
      rule: 'reader.severalReports',
      table: 'document',
      position: restarts[0]!,
      message: `This file seems to hold ${restarts.length + 1} reports (一、总体情况 again at line ${line}): the first one's figures were read, the later ones kept as printed where they repeat them, and their text added to the last section. Convert one report per file.`,
      messageZh: `此文件似乎包含 ${restarts.length + 1} 份报告（第 ${line} 行又出现“一、总体情况”）：读取了第一份的数字，后面重复的数字已按原文保留，其文字并入了最后一节。请一份报告一个文件再转换。`,
    });
  }
  const signature = takeSignature(narrative);
  const preamble = narrative.get('preamble') ?? [];
  const titleAt = preamble.findIndex((p) => isTitle(p.text));
  const title = crawler.title ?? (titleAt >= 0 ? preamble[titleAt]!.text : null);
  const titlePosition = crawler.title ? crawlerTitleAt : titleAt >= 0 ? preamble[titleAt]!.position : undefined;
  let headerDate: Dated | undefined;
  if (title) {
    // Lines repeating the title (agency on one line, year and 年度报告 on the next) and a dated line under it are title furniture.
    const key = fold(title);
    narrative.set(
      'preamble',
      preamble.filter((p, i) => {
        if (i === titleAt) return false;
        if (key.includes(fold(p.text))) return false;
        if (isDateLine(p.text) && i <= titleAt + 3) return (headerDate = { iso: isoDate(p.text), position: p.position }), false;
        return true;
      }),
    );
  }
  for (const [id, paragraphs] of narrative) if (paragraphs.length) report.sections[id] = paragraphs.map((p) => p.text).join('\n');
  if (signature) report.sections.signature = signature.lines.join('\n');

  const allText = [...narrative.values()].flat().map((p) => p.text).join('\n');
  const dated = [signature?.date, headerDate, crawlerDate].find((d) => d?.iso);
  const date = dated?.iso ?? null;
  const opening = [...(narrative.get('preamble') ?? []), ...(narrative.get('overview') ?? []).slice(0, 1)].map((p) => p.text);
  const { year, findings: yearFindings } = reportYear(
    [title ? yearFromTitle(title) : null, sheetHeader.year, yearFromPeriod(allText), yearFromOpening(opening)],
    { iso: date, position: dated?.position },
    title ? titlePosition : doc.blocks[0]?.position,
  );
  ctx.findings.push(...yearFindings);
  report.meta = {
    ...report.meta,
    title,
    agency: (title ? agencyFromTitle(title) : null) ?? sheetHeader.agency ?? signature?.agency ?? crawler.agency ?? null,
    year,
    date,
  };
  return { report, findings: ctx.findings, recognised: headings > 0 || Object.values(found).some(Boolean) };
}

/**
 * Short lines that lead into a table (### 第二十条第（一）项, ### (三) 不予公开 in OCR output that cut
 * a table into pieces) are its captions, not narrative: the official table prints them itself.
 */
function tableCaptions(blocks: SourceDocument['blocks']): Set<number> {
  const captions = new Set<number>();
  let leadsIntoTable = false;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.kind === 'table') leadsIntoTable = true;
    else if (leadsIntoTable && block.text.length <= 40 && !/[。；]/.test(block.text) && !sectionHeading(block.text)) captions.add(i);
    else leadsIntoTable = false;
  }
  return captions;
}

/** Values taken as an array, not spread: a table of 200,000 rows kept as text would overflow the call. */
function append<K, V>(map: Map<K, V[]>, key: K, values: V[]): void {
  const list = map.get(key);
  if (list) for (const value of values) list.push(value);
  else map.set(key, values);
}

function classifyTable(block: TableBlock, section: SectionId): TableId | undefined {
  const text = fold(block.rows.slice(0, 6).flat().map((c) => c.text).join('|'));
  if (LEGACY_SHEET_MARK.test(text) && !/申请人情况|第二十条/.test(text)) return 'legacy';
  const bySection = TABLE_OF_SECTION[section];
  if (bySection) return bySection;
  if (/第二十条|信息内容/.test(text)) return 'activeDisclosure';
  if (/申请人情况|本年新收/.test(text)) return 'applications';
  if (/行政复议/.test(text) && /行政诉讼/.test(text)) return 'reviewLitigation';
  return undefined;
}

/** A table that is none of the official ones stays in the narrative, row by row, and is reported. */
function keepForeignTable(ctx: Context, block: TableBlock, narrative: Map<SectionId, Line[]>, section: SectionId): void {
  const lines = block.rows.map((row) => row.map((c) => c.text).join(' | ')).filter((l) => l.replace(/[|\s]/g, ''));
  if (!lines.length) return;
  append(narrative, section, lines.map((text) => ({ text, position: block.position })));
  ctx.findings.push({
    severity: 'info',
    rule: 'reader.foreignTable',
    position: block.position,
    message: 'A table that is not one of the official tables was kept in the text of its section.',
    messageZh: '一个不属于规定表格的表格已作为所在部分的文字保留。',
  });
}

/** A closing agency line and date (彭后街道办事处 / 2025年1月20日) at the end of the last section. */
function takeSignature(narrative: Map<SectionId, Line[]>): { lines: string[]; agency: string | null; date: Dated } | undefined {
  const last = [...narrative.keys()].at(-1);
  const paragraphs = last ? narrative.get(last)! : [];
  const date = paragraphs.at(-1);
  if (!date || !isDateLine(date.text)) return undefined;
  const agency = paragraphs.at(-2)?.text;
  const hasAgency = agency !== undefined && agency.length <= 30 && !/[。，；：:,]/.test(agency);
  narrative.set(last!, paragraphs.slice(0, hasAgency ? -2 : -1));
  return { lines: hasAgency ? [agency!, date.text] : [date.text], agency: hasAgency ? agency!.trim() : null, date: { iso: isoDate(date.text), position: date.position } };
}
