import { strFromU8 } from 'fflate';
import type { Block, SourceCell, TableBlock } from '../ast.js';
import { inputError } from '../errors.js';
import type { Finding } from '../finding.js';
import type { Position } from '../model.js';
import { fromDocument, webPageText, withFindings, type ParseResult } from '../parse.js';
import { readHtmlDocument } from '../readers/html.js';
import { listLabels, type ListLabels } from './numbering.js';
import { convertTexts } from './script.js';
import { openPackage } from './zip.js';
import { child, children, isElement, parseXml, qualifyNames, textOf, truncatedParts, type XmlElement } from './xml.js';

/**
 * A Word document: the body in order, paragraphs and tables, read from word/document.xml directly
 * so that merges stay exact (gridSpan → colSpan, vMerge → rowSpan), into the AST every reader shares.
 * Positions: line = the paragraph's or table's number in reading order, column = the cell's number in its row.
 */
export function parseDocx(bytes: Uint8Array): ParseResult {
  // The relationships and the parts they may name (word/document.xml, numbering.xml, styles.xml), not media.
  const files = openPackage(bytes, (name) => name.endsWith('.rels') || /^([^/]+\/)?[^/]+\.xml$/.test(name));
  if ('code' in files) return { ok: false, error: files as never };
  // Word Online names its document word/document2.xml.
  const part = relationships(files, '').find((r) => r.type === 'officeDocument')?.target ?? 'word/document.xml';
  if (!files[part]) return { ok: false, error: inputError('notAReport', 'a zip package that is not a Word document', '不是 Word 文档的压缩包') };
  const text = strFromU8(files[part]);
  const parsed = parseXml(text, part);
  if (!Array.isArray(parsed)) return { ok: false, error: parsed };
  const root = parsed[0];
  const rootName = root?.name;
  if (root) qualifyNames(root, NAMESPACES);
  const body = root?.name === 'w:document' ? child(root, 'w:body') : undefined;
  if (!body) return { ok: false, error: inputError('damaged', 'a Word document whose body cannot be read', '无法读取正文的 Word 文档') };
  dropUnshown(body);
  const related = relationships(files, part);
  const relatedPart = (type: string, otherwise: string) => partRoot(files, related.find((r) => r.type === type)?.target ?? otherwise);
  const reading: Reading = { labels: listLabels(relatedPart('numbering', 'word/numbering.xml'), relatedPart('styles', 'word/styles.xml')), fields: [] };
  const chunks = embeddedChunks(bytes, related);
  const findings: Finding[] = [];
  const blocks: Block[] = [];
  let index = 0;
  const openMerges = new Map<number, SourceCell>();
  const read = (el: XmlElement) => {
    for (const node of content(el)) {
      if (node.name === 'w:p') {
        index++;
        const text = joinLines(paragraphText(node, reading)).trim();
        if (text) blocks.push({ kind: 'paragraph', text, position: { line: index, column: 1 } });
      } else if (node.name === 'w:tbl' && cellsOf(node).some((tc) => contentNamed(tc, 'w:tbl').length)) {
        // A table holding tables is a frame (a web page's layout copied into Word): its cells are read as the body is.
        for (const tc of cellsOf(node)) read(tc);
      } else if (node.name === 'w:tbl') blocks.push(readTable(node, ++index, reading, openMerges));
      else if (node.name === 'w:altChunk') {
        const chunk = chunks.get(node.attribs['r:id'] ?? '');
        if (Array.isArray(chunk)) for (const block of chunk) blocks.push(inReadingOrder(block, ++index));
        else findings.push(unreadableChunk(chunk?.name, { line: ++index, column: 1 }));
      }
    }
  };
  read(body);
  const { blocks: converted, script } = convertTexts(blocks);
  return withFindings(fromDocument({ format: 'docx', script, blocks: converted }), [...truncatedParts([{ name: part, xml: text, root: rootName! }]), ...findings]);
}

/** The namespaces read, by the prefixes this reader names them with. */
const NAMESPACES = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
};

/**
 * Content a document embeds in another format (w:altChunk: a web page, as html-docx-js and web editors
 * write a whole report), which Word shows in its place: a web page's blocks by relationship id, or the
 * part's name where it is of a format not read here (RTF, another .docx) or missing.
 */
function embeddedChunks(bytes: Uint8Array, related: ReturnType<typeof relationships>): Map<string, Block[] | { name: string }> {
  const chunks = related.filter((r) => r.type === 'aFChunk');
  const files = chunks.length ? openPackage(bytes, (name) => chunks.some((c) => c.target === name)) : {};
  return new Map(
    chunks.map(({ id, target }) => {
      const page = 'code' in files || !files[target] || !/\.(x?html?|mht(ml)?)$/i.test(target) ? undefined : webPageText(files[target]);
      const doc = typeof page === 'string' ? readHtmlDocument(page, 'simplified') : undefined;
      return [id, doc && !('code' in doc) ? doc.blocks : { name: target }];
    }),
  );
}

