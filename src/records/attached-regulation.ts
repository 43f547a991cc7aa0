import type { Block } from '../../schemas/index.js';

/** "Điều 7." / "Điều 7:" at a block's start. */
const ARTICLE = /^Điều\s+(\d+)\s*[.:]\s/u;

/**
 * Where a regulation or charter attached to a decision begins: the first
 * article whose number is not above one met before ("Điều 1. Tên gọi, trụ
 * sở" of the fund's charter after the decision's "Điều 3. … thi hành"). Its
 * articles are the body's standing rules ("Ban Kiểm soát Quỹ có trách nhiệm
 * kiểm tra …"), not tasks the decision gives. Null when the articles never
 * restart (a plan or annex attached to a decision has no articles).
 */
export function attachedRegulationStart(placed: readonly { block: Block; page: number }[]): { page: number; line: number } | null {
  let last = 0;
  for (const { block, page } of placed) {
    const m = ARTICLE.exec(block.text);
    if (!m) continue;
    const n = Number(m[1]);
    if (n <= last) return { page, line: block.lineStart };
    last = n;
  }
  return null;
}

/** Whether a block is printed before `start` (always, when there is none). */
export function printedBefore(start: { page: number; line: number } | null, at: { page: number; line: number }): boolean {
  return start === null || at.page < start.page || (at.page === start.page && at.line < start.line);
}
