import type { Block, Page } from '../../schemas/index.js';

/**
 * A paragraph that layout cut in two: on a scan a wider line gap splits a
 * sentence ("… Công văn số 545/HD-BTV ngày" / "29 tháng 7 năm 2025 …"), and
 * a page break leaves a footnote and a footer between a sentence's halves.
 * Both halves are needed to read who is asked to do what by when.
 */

/** A block that ends its sentence or clause: the next one cannot go on with it. */
const CLOSED = /[.;:!?…)\]"”]\s*$/u;
/** How an item or a heading opens ("Điều 3.", "2.", "a)", "II.", "- "): a new paragraph, never the rest of one. */
const OPENS_ITEM = /^(?:Điều\s+\d+|\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[IVXLC]+[.)]|[-–•+*])\s/u;
/** How a sentence's rest opens: a lower-case word, or a number and a lower-case word ("29 tháng 7 …"). */
const GOES_ON = /^(?:\p{Ll}|\d+\s+\p{Ll})/u;

/** Whether `next`, on the same page right below `prev`, is the rest of `prev`'s sentence. */
export function restOfSentence(prev: string, next: string): boolean {
  const p = prev.trim();
  const n = next.trim();
  return p !== '' && !CLOSED.test(p) && !OPENS_ITEM.test(n) && GOES_ON.test(n);
}

/** Whether a page's first paragraph `next` goes on with `prev`, the previous page's last paragraph in body type: `prev` leaves its sentence open. */
export function goesOnFromPage(prev: string, next: string): boolean {
  const p = prev.trim();
  const n = next.trim();
  return p !== '' && /[\p{L}\p{N},]$/u.test(p) && !OPENS_ITEM.test(n);
}

/** Share of the body's type size under which a block is a footnote or a footer. */
const SMALL_TYPE = 0.9;

/** Whether a block is in the page's body type, not a footnote's or footer's smaller one (by the type size most of the page's text has). */
export function inBodyType(page: Page): (block: Block) => boolean {
  const sized = page.blocks.filter((b) => b.fontSize !== null && !b.banner).map((b) => ({ size: b.fontSize!, weight: b.text.length }));
  const total = sized.reduce((s, b) => s + b.weight, 0);
  let run = 0;
  const body = [...sized].sort((a, b) => a.size - b.size).find((b) => (run += b.weight) >= total / 2)?.size ?? null;
  return (block) => body === null || block.fontSize === null || block.fontSize >= SMALL_TYPE * body;
}
