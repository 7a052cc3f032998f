export interface TableRows {
  heights: number[];
  /** The height that must stay on one page from each row on: the rows a label spanning from it, or a row introducing them, needs. */
  keepTogether: number[];
  headerRows: number;
  pageTop: number;
  pageBottom: number;
}

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
export function paginateRows(table: TableRows & { startY: number }): PageOfRows[] {
  const { heights, headerRows, pageTop, pageBottom } = table;
  const header = [...Array(headerRows).keys()];
  const headerHeight = heightOfHeader(table);
  const needed = neededAfter(table);
  const startY = table.startY + tableStartHeight(table) > pageBottom ? pageTop : table.startY;
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

/** What must follow row r on its page: the rows it keeps together, unless even a fresh page cannot hold them. */
function neededAfter(table: TableRows): (r: number) => number {
  const { heights, keepTogether, pageTop, pageBottom } = table;
  const headerHeight = heightOfHeader(table);
  return (r) => (pageTop + headerHeight + keepTogether[r]! <= pageBottom ? keepTogether[r]! : heights[r]!);
}

/** The height a table needs where it starts: its header rows, and its first body row with what that row keeps together. */
export function tableStartHeight(table: TableRows): number {
  return heightOfHeader(table) + (table.headerRows < table.heights.length ? neededAfter(table)(table.headerRows) : 0);
}

const heightOfHeader = ({ heights, headerRows }: TableRows) => heights.slice(0, headerRows).reduce((sum, h) => sum + h, 0);

/** Body rows that not even a fresh page holds under the header rows: since no row is split, what does not fit is not printed. */
export function rowsTallerThanAPage(table: TableRows): number[] {
  const room = table.pageBottom - table.pageTop - heightOfHeader(table);
  return table.heights.flatMap((h, r) => (r >= table.headerRows && h > room ? [r] : []));
}
