import type { parseDocument } from 'htmlparser2';
import type { Block, SourceCell, SourceDocument } from '../ast.js';
import type { InputError } from '../errors.js';
import { lineIndex } from './lines.js';
import { parseShallow } from './nesting.js';

// Node types come from htmlparser2's own result type, so no transitive package is imported directly.
type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;

const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'iframe', 'object']);
// td and th: the cells of a frame (a table holding tables), each read as a block of the page.
const BLOCK = new Set(['td', 'th', 'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'blockquote', 'center', 'header', 'footer', 'main', 'pre', 'dd', 'dt', 'dl', 'form', 'body', 'html', 'tr', 'caption']);

/** Collapses HTML white space, keeping CJK text joined: `本年新<br>制作数量` reads 本年新制作数量. */
const clean = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/**
 * Report pages with real tables: paragraphs in document order, tables with rowspan/colspan,
 * cells whose text is split across spans, `<br>` and `&nbsp;` (Word-pasted HTML included).
 */
export function readHtmlDocument(html: string, script: SourceDocument['script']): SourceDocument | InputError {
  const dom = parseShallow(html, { withStartIndices: true, decodeEntities: true, lowerCaseTags: true }, 'a web page', '网页');
  if ('code' in dom) return dom;
  const at = lineIndex(html);
  const blocks: Block[] = [];
  let paragraph = '';
  let paragraphStart = 0;

  const flush = () => {
    const text = clean(paragraph);
    if (text) blocks.push({ kind: 'paragraph', text, position: at(paragraphStart) });
    paragraph = '';
  };
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (!paragraph.trim()) paragraphStart = node.startIndex ?? 0;
        paragraph += node.data;
      } else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        const el = node as Element;
        if (SKIP.has(el.name)) continue;
        if (el.name === 'table' && !holdsTable(el)) {
          flush();
          blocks.push(readTable(el, at));
        } else if (el.name === 'br') {
          flush();
        } else if (BLOCK.has(el.name)) {
          flush();
          walk(el.children);
          flush();
        } else walk(el.children);
      }
    }
  };
  walk(dom.children);
  flush();
  return { format: 'html', script, blocks };
}

/**
 * A table holding tables is a frame: a page laid out with tables (as many agencies' sites still are) puts
 * the whole report, its tables too, in a cell of one. Its cells are read as the page is, in order.
 */
const holdsTable = (el: Element): boolean => el.children.some((c) => c.type === 'tag' && (c.name === 'table' || holdsTable(c)));

function readTable(table: Element, at: (offset: number) => { line: number; column: number }): Block {
  const rows: SourceCell[][] = [];
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (child.type !== 'tag') continue;
      if (child.name === 'tr') rows.push(child.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th')).map((cell) => readCell(cell, at)));
      else if (child.name !== 'table') visit(child);
    }
  };
  visit(table);
  return { kind: 'table', rows, blanksAreCells: true, position: at(table.startIndex ?? 0) };
}

function readCell(cell: Element, at: (offset: number) => { line: number; column: number }): SourceCell {
  let text = '';
  const collect = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') text += node.data;
      else if (node.type === 'tag' && !SKIP.has(node.name)) {
        // Word splits labels into one span per character and breaks lines with <br>: join without a gap,
        // but keep a space between block-level pieces so that separate words stay apart.
        if (BLOCK.has(node.name) && text && !/\s$/.test(text)) text += ' ';
        collect(node.children);
      }
    }
  };
  collect(cell.children);
  const span = (name: string) => Math.max(1, Math.min(1000, Number.parseInt(cell.attribs[name] ?? '1', 10) || 1));
  return { text: clean(text), colSpan: span('colspan'), rowSpan: span('rowspan'), position: at(cell.startIndex ?? 0) };
}
