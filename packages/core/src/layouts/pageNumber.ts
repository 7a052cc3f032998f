/**
 * Page numbers as GB/T 9704-2012 §7.5 sets them: — N — (一字线 either side), on odd pages at the right
 * and on even pages at the left of the type area, one body character in (单页码居右空一字，双页码居左空一字),
 * so that they stand at the outer edge of a two-sided print.
 */
export const PAGE_NUMBER = {
  /** What stands before and after the number: a writer puts its own page field between them. */
  before: '— ',
  after: ' —',
  /** Which side a page's number stands on: pages count from 1. */
  side: (page: number): 'left' | 'right' => (page % 2 === 1 ? 'right' : 'left'),
  /** How far in from that edge of the type area, in body characters. */
  inset: 1,
} as const;
