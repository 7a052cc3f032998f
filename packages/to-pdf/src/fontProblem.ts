import { systemErrorZh } from '@report-convert/core/systemError';
import { FontFileError, loadFont, type DrawingFont } from './drawingFont.js';

// Apart from drawingFont.ts: the public declarations here name no fontkit type, so a consumer's
// type check never needs fontkit's (it ships none; ours are in fontkit.d.ts, not published).

/** What is wrong with a font the user gave, in both languages. */
export interface FontProblem {
  message: string;
  messageZh: string;
}

/** renderPdf's (and toPdf's) refusal of a font it cannot draw a report in: `fontProblem` says the same beforehand. */
export class FontError extends Error {
  override readonly name = 'FontError';
  readonly messageZh: string;
  constructor(problem: FontProblem, readonly role: 'body' | 'title' | 'heading') {
    super(problem.message);
    this.messageZh = problem.messageZh;
  }
}

/** Every report prints these (its title says so): a font lacking them is no font for these reports, not one that lacks a rare character. */
const EVERY_REPORT = '政府信息公开工作年度报告';

/**
 * Why a font cannot draw these reports' PDFs (unreadable, not a font, a collection with no face
 * named, not a simplified Chinese font), or undefined when it can.
 */
export function fontProblem(source: string | Uint8Array): FontProblem | undefined {
  let font: DrawingFont;
  try {
    font = loadFont(source);
  } catch (error) {
    // The user's file, not our bug: said, not thrown.
    if (error instanceof FontFileError) return { message: error.message, messageZh: error.messageZh };
    const code = (error as NodeJS.ErrnoException).code;
    if (code) return { message: `cannot read the font file (${code})`, messageZh: `无法读取字体文件（${systemErrorZh(code)}）` };
    return { message: `not a font file that can be used (TrueType or OpenType, .ttf, .otf or .ttc): ${(error as Error).message}`, messageZh: `不是可用的字体文件（应为 TrueType 或 OpenType：.ttf、.otf 或 .ttc）` };
  }
  let lacking = lackingOf.get(font);
  if (lacking === undefined) lackingOf.set(font, (lacking = EVERY_REPORT_CHARACTERS.filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!)).length));
  if (lacking)
    return { message: `not a simplified Chinese font: it lacks ${lacking} of the ${EVERY_REPORT_CHARACTERS.length} characters of ${EVERY_REPORT}, which every report prints`, messageZh: `不是简体中文字体：每份报告都印的“${EVERY_REPORT}”${EVERY_REPORT_CHARACTERS.length} 个字，它缺少 ${lacking} 个` };
  return undefined;
}

const EVERY_REPORT_CHARACTERS = [...new Set(EVERY_REPORT)];
/** What each loaded font lacks of them, counted once: renderPdf asks again for every role of every report. */
const lackingOf = new WeakMap<DrawingFont, number>();