/** A block read from an embedded page, placed as the document's own are: line = its number in reading order, column = a cell's number in its row. */
function inReadingOrder(block: Block, line: number): Block {
  const position = { line, column: 1 };
  return block.kind === 'paragraph' ? { ...block, position } : { ...block, position, rows: block.rows.map((row) => row.map((cell, i) => ({ ...cell, position: { line, column: i + 1 } }))) };
}

function unreadableChunk(name: string | undefined, position: Position): Finding {
  return {
    severity: 'error',
    rule: 'reader.embeddedContent',
    table: 'document',
    position,
    message: `Part of this document is content embedded in another format (${name ?? 'a part missing from the file'}), which cannot be read here: whatever it shows is missing, figures included. Open the file in Word and save it again: Word then writes it as ordinary content.`,
    messageZh: `文档中有一部分是以其他格式嵌入的内容（${name ?? '文件中缺失的部件'}），此处无法读取：其中显示的内容（包括数字）均未读取。请在 Word 中打开并重新保存，Word 会将其转为普通内容。`,
    details: { part: name ?? null },
  };
}

/** A part's relationships ('' is the package's own): the parts they name, by id and by the last word of their type (officeDocument, numbering, aFChunk). */
function relationships(files: Record<string, Uint8Array>, part: string): { id: string; type: string; target: string }[] {
  const folder = part.slice(0, part.lastIndexOf('/') + 1);
  const relsName = `${folder}_rels/${part.slice(folder.length)}.rels`;
  const rels = files[relsName] && parseXml(strFromU8(files[relsName]), relsName);
  return (Array.isArray(rels) ? rels.flatMap((e) => children(e, 'Relationship')) : [])
    .filter((r) => r.attribs['Target'] && r.attribs['TargetMode'] !== 'External')
    .map((r) => ({ id: r.attribs['Id'] ?? '', type: r.attribs['Type']?.split('/').at(-1) ?? '', target: partName(folder, r.attribs['Target']!) }));
}

