import { z } from 'zod';

/** What a value is, as the Chinese messages name it. */
const KIND_ZH: Record<string, string> = { number: '数字', int: '整数', string: '文本', array: '数组', object: '对象', boolean: '布尔值（true 或 false）', null: '空值（null）', nan: '非数字（NaN）', date: '日期（Date）' };
const kindZh = (kind: string) => KIND_ZH[kind] ?? kind;
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isNaN(value) ? 'nan' : typeof value);
/** A size's unit by what is measured. */
const UNIT_ZH: Record<string, string> = { string: '个字符', array: '项' };

/** What was given, where zod's message leaves it out (an option's 'fr', a size's -3): a short literal; nothing for an object. */
function given(issue: z.core.$ZodRawIssue): string | undefined {
  const { input } = issue;
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint' || input === null) return String(input);
  return undefined;
}
/** The keys an object's schema knows, or a record's of an enum (the model's tables), said beside one it does not (bodyy: body, title, heading). */
function knownKeys(issue: z.core.$ZodRawIssue): string[] {
  const def = (issue.inst as z.core.$ZodType | undefined)?._zod.def as { shape?: object; keyType?: z.core.$ZodType } | undefined;
  return def?.shape ? Object.keys(def.shape) : [...(def?.keyType?._zod.values ?? [])].map(String);
}
/** A union of types (a path or a font's bytes) by its types, where zod says only "Invalid input"; undefined for another union (one of objects). */
function unionTypes(issue: z.core.$ZodRawIssue<z.core.$ZodIssueInvalidUnion>): string[] | undefined {
  const types = issue.errors.map((branch) => (branch.length === 1 && branch[0]!.code === 'invalid_type' && !branch[0]!.path.length ? branch[0]!.expected : undefined));
  return types.every((type) => type !== undefined) ? [...new Set(types)] : undefined;
}

const zodEnglish = z.locales.en().localeError;
/**
 * zod's issue in English, saying too what was given and what is allowed where zod's own message does
 * not (an enum's value, an unknown key's known ones, a union's types): a caller sees at once what to fix.
 */
const englishIssue = (issue: z.core.$ZodRawIssue): string | undefined => {
  const zods = () => {
    const said = zodEnglish(issue);
    return typeof said === 'string' ? said : (said?.message ?? 'Invalid input');
  };
  switch (issue.code) {
    case 'invalid_value':
    case 'too_small':
    case 'too_big': {
      const value = given(issue);
      return value === undefined ? undefined : `${zods()}, received ${value}`;
    }
    case 'unrecognized_keys': {
      const known = knownKeys(issue);
      return known.length ? `${zods()} (known keys: ${known.join(', ')})` : undefined;
    }
    case 'invalid_union': {
      const types = unionTypes(issue);
      return types && `Invalid input: expected ${types.join(' or ')}, received ${kindOf(issue.input)}`;
    }
    default:
      return undefined; // zod's own
  }
};

/**
 * zod's issue in Chinese, with full-width punctuation: zod's own zh-CN locale leaves the type it
 * received in English ("实际接收 string") and uses ASCII colons. Given per call (`safeParse(value, { error })`),
 * as englishIssue is.
 */
const chineseIssue = (issue: z.core.$ZodRawIssue): string => {
  const value = given(issue);
  const received = value === undefined ? '' : `，实为 ${value}`;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `缺少此项（应为${kindZh(issue.expected)}）` : `应为${kindZh(issue.expected)}，实为${kindZh(kindOf(issue.input))}`;
    case 'invalid_value':
      return `应为 ${issue.values.map((v) => JSON.stringify(v)).join('、')}${issue.values.length > 1 ? ' 之一' : ''}${received}`;
    case 'too_small':
      return `${UNIT_ZH[issue.origin] ? `至少应有 ${issue.minimum} ${UNIT_ZH[issue.origin]}` : `应${issue.inclusive ? '不小于' : '大于'} ${issue.minimum}`}${received}`;
    case 'too_big':
      return `${UNIT_ZH[issue.origin] ? `至多应有 ${issue.maximum} ${UNIT_ZH[issue.origin]}` : `应${issue.inclusive ? '不大于' : '小于'} ${issue.maximum}`}${received}`;
    case 'invalid_format':
      return issue.format === 'regex' ? `格式不对（应符合 ${issue.pattern}）` : `格式不对（应为 ${issue.format}）`;
    case 'unrecognized_keys': {
      const known = knownKeys(issue);
      return `有不认识的键：${issue.keys.join('、')}${known.length ? `（可用的键：${known.join('、')}）` : ''}`;
    }
    case 'invalid_union': {
      const types = unionTypes(issue);
      return types ? `应为${types.map(kindZh).join('或')}，实为${kindZh(kindOf(issue.input))}` : '不是允许的任何一种形式';
    }
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
 * (`rules.0.from: …`, `rules.0.from：…`); `top` names the value itself ('' names nothing: the lead does).
 */
/** Throws the error `refuse` makes of the problems unless `value` fits `schema` (assertReport, assertOptions). */
export function assertFits<T>(schema: z.ZodType<T>, value: unknown, top: string, refuse: (problems: SchemaProblem[]) => Error): asserts value is T {
  const problems = schemaProblems(schema, value, top);
  if (problems.length) throw refuse(problems);
}

export function schemaProblems(schema: z.ZodType, value: unknown, top: string): SchemaProblem[] {
  // The usual case: parsed once, without an error map (zod's fastest, half the time of one with a map).
  if (schema.safeParse(value).success) return [];
  const english = schema.safeParse(value, { error: englishIssue }).error?.issues ?? [];
  const chinese = schema.safeParse(value, { error: chineseIssue }).error?.issues ?? [];
  return english.map((issue, i) => {
    const path = issue.path.join('.') || top;
    const zh = chinese[i]?.message ?? issue.message;
    return path ? { message: `${path}: ${issue.message}`, messageZh: `${path}：${zh}` } : { message: issue.message, messageZh: zh };
  });
}
