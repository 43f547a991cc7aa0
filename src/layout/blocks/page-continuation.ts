import type { Page } from '../../../schemas/index.js';
import { opensSignature } from '../../lexicon/index.js';

/** How a paragraph ends: one that does not was cut by the page break ("… dữ liệu từ" / "Cơ sở dữ liệu quốc gia về dân cư."). */
const SENTENCE_END = /[.;:!?…)”"]$/u;
/** What opens a new item rather than going on: a bullet, a numbered or lettered heading, an appendix. */
const NEW_ITEM = /^(?:[-–•*+]\s|[IVXLC]+\.\s|\d{1,2}(?:\.\d{1,2})*\.?\s|[a-zđ]\)\s|PHỤ LỤC|Phụ lục)/u;

/**
 * Marks each page's first block that goes on with the previous page's last
 * block: that one stopped mid-sentence (no closing punctuation), and this
 * one opens no new item (a bullet, a numbered heading, the signature part).
 * Decided once, here; segment and records read the flag.
 */
export function markPageContinuations(pages: readonly Page[]): Page[] {
  return pages.map((page, i) => {
    const last = pages[i - 1]?.blocks.at(-1);
    const first = page.blocks[0];
    if (!last || !first || SENTENCE_END.test(last.text.trim()) || NEW_ITEM.test(first.text.trim()) || opensSignature(first.text)) return page;
    return { ...page, blocks: [{ ...first, continues: true }, ...page.blocks.slice(1)] };
  });
}
