import { strFromU8 } from 'fflate';
import type { Block, SourceCell } from '../ast.js';
import { inputError, MODEL_SHEET, type InputError } from '../errors.js';
import { LEGACY_SHEET_MARK } from '../interpret/legacy.js';
import { sectionHeading } from '../interpret/sections.js';
import { fold } from '../normalize/fold.js';
import { fromDocument, withFindings, type ParseResult } from '../parse.js';
import { convertTexts } from './script.js';
import { openPackage } from './zip.js';
import { child, children, descendants, parseXml, textOf, truncatedParts } from './xml.js';

/**
 * An Excel workbook: legacy statistics sheets and the three tables laid out by hand. Each sheet is
 * read in order with its merged ranges; a row holding only a section heading starts a new table.
 * Formulas are never evaluated: a cell's cached value is what is read.
 * Positions: line = the sheet row, column = the sheet column (A = 1).
 */
export function parseXlsx(bytes: Uint8Array): ParseResult {
  const files = openPackage(bytes, (name) => name === 'xl/workbook.xml' || name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  if ('code' in files) return { ok: false, error: files as never };
  // Read as a hand-made workbook, ours would lose what only its hidden model holds and misread its info sheet.
  if (files['xl/workbook.xml'] && strFromU8(files['xl/workbook.xml']).includes(`name="${MODEL_SHEET}"`))
    return {
      ok: false,
      error: inputError(
        'ownWorkbook',
        'a workbook written by report-convert',
        'report-convert 生成的工作簿',
        'Read it with fromXlsx from @report-convert/to-xlsx (the report-convert command does so itself): it reads the figures as edited in the cells.',
        '请用 @report-convert/to-xlsx 的 fromXlsx 读取（report-convert 命令会自动这样做），它按单元格中修改后的数字读取。',
      ),
    };
  const sheets = Object.keys(files)
    .filter((n) => n.startsWith('xl/worksheets/'))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  if (!sheets.length) return { ok: false, error: inputError('notAReport', 'a zip package that is not an Excel workbook', '不是 Excel 工作簿的压缩包') };
  const strings = files['xl/sharedStrings.xml'] && { name: 'xl/sharedStrings.xml', xml: strFromU8(files['xl/sharedStrings.xml']), root: 'sst' };
  const worksheets = sheets.map((name) => ({ name, xml: strFromU8(files[name]!), root: 'worksheet' }));
  const shared = strings ? sharedStrings(strings.xml) : [];
  if (!Array.isArray(shared)) return { ok: false, error: shared };
  let blocks: Block[] = [];
  for (const { name, xml } of worksheets) {
    const sheet = readSheet(xml, name, shared);
    if (!Array.isArray(sheet)) return { ok: false, error: sheet };
    blocks = blocks.concat(sheet);
  }
  const { blocks: converted, script } = convertTexts(blocks);
  return withFindings(fromDocument({ format: 'xlsx', script, blocks: converted }), truncatedParts(strings ? [strings, ...worksheets] : worksheets));
}

function sharedStrings(xml: string): string[] | InputError {
  const parsed = parseXml(xml, 'xl/sharedStrings.xml');
  if (!Array.isArray(parsed)) return parsed;
  const sst = parsed.find((e) => e.name === 'sst');
  return sst ? children(sst, 'si').map((si) => descendants(si, 't', 'rPh').map(textOf).join('')) : [];
}

const columnNumber = (ref: string) => [...(/^[A-Z]+/.exec(ref)?.[0] ?? 'A')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const rowNumber = (ref: string) => Number(/\d+$/.exec(ref)?.[0] ?? 1);

/** Excel's own grid, A1:XFD1048576: a reference beyond it is damage, not a cell. */
const EXCEL = { rows: 1_048_576, cols: 16_384 };
/** Cells (blank ones included) in the rows that hold text: a report's sheets have a few thousand. */
const MAX_CELLS = 2_000_000;

function readSheet(xml: string, part: string, shared: string[]): Block[] | InputError {
  const parsed = parseXml(xml, part);
  if (!Array.isArray(parsed)) return parsed;
  const sheet = parsed.find((e) => e.name === 'worksheet');
  const data = sheet && child(sheet, 'sheetData');
  if (!sheet || !data) return [];
  const values = new Map<string, string>();
  const filledRows = new Set<number>();
  let maxCol = 0;
  // `r` is optional on rows and cells (ECMA-376 §18.3.1.73, §18.3.1.4): without it a row follows the
  // previous row, and a cell the previous cell. Some writers leave it out; taking A1 then misplaced every figure.
  let r = 0;
  for (const row of children(data, 'row')) {
    r = row.attribs['r'] ? Number(row.attribs['r']) : r + 1;
    let col = 0;
    for (const c of children(row, 'c')) {
      const ref = c.attribs['r'];
      [r, col] = ref ? [rowNumber(ref), columnNumber(ref)] : [r, col + 1];
      if (!(r >= 1 && r <= EXCEL.rows && col <= EXCEL.cols)) continue;
      const v = child(c, 'v');
      const type = c.attribs['t'];
      const text = type === 's' ? (shared[Number(v ? textOf(v) : -1)] ?? '') : type === 'inlineStr' ? descendants(c, 't').map(textOf).join('') : v ? textOf(v) : '';
      if (!text.trim()) continue;
      values.set(`${r}:${col}`, text.trim());
      filledRows.add(r);
      maxCol = Math.max(maxCol, col);
    }
  }
  // Merged ranges: the top-left cell spans them; the cells they cover are not cells of their own.
  const merges: { r0: number; c0: number; r1: number; c1: number }[] = [];
  const mergeCells = child(sheet, 'mergeCells');
  for (const m of mergeCells ? children(mergeCells, 'mergeCell') : []) {
    const [from, to = from] = (m.attribs['ref'] ?? '').split(':') as [string, string?];
    const merge = { r0: rowNumber(from), c0: columnNumber(from), r1: Math.min(rowNumber(to!), EXCEL.rows), c1: Math.min(columnNumber(to!), EXCEL.cols) };
    if (!(merge.r0 >= 1 && merge.r0 <= merge.r1 && merge.c0 <= merge.c1)) continue; // reversed or beyond the grid: covers nothing
    merges.push(merge);
    maxCol = Math.max(maxCol, merge.c1);
  }
  // Only rows holding text become rows: a cell or a merge at row 1,048,576 must not walk every row above it.
  const rows = [...filledRows].sort((a, b) => a - b);
  if (rows.length * maxCol > MAX_CELLS)
    return inputError('tooLarge', `a sheet of ${rows.length} rows by ${maxCol} columns`, `${rows.length} 行 × ${maxCol} 列的工作表`, 'Reports are far smaller; delete the rows or columns that are not the report.', '报告远小于此，请删除报告以外的行或列。');
  // A statistics sheet's own headings (三、依申请公开情况) are rows of it, not the report's sections.
  const legacySheet = LEGACY_SHEET_MARK.test(fold([...values.values()].join('|')));
  const blocks: Block[] = [];
  let table: SourceCell[][] = [];
  const flush = () => {
    if (table.some((row) => row.some((c) => c.text))) blocks.push({ kind: 'table', rows: withoutEmptyColumns(table), blanksAreCells: true, position: table[0]?.[0]?.position ?? { line: 1, column: 1 } });
    table = [];
  };
  for (const r of rows) {
    const row: SourceCell[] = [];
    // How many merges cover each column of this row, counted by where each starts and ends.
    const covering = new Array<number>(maxCol + 2).fill(0);
    const starting = new Map<number, (typeof merges)[number]>();
    for (const m of merges) {
      if (r < m.r0 || r > m.r1) continue;
      if (r === m.r0) starting.set(m.c0, m);
      covering[r === m.r0 ? m.c0 + 1 : m.c0]!++;
      covering[m.c1 + 1]!--;
    }
    let covered = 0;
    for (let c = 1; c <= maxCol; c++) {
      covered += covering[c]!;
      if (covered > 0) continue;
      const span = starting.get(c);
      row.push({ text: values.get(`${r}:${c}`) ?? '', colSpan: span ? span.c1 - span.c0 + 1 : 1, rowSpan: span ? span.r1 - span.r0 + 1 : 1, position: { line: r, column: c } });
    }
    const filled = row.filter((c) => c.text);
    // A lone cell above a table (its title, 填报单位) or a section heading is a paragraph, not a table row.
    if (filled.length === 1 && ((!legacySheet && sectionHeading(filled[0]!.text)) || !table.length)) {
      flush();
      blocks.push({ kind: 'paragraph', text: filled[0]!.text, position: filled[0]!.position });
    } else if (filled.length) table.push(row);
  }
  flush();
  return blocks;
}

/**
 * A blank cell is a cell of the table only in a column where some cell of the table holds text. A
 * sheet saved from a web page is as wide as its widest row's spans, so a table narrower than that
 * has empty cells past its last column, and irregular merges leave empty cells beside the merged
 * ones; read as blanks, they pushed every figure after them one column along.
 */
function withoutEmptyColumns(rows: SourceCell[][]): SourceCell[][] {
  const used = new Set(rows.flatMap((row) => row.filter((c) => c.text).map((c) => c.position.column)));
  const inUse = (c: SourceCell) => Array.from({ length: c.colSpan }, (_, i) => c.position.column + i).some((column) => used.has(column));
  return rows.map((row) => row.filter((c) => c.text || inUse(c)));
}