const partName = (folder: string, target: string) => (target.startsWith('/') ? target.slice(1) : folder + target.replace(/^\.\//, ''));

/** A part's root element, names qualified; nothing for a part missing or not XML (a damaged numbering.xml leaves the text unnumbered). */
function partRoot(files: Record<string, Uint8Array>, name: string): XmlElement | undefined {
  const parsed = files[name] && parseXml(strFromU8(files[name]), name);
  const root = Array.isArray(parsed) ? parsed[0] : undefined;
  if (root) qualifyNames(root, NAMESPACES);
  return root;
}

const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml']);

/** An element's children, content controls and custom XML replaced by what they hold: they wrap paragraphs, tables, rows, cells and runs alike. */
const content = (el: XmlElement): XmlElement[] => children(el).flatMap((c) => (WRAPPERS.has(c.name) ? content(c) : [c]));
const contentNamed = (el: XmlElement, name: string) => content(el).filter((c) => c.name === name);
const cellsOf = (tbl: XmlElement) => contentNamed(tbl, 'w:tr').flatMap((tr) => contentNamed(tr, 'w:tc'));

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Leaves what Word shows, all tracked changes accepted: text deleted or moved away, deleted rows, hidden
 * runs, ruby guide text, every branch of alternate content but the first (the others repeat it) and the
 * placeholder an empty content control shows (单击或点击此处输入文字) go.
 */
function dropUnshown(el: XmlElement, placeholder = false): void {
  if (el.name === 'mc:AlternateContent') el.children = [child(el, 'mc:Choice') ?? child(el, 'mc:Fallback')].filter(isElement);
  el.children = el.children.filter((c) => !isElement(c) || shown(c, placeholder));
  const inPlaceholder = placeholder || (el.name === 'w:sdt' && isOn(child(el, 'w:sdtPr'), 'w:showingPlcHdr'));
  for (const c of children(el)) dropUnshown(c, inPlaceholder);
}

function shown(el: XmlElement, placeholder: boolean): boolean {
  if (el.name === 'w:del' || el.name === 'w:moveFrom' || el.name === 'w:rt' || (placeholder && el.name === 'w:t')) return false;
  if (el.name === 'w:r') return !isOn(child(el, 'w:rPr'), 'w:vanish') && !isOn(child(el, 'w:rPr'), 'w:specVanish');
  if (el.name === 'w:tr') return !child(child(el, 'w:trPr') ?? el, 'w:del');
  return true;
}

/** An on/off property: present and not switched off. */
const isOn = (props: XmlElement | undefined, name: string) => {
  const prop = props && child(props, name);
  return !!prop && !['0', 'false', 'off'].includes(prop.attribs['w:val'] ?? '');
};

/** What reading a paragraph depends on that came before it: list counters, and complex fields still open. */
interface Reading {
  labels: ListLabels;
  /** Each complex field open, innermost last: its instructions (TOC \o "1-3"), and whether its shown result has begun. */
  fields: { code: string; showing: boolean }[];
}

/** A table of contents is a field whose result repeats the headings (一、总体情况……1): no report text. */
const TABLE_OF_CONTENTS = /^\s*TOC\b/i;

/** A paragraph's shown text, after the label its list numbering gives it. */
function paragraphText(p: XmlElement, reading: Reading): string {
  const { fields } = reading;
  // A field still in its instructions at the paragraph's end is damaged: it hides no more than that paragraph.
  for (let i = fields.length - 1; i >= 0; i--) if (!fields[i]!.showing) fields.splice(i, 1);
  let text = reading.labels(child(p, 'w:pPr'));
  const visit = (node: XmlElement) => {
    for (const c of children(node)) {
      const field = fields.at(-1);
      if (c.name === 'w:fldChar') {
        const type = c.attribs['w:fldCharType'];
        if (type === 'begin') fields.push({ code: '', showing: false });
        else if (type === 'separate' && field) field.showing = true;
        else if (type === 'end') fields.pop();
      } else if (c.name === 'w:instrText' && field && !field.showing) field.code += textOf(c);
      else if (!fields.every((f) => f.showing && !TABLE_OF_CONTENTS.test(f.code))) visit(c);
      else if (c.name === 'w:t') text += textOf(c);
      else if (c.name === 'w:tab') text += ' ';
      else if (c.name === 'w:br' || c.name === 'w:cr') text += '\n';
      else if (c.name === 'w:p') text += `\n${paragraphText(c, reading)}\n`; // a text box's paragraph: a line of its own
      else if (c.name === 'w:fldSimple' && TABLE_OF_CONTENTS.test(c.attribs['w:instr'] ?? '')) continue;
      else if (c.name !== 'w:instrText' && c.name !== 'w:delText' && c.name !== 'w:pPr' && c.name !== 'w:rPr') visit(c);
    }
  };
  visit(p);
  return text;
}

/**
 * A line break (a title set on two lines, a cell's label or figure over two paragraphs) joins Chinese with
 * nothing, anything else with a space: 本年新 / 制作数量 is one label, 12 / 3 two figures, not 123.
 */
const joinLines = (text: string) => text.replace(/\n/g, (_, at: number) => (HAN.test(text[at - 1] ?? '') || HAN.test(text[at + 1] ?? '') ? '' : ' '));

/**
 * Word marks a merge on every cell of it (restart, then continue): HTML's rowSpan and colSpan are on the
 * first only. Word writes a horizontal merge as gridSpan; older producers as hMerge, as vMerge is written.
 * `open` maps a grid column to the cell a vertical merge started in, and is left as the table ends: a
 * table cut in two at a page break (PDF converters write it so) goes on with a merge begun above the
 * break, instead of a blank of its own before the row's label.
 */
function readTable(tbl: XmlElement, line: number, reading: Reading, open: Map<number, SourceCell>): TableBlock {
  const rows: SourceCell[][] = [];
  for (const tr of contentNamed(tbl, 'w:tr')) {
    const row: SourceCell[] = [];
    let col = 0;
    const gridBefore = Number(child(child(tr, 'w:trPr') ?? tr, 'w:gridBefore')?.attribs['w:val'] ?? 0);
    col += gridBefore;
    let widening: SourceCell | undefined; // the cell a horizontal merge (hMerge) started in
    for (const tc of contentNamed(tr, 'w:tc')) {
      const props = child(tc, 'w:tcPr');
      const span = Math.max(1, Number(props && child(props, 'w:gridSpan')?.attribs['w:val']) || 1);
      const vMerge = props && child(props, 'w:vMerge');
      const hMerge = props && child(props, 'w:hMerge');
      const text = joinLines(contentNamed(tc, 'w:p').map((p) => paragraphText(p, reading)).join('\n')).trim();
      if (hMerge && hMerge.attribs['w:val'] !== 'restart' && widening) {
        widening.colSpan += span;
      } else if (vMerge && vMerge.attribs['w:val'] !== 'restart' && open.has(col)) {
        open.get(col)!.rowSpan++;
        widening = undefined;
      } else {
        const cell: SourceCell = { text, colSpan: span, rowSpan: 1, position: { line, column: row.length + 1 } };
        row.push(cell);
        if (vMerge) open.set(col, cell);
        else open.delete(col);
        widening = hMerge ? cell : undefined;
      }
      col += span;
    }
    rows.push(row);
  }
  return { kind: 'table', rows, blanksAreCells: true, position: { line, column: 1 } };
}
