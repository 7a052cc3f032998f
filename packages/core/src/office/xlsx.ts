import { strFromU8 } from 'fflate';
import type { Block, SourceCell } from '../ast.js';
import { inputError } from '../errors.js';
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
  const files = openPackage(bytes, (name) => name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  if ('code' in files) return { ok: false, error: files as never };
  const sheets = Object.keys(files)
    .filter((n) => n.startsWith('xl/worksheets/'))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  if (!sheets.length) return { ok: false, error: inputError('notAReport', 'a zip package that is not an Excel workbook', '不是 Excel 工作簿的压缩包') };
  const strings = files['xl/sharedStrings.xml'] && { name: 'xl/sharedStrings.xml', xml: strFromU8(files['xl/sharedStrings.xml']), root: 'sst' };
  const worksheets = sheets.map((name) => ({ name, xml: strFromU8(files[name]!), root: 'worksheet' }));
  const shared = strings ? sharedStrings(strings.xml) : [];
  const blocks = worksheets.flatMap(({ xml }) => readSheet(xml, shared));
  const { blocks: converted, script } = convertTexts(blocks);
  return withFindings(fromDocument({ format: 'xlsx', script, blocks: converted }), truncatedParts(strings ? [strings, ...worksheets] : worksheets));
}

function sharedStrings(xml: string): string[] {
  const sst = parseXml(xml).find((e) => e.name === 'sst');
  return sst ? children(sst, 'si').map((si) => descendants(si, 't', 'rPh').map(textOf).join('')) : [];
}

const columnNumber = (ref: string) => [...(/^[A-Z]+/.exec(ref)?.[0] ?? 'A')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const rowNumber = (ref: string) => Number(/\d+$/.exec(ref)?.[0] ?? 1);

function readSheet(xml: string, shared: string[]): Block[] {
  const sheet = parseXml(xml).find((e) => e.name === 'worksheet');
  const data = sheet && child(sheet, 'sheetData');
  if (!sheet || !data) return [];
  const values = new Map<string, string>();
  let maxRow = 0;
  let maxCol = 0;
  for (const row of children(data, 'row'))
    for (const c of children(row, 'c')) {
      const ref = c.attribs['r'] ?? '';
      const v = child(c, 'v');
      const type = c.attribs['t'];
      const text = type === 's' ? (shared[Number(v ? textOf(v) : -1)] ?? '') : type === 'inlineStr' ? descendants(c, 't').map(textOf).join('') : v ? textOf(v) : '';
      if (!text.trim()) continue;
      values.set(`${rowNumber(ref)}:${columnNumber(ref)}`, text.trim());
      maxRow = Math.max(maxRow, rowNumber(ref));
      maxCol = Math.max(maxCol, columnNumber(ref));
    }
  // Merged ranges: the top-left cell spans them; the cells they cover are not cells of their own.
  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  const merges = child(sheet, 'mergeCells');
  for (const m of merges ? children(merges, 'mergeCell') : []) {
    const [from, to = from] = (m.attribs['ref'] ?? '').split(':') as [string, string?];
    const r0 = rowNumber(from), c0 = columnNumber(from), r1 = rowNumber(to!), c1 = columnNumber(to!);
    spans.set(`${r0}:${c0}`, { rows: r1 - r0 + 1, cols: c1 - c0 + 1 });
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) covered.add(`${r}:${c}`);
    maxRow = Math.max(maxRow, r1);
    maxCol = Math.max(maxCol, c1);
  }
  // A statistics sheet's own headings (三、依申请公开情况) are rows of it, not the report's sections.
  const legacySheet = LEGACY_SHEET_MARK.test(fold([...values.values()].join('|')));
  const blocks: Block[] = [];
  let table: SourceCell[][] = [];
  const flush = () => {
    if (table.some((row) => row.some((c) => c.text))) blocks.push({ kind: 'table', rows: table, blanksAreCells: true, position: table[0]?.[0]?.position ?? { line: 1, column: 1 } });
    table = [];
  };
  for (let r = 1; r <= maxRow; r++) {
    const row: SourceCell[] = [];
    for (let c = 1; c <= maxCol; c++) {
      const key = `${r}:${c}`;
      if (covered.has(key)) continue;
      const span = spans.get(key);
      row.push({ text: values.get(key) ?? '', colSpan: span?.cols ?? 1, rowSpan: span?.rows ?? 1, position: { line: r, column: c } });
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
