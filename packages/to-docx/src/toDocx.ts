import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun, type Document, type FileChild } from 'docx';
import { assertReport, characterWidth, documentBlocks, officeTextWidth, PAGE_NUMBER, placeSignature, reportTitle, titleLines, type Report, xmlSafeValue } from '@report-convert/core';
import { A4, GB_T_9704, mmToTwips, type DocxStyle } from './styles.js';
import { packDocx } from './pack.js';
import { emptyLine, gridTable, gridTableStyleXml, tableParagraphStyles } from './table.js';
import { LANGUAGE, run } from './text.js';
import { reusedCell, type CellMaker } from './cells.js';
import { newDocument, styledDocument, type DocumentBuilder, type StyleOptions } from './styleTemplate.js';

export interface DocxOptions {
  /** Overrides of the GB/T 9704 defaults (fonts, sizes in pt, margins in mm, line spacing in pt). */
  style?: {
    fonts?: Partial<DocxStyle['fonts']>;
    sizes?: Partial<DocxStyle['sizes']>;
    margins?: Partial<DocxStyle['margins']>;
    lineSpacing?: number;
    /** 'outside' (GB/T 9704: odd pages right, even pages left, one character in) or 'centred' on every page. */
    pageNumbers?: 'outside' | 'centred';
  };
}

/** The complete annual report as a Word document, laid out as Chinese official documents are. */
export async function toDocx(report: Report, options: DocxOptions = {}): Promise<Uint8Array> {
  // styles.xml, the theme, settings, footers… follow from the style alone: built and written once per style, not once per report.
  // JSON writes NaN and ±Infinity as null, as it writes null: named instead, lest such a style get another's template and parts.
  const styleKey = JSON.stringify({ ...docxStyle(options), centred: options.style?.pageNumbers === 'centred' }, (_, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? `${value} (a number)` : value));
  return packDocx(reportDocument(report, options, reusedCell, (style, content) => styledDocument(styleKey, style, content)), styleKey);
}

/** GB/T 9704 with the options' overrides. */
function docxStyle(options: DocxOptions): DocxStyle {
  return {
    fonts: { ...GB_T_9704.fonts, ...options.style?.fonts },
    sizes: { ...GB_T_9704.sizes, ...options.style?.sizes },
    margins: { ...GB_T_9704.margins, ...options.style?.margins },
    lineSpacing: options.style?.lineSpacing ?? GB_T_9704.lineSpacing,
  };
}

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
        children.push(gridTable(report, block.grid, textWidth, makeCell), emptyLine());
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
    creator: 'report-convert',
    section: {
      properties: { page: { size: A4, margin: { top: mmToTwips(style.margins.top), bottom: mmToTwips(style.margins.bottom), left: mmToTwips(style.margins.left), right: mmToTwips(style.margins.right) } } },
      // Word's default footer is the odd pages' once even pages have their own.
      footers: centred ? { default: pageNumberFooter('center') } : { default: pageNumberFooter(PAGE_NUMBER.side(1)), even: pageNumberFooter(PAGE_NUMBER.side(2)) },
    },
  };
}
