export interface PageOfRows {
  /** Grid rows on this page, header rows first. */
  rows: number[];
  /** Where the table starts on this page. */
  top: number;
}

/**
 * Lays a table's rows out on pages: no row is split, the header rows repeat on every page, and a
 * row starts a new page when it, or the rows a label spanning from it needs (`keepTogether`), would
 * cross the bottom. The table itself moves to a new page when not even its header and first row fit.
 */
export function paginateRows(table: { heights: number[]; keepTogether: number[]; headerRows: number; startY: number; pageTop: number; pageBottom: number }): PageOfRows[] {
  const { heights, keepTogether, headerRows, pageTop, pageBottom } = table;
  const header = [...Array(headerRows).keys()];
  const headerHeight = header.reduce((sum, r) => sum + heights[r]!, 0);
  // What must follow row r on its page: the rows its label needs, unless even a fresh page cannot hold them.
  const needed = (r: number) => (pageTop + headerHeight + keepTogether[r]! <= pageBottom ? keepTogether[r]! : heights[r]!);
  const startY = headerRows < heights.length && table.startY + headerHeight + needed(headerRows) > pageBottom ? pageTop : table.startY;
  const pages: PageOfRows[] = [{ rows: [...header], top: startY }];
  let y = startY + headerHeight;
  for (let r = headerRows; r < heights.length; r++) {
    const hasBody = pages.at(-1)!.rows.length > headerRows;
    if (hasBody && y + needed(r) > pageBottom) {
      pages.push({ rows: [...header], top: pageTop });
      y = pageTop + headerHeight;
    }
    pages.at(-1)!.rows.push(r);
    y += heights[r]!;
  }
  return pages;
}
