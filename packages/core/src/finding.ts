/** Findings: problems in the input or the figures, reported as values with a position. */
import { z } from 'zod';
import { Position } from './model.js';
import { TABLE_IDS } from './ids.js';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const EquationSide = z.object({ expression: z.string(), value: z.number().nullable() });

export const Finding = z.object({
  severity: Severity,
  /** Stable rule id, such as `applications.balance` or `reader.gluedDigits`. */
  rule: z.string(),
  table: z.enum([...TABLE_IDS, 'document']).optional(),
  row: z.string().optional(),
  column: z.string().optional(),
  /** Labels as printed in the official table, for people. */
  tableLabel: z.string().optional(),
  rowLabel: z.string().optional(),
  columnLabel: z.string().optional(),
  left: EquationSide.optional(),
  right: EquationSide.optional(),
  position: Position.optional(),
  /** The figure's cell in the workbook the report was read back from (to-xlsx's locateFindings): sheet and address, such as E19. */
  cell: z.object({ sheet: z.string(), address: z.string() }).optional(),
  /** English and Chinese sentences saying what is wrong. */
  message: z.string(),
  messageZh: z.string(),
  /** Anything else a clerk needs to act, such as the candidate splits of glued digits. */
  details: z.unknown().optional(),
});
export type Finding = z.infer<typeof Finding>;

/** The language findings and messages are said in. */
export const Lang = z.enum(['zh', 'en']);
export type Lang = z.infer<typeof Lang>;
export function findingText(f: Finding, lang: Lang = 'zh'): string {
  return lang === 'zh' ? f.messageZh : f.message;
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
/** The severity as a word for people: 错误、警告、提示 in Chinese. */
export function severityText(severity: Severity, lang: Lang = 'zh'): string {
  return lang === 'zh' ? SEVERITY_ZH[severity] : severity;
}
