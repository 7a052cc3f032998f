import { findingText, type Finding, type Lang } from '@report-convert/core';

/** One line per finding: severity, where in the table as printed, the sentence, the source position. */
export function formatFinding(f: Finding, lang: Lang, file?: string): string {
  const where = [f.tableLabel, f.rowLabel, f.columnLabel].filter(Boolean).join(' › ');
  const at = f.position ? `${file ? `${file}:` : ''}${f.position.line}:${f.position.column}` : file ?? '';
  const severity = lang === 'zh' ? { error: '错误', warning: '警告', info: '提示' }[f.severity] : f.severity;
  return `${at ? `${at}  ` : ''}${severity}  ${where ? `[${where}] ` : ''}${findingText(f, lang)}`;
}
