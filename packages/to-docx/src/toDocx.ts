import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun, type Document, type FileChild } from 'docx';
import { assertOptions, assertReport, characterWidth, OptionsError, type SchemaProblem, documentBlocks, officeTextWidth, OUTPUT_CREATOR, PAGE_NUMBER, placeSignature, reportTitle, titleLines, type Report, xmlSafeValue } from '@report-convert/core';
import { z } from 'zod';
import { A4, DocxStyle, GB_T_9704, mmToTwips } from './styles.js';
import { packDocx } from './pack.js';
import { emptyLine, gridTable, gridTableStyleXml, tableParagraphStyles } from './table.js';
import { LANGUAGE, run } from './text.js';
import { reusedCell, type CellMaker } from './cells.js';
import { newDocument, styledDocument, type DocumentBuilder, type StyleOptions } from './styleTemplate.js';

/** toDocx's options: their type, and their check (a misspelt key is refused, not ignored); toDocx's pageProblems then check the page they make. */
export const DocxOptions = z.strictObject({
  /** Overrides of the GB/T 9704 defaults (fonts, sizes in pt, margins in mm, line spacing in pt). */
  style: z
    .strictObject({
      fonts: DocxStyle.shape.fonts.partial().optional(),
      sizes: DocxStyle.shape.sizes.partial().optional(),
      margins: DocxStyle.shape.margins.partial().optional(),
      lineSpacing: DocxStyle.shape.lineSpacing.optional(),
      /** 'outside' (GB/T 9704: odd pages right, even pages left, one character in) or 'centred' on every page. */
      pageNumbers: z.enum(['outside', 'centred']).optional(),
    })
    .optional(),
  /** The creation date written in the file (now by default): a fixed one gives the same bytes every time. */
  date: z.date().optional(),
});
export type DocxOptions = z.infer<typeof DocxOptions>;

/** The complete annual report as a Word document, laid out as Chinese official documents are. */
export async function toDocx(report: Report, options: DocxOptions = {}): Promise<Uint8Array> {
  // styles.xml, the theme, settings, footers… follow from the style alone: built and written once per style, not once per report.
  // A style is checked first (docxStyle): no NaN or Infinity, which JSON would write as null, reaches the key.
  const styleKey = JSON.stringify({ ...docxStyle(options), centred: options.style?.pageNumbers === 'centred' });
  return packDocx(reportDocument(report, options, reusedCell, (style, content) => styledDocument(styleKey, style, content)), styleKey, options.date);
}

/** GB/T 9704 with the options' overrides; an OptionsError when the options do not fit DocxOptions or make no readable page. */
function docxStyle(options: DocxOptions): DocxStyle {
  assertOptions(DocxOptions, options, 'toDocx');
  const style = {
    fonts: overridden(GB_T_9704.fonts, options.style?.fonts),
    sizes: overridden(GB_T_9704.sizes, options.style?.sizes),
    margins: overridden(GB_T_9704.margins, options.style?.margins),
    lineSpacing: options.style?.lineSpacing ?? GB_T_9704.lineSpacing,
  };
  const problems = pageProblems(style);
  if (problems.length) throw new OptionsError('toDocx', problems);
  return style;
}

/** A part of GB/T 9704 with the caller's overrides: one left undefined keeps the default, as an option left undefined does. */
function overridden<T extends object>(defaults: T, overrides: Partial<T> = {}): T {
  return { ...defaults, ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) };
}

/** What keeps a readable page: a text area of at least 60 × 80 mm on A4, and a line spacing no smaller than the body text (an exact spacing below it cuts the characters). */
function pageProblems({ margins, lineSpacing, sizes }: DocxStyle): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (margins.left + margins.right > 150) problems.push({ message: 'style.margins: the left and right margins leave less than 60 mm of A4 for the text', messageZh: 'style.margins：左右页边距之和过大，A4 纸上留给正文的宽度不足 60 毫米' });
  if (margins.top + margins.bottom > 217) problems.push({ message: 'style.margins: the top and bottom margins leave less than 80 mm of A4 for the text', messageZh: 'style.margins：上下页边距之和过大，A4 纸上留给正文的高度不足 80 毫米' });
  if (lineSpacing < sizes.body) problems.push({ message: `style.lineSpacing: an exact line spacing of ${lineSpacing} pt, smaller than the ${sizes.body} pt body text, cuts its characters`, messageZh: `style.lineSpacing：固定行距 ${lineSpacing} 磅小于正文字号 ${sizes.body} 磅，会截断文字` });
  return problems;
}

/** What toDocx threw for its options before every writer threw core's OptionsError: the same class, for callers that catch it by this name. */
export { OptionsError as DocxOptionsError };

