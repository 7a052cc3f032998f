import { findingText, type Finding, type Lang } from '@report-convert/core';

/** One line per finding: severity, where in the table as printed, the sentence, the source position. */
export function formatFinding(f: Finding, lang: Lang, file?: string): string {
  const where = [f.tableLabel, f.rowLabel, f.columnLabel].filter(Boolean).join(' › ');
  const at = f.position ? `${file ? `${file}:` : ''}${f.position.line}:${f.position.column}` : file ?? '';
  const severity = lang === 'zh' ? { error: '错误', warning: '警告', info: '提示' }[f.severity] : f.severity;
  return `${at ? `${at}  ` : ''}${severity}  ${where ? `[${where}] ` : ''}${findingText(f, lang)}`;
}

/** A progress bar on a terminal, plain lines otherwise. */
export function progress(total: number, tty: boolean, write: (s: string) => void): (done: number, label: string) => void {
  return (done, label) => {
    if (!tty) return write(`[${done}/${total}] ${label}\n`);
    const width = 30;
    const filled = Math.round((done / total) * width);
    write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(-40).padEnd(40)}${done === total ? '\n' : ''}`);
  };
}
