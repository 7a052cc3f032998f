import { z } from 'zod';

/** Why an input could not be read as a report at all. Anything less is a finding, not an error. */
export const InputErrorCode = z.enum(['empty', 'binary', 'notAReport', 'legacyBinaryFormat', 'damaged', 'tooLarge', 'unsupportedFormat', 'noText', 'encrypted', 'ownWorkbook']);
export type InputErrorCode = z.infer<typeof InputErrorCode>;

/** The hidden sheet of a workbook report-convert wrote (to-xlsx), holding the model; core knows it to refuse reading such a workbook as a hand-made one. */
export const MODEL_SHEET = '_report_model';

export const InputError = z.object({
  code: InputErrorCode,
  /** What we expected and what we found, in words a clerk understands. */
  message: z.string(),
  messageZh: z.string(),
  expected: z.string(),
  found: z.string(),
});
export type InputError = z.infer<typeof InputError>;

export function inputError(code: InputErrorCode, found: string, foundZh: string, hint = '', hintZh = ''): InputError {
  const expected = 'a government information-disclosure annual report (政府信息公开工作年度报告) as text, HTML, Markdown, .docx, .xlsx or a text PDF';
  return {
    code,
    expected,
    found,
    message: `Expected ${expected}, but found ${found}.${hint ? ' ' + hint : ''}`,
    messageZh: `应为政府信息公开工作年度报告（文本、网页、Markdown、.docx、.xlsx 或文字版 PDF），实际是${foundZh}。${hintZh}`,
  };
}