/**
 * The report as a docx library Document, before it is packed. All its parts but document.xml and core.xml depend on the style only (see toDocx).
 * Table cells come from `makeCell`: reused from report to report (cells.ts), or built anew, as the tests compare; the Document
 * from `build`: on its style's template (styleTemplate.ts), or by docx's constructor, as the tests compare.
 */
export function reportDocument(given: Report, options: DocxOptions = {}, makeCell: CellMaker = reusedCell, build: DocumentBuilder = newDocument): Document {
  assertReport(given);
  // docx writes text as it is given: one control character and Word refuses the whole file.
  const report = xmlSafeValue(given);
  const style = docxStyle(options);
  const textWidth = A4.width - mmToTwips(style.margins.left) - mmToTwips(style.margins.right);
  const exact = { line: Math.round(style.lineSpacing * 20), lineRule: LineRuleType.EXACT };
  const children: FileChild[] = [];
  for (const block of documentBlocks(report)) {
    switch (block.kind) {
      case 'title':
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400, line: Math.round(style.sizes.title * 1.6 * 20), lineRule: LineRuleType.EXACT },
            // Word does not measure for us here: a Chinese character takes an em, a Latin one about half.
            children: titleLines(block.text, report.meta.agency, (line) => characterWidth(line) * style.sizes.title * 20 <= textWidth).map((line, i) =>
              run(line, style.fonts.title, style.sizes.title, style, { lineBreakBefore: i > 0 }),
            ),
          }),
        );
        break;
      case 'heading':
        children.push(
          new Paragraph({
            spacing: exact,
            indent: { firstLine: Math.round(style.sizes.body * 2 * 20) },
            keepNext: true,
            outlineLevel: block.level - 1, // listed in Word's navigation pane, looking no different
            children: [run(block.text, block.level === 1 ? style.fonts.heading1 : style.fonts.heading2, block.level === 1 ? style.sizes.heading1 : style.sizes.heading2, style)],
          }),
        );
        break;
      case 'paragraph':
        // Body runs take font, size and language from the document defaults: one definition, not one per run.
        children.push(new Paragraph({ spacing: exact, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(style.sizes.body * 2 * 20) }, children: [new TextRun(block.text)] }));
        break;
      case 'table':
        children.push(gridTable(report, block.grid, textWidth, style.sizes, makeCell), emptyLine());
        break;
      case 'signature':
        children.push(
          emptyLine(),
          ...placeSignature(block.lines, officeTextWidth).map((line) => new Paragraph({ spacing: exact, alignment: AlignmentType.RIGHT, indent: { right: Math.round(style.sizes.body * line.rightIndent * 20) }, children: [run(line.text, style.fonts.body, style.sizes.body, style)] })),
        );
        break;
    }
  }
  return build(() => styleOptions(style, options.style?.pageNumbers === 'centred'), {
    title: reportTitle(report),
    ...(report.meta.agency ? { description: report.meta.agency } : {}),
    children,
  });
}

/** The Document's options that follow from the style alone: styles, page, page-number footers. */
function styleOptions(style: DocxStyle, centred: boolean): StyleOptions {
  const pageNumberFooter = (side: 'left' | 'right' | 'center') =>
    new Footer({
      children: [
        new Paragraph({
          alignment: side === 'left' ? AlignmentType.LEFT : side === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
          indent: side === 'center' ? {} : { [side]: Math.round(style.sizes.body * PAGE_NUMBER.inset * 20) },
          children: [new TextRun({ children: [PAGE_NUMBER.before, PageNumber.CURRENT, PAGE_NUMBER.after], size: 28, font: { ascii: style.fonts.latin, eastAsia: style.fonts.body } })],
        }),
      ],
    });
  return {
    externalStyles: gridTableStyleXml,
    styles: {
      default: { document: { run: { font: { eastAsia: style.fonts.body, ascii: style.fonts.latin, hAnsi: style.fonts.latin, hint: 'eastAsia' }, size: Math.round(style.sizes.body * 2), language: LANGUAGE } } },
      paragraphStyles: tableParagraphStyles(style),
    },
    evenAndOddHeaderAndFooters: !centred,
    creator: OUTPUT_CREATOR,
    section: {
      properties: { page: { size: A4, margin: { top: mmToTwips(style.margins.top), bottom: mmToTwips(style.margins.bottom), left: mmToTwips(style.margins.left), right: mmToTwips(style.margins.right) } } },
      // Word's default footer is the odd pages' once even pages have their own.
      footers: centred ? { default: pageNumberFooter('center') } : { default: pageNumberFooter(PAGE_NUMBER.side(1)), even: pageNumberFooter(PAGE_NUMBER.side(2)) },
    },
  };
}
