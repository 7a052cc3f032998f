/**
 * A PDF page as a text extractor sees it (pdf.js, poppler…): runs of text at their baseline, and
 * the straight lines drawn on it. Page space: points, origin at the bottom left, y upwards.
 */
export interface PdfText {
  text: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size: the height of a line of this text. */
  size: number;
}

/** A straight stroke or the edge of a thin filled rectangle: table borders are drawn with these. */
export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPage {
  width: number;
  height: number;
  texts: PdfText[];
  rules: PdfRule[];
}
