import type { z } from 'zod';

/** What a value is, as the Chinese messages name it. */
const KIND_ZH: Record<string, string> = { number: '数字', int: '整数', string: '文本', array: '数组', object: '对象', boolean: '布尔值（true 或 false）', null: '空值（null）', nan: '非数字（NaN）' };
const kindZh = (kind: string) => KIND_ZH[kind] ?? kind;
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isNaN(value) ? 'nan' : typeof value);
/** A size's unit by what is measured. */
const UNIT_ZH: Record<string, string> = { string: '个字符', array: '项' };

/**
 * zod's issue in Chinese, with full-width punctuation: zod's own zh-CN locale leaves the type it
 * received in English ("实际接收 string") and uses ASCII colons. Given per call (`safeParse(value, { error })`),
 * so the English messages stay zod's.
 */
const chineseIssue = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `缺少此项（应为${kindZh(issue.expected)}）` : `应为${kindZh(issue.expected)}，实为${kindZh(kindOf(issue.input))}`;
    case 'invalid_value':
      return `应为 ${issue.values.map((v) => JSON.stringify(v)).join('、')}${issue.values.length > 1 ? ' 之一' : ''}`;
    case 'too_small':
      return UNIT_ZH[issue.origin] ? `至少应有 ${issue.minimum} ${UNIT_ZH[issue.origin]}` : `应${issue.inclusive ? '不小于' : '大于'} ${issue.minimum}`;
    case 'too_big':
      return UNIT_ZH[issue.origin] ? `至多应有 ${issue.maximum} ${UNIT_ZH[issue.origin]}` : `应${issue.inclusive ? '不大于' : '小于'} ${issue.maximum}`;
    case 'invalid_format':
      return issue.format === 'regex' ? `格式不对（应符合 ${issue.pattern}）` : `格式不对（应为 ${issue.format}）`;
    case 'unrecognized_keys':
      return `有不认识的键：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '不是允许的任何一种形式';
    default:
      return '不符合要求';
  }
};

export interface SchemaProblem {
  message: string;
  messageZh: string;
}

/**
 * Why `value` does not fit `schema`, issue by issue in both languages, each after its path
 * (`rules.0.from: …`, `rules.0.from：…`); `top` names the value itself.
 */
export function schemaProblems(schema: z.ZodType, value: unknown, top: string): SchemaProblem[] {
  const english = schema.safeParse(value).error?.issues ?? [];
  if (!english.length) return []; // the usual case: parsed once
  const chinese = schema.safeParse(value, { error: chineseIssue }).error?.issues ?? [];
  return english.map((issue, i) => {
    const path = issue.path.join('.') || top;
    return { message: `${path}: ${issue.message}`, messageZh: `${path}：${chinese[i]?.message ?? issue.message}` };
  });
}
