import { textWidth } from './text-width.js';

/** The median widest line of a column's wrapped cells, times this, is the column's width. */
const MEDIAN_TO_WIDTH = 1.05;
/** Fewer wrapped cells than this tell too little of a column's width. */
const MIN_WRAPPED = 3;
/** A line ending in a list mark may have been broken by hand: "Chiến lược/" / "Kế hoạch", "Sở Nội vụ," / "Sở Tài chính". */
const HAND_BREAK = /[,;/]$/u;

/**
 * How wide a column is (ems), from the cells one reading put in it.
 * pdftotext keeps the page's line breaks, and the widest line of a cell that
 * wrapped is close to the column's width: the median over the rows (a few
 * misread rows do not set it), times 1.05. Only cells that wrapped count: a
 * cell broken by hand after a slash or comma ("Chiến lược/" / "Kế hoạch",
 * "Các cơ chế," / "chính sách") can be far narrower than its column. With
 * too few of those, the widest line but one. Never narrower than the
 * header's lines; null when the column has no lines.
 */
export function columnWidth(cells: readonly (readonly string[])[], headerLines: readonly string[]): number | null {
  const wrapped = cells.filter((c) => c.slice(0, -1).some((line) => !HAND_BREAK.test(line.trim()))).map((c) => Math.max(...c.map(textWidth))).sort((x, y) => x - y);
  const all = cells.flatMap((c) => c.map(textWidth)).sort((x, y) => y - x);
  const fromBody = wrapped.length >= MIN_WRAPPED ? (wrapped[Math.floor(wrapped.length / 2)] ?? 0) * MEDIAN_TO_WIDTH : (all[Math.min(1, all.length - 1)] ?? 0);
  const fromHeader = Math.max(0, ...headerLines.map(textWidth));
  return Math.max(fromHeader, fromBody) || null;
}
