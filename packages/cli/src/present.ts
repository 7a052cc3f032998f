import { findingText, severityText, type Finding, type Lang } from '@report-convert/core';
import { t } from './say.js';

/**
 * One line per finding: severity, where in the table as printed, the sentence, the source position.
 * For a report read from a model we wrote (`fromModel`), the position is in the original document,
 * so it is said as such rather than as a line of this file; read back from our workbook, a figure's
 * cell there (E19) is said instead, in the sheet the table label names.
 */
export function formatFinding(f: Finding, lang: Lang, file?: string, fromModel = false): string {
  const where = [f.tableLabel, f.rowLabel, f.columnLabel].filter(Boolean).join(' › ');
  const inFile = f.position && !fromModel && !f.cell;
  const at = inFile ? `${file ? `${file}:` : ''}${f.position!.line}:${f.position!.column}` : file ?? '';
  const original = f.cell
    ? t(lang, `（单元格 ${f.cell.address}）`, ` (cell ${f.cell.address})`)
    : f.position && fromModel
      ? t(lang, `（原文第 ${f.position.line} 行第 ${f.position.column} 列）`, ` (line ${f.position.line}, column ${f.position.column} of the original)`)
      : '';
  return `${at ? `${at}  ` : ''}${severityText(f.severity, lang)}  ${where ? `[${where}] ` : ''}${findingText(f, lang)}${original}`;
}
