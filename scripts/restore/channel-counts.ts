/**
 * What the OCR noise channel is counted from: each (digital, English-OCR)
 * PDF pair read by the pipeline (no OCR, no restoration), its pages' words
 * aligned, and the counts of which token the OCR wrote for which word.
 * Kept apart from learn-ocr-channel.ts so that a tuning run can count the
 * channel on some documents and restore the others with it (the pages are
 * read by pair-text.ts).
 */
import { similarity, stripDiacritics } from '../../src/core/index.js';
import type { ChannelData } from '../../src/restore/ocr-channel.js';
import { alignChars, alignWords } from './alignment.js';

/** Below this share of a token's readings, a word whose letters are less similar than MISALIGNED_SIMILARITY is taken for a misalignment. */
const MISALIGNED_SHARE = 0.05;
const MISALIGNED_SIMILARITY = 0.5;

/** One pair's pages as read: the correct text and the OCR's, page by page. */
export interface PairText {
  name: string;
  pages: { clean: string; noisy: string }[];
}

/** A word as the channel counts it: lower case, NFC, without the punctuation around it. */
export const channelWords = (text: string): string[] =>
  text.normalize('NFC').toLowerCase().match(/[^\s]+/gu)?.map((w) => w.replace(/^[^\p{L}\p{N}&§$@]+|[^\p{L}\p{N}&§$@]+$/gu, '')).filter(Boolean) ?? [];

/** The aligned (intended, observed) word pairs of one pair's pages, as the channel counts them. */
export function alignedWords(text: PairText): [string, string][] {
  const out: [string, string][] = [];
  for (const page of text.pages) {
    for (const [intended, observed] of alignWords(channelWords(page.clean), channelWords(page.noisy))) {
      if (!/^\p{L}+$/u.test(intended)) continue;
      // an alignment of unrelated words (a line the OCR lost) teaches nothing
      if (similarity(stripDiacritics(observed), stripDiacritics(intended)) < 0.34) continue;
      out.push([intended, observed]);
    }
  }
  return out;
}

/**
 * The channel's counts from aligned word pairs: tokens (observed, diacritics
 * stripped → intended word), letter confusions (observed letters → intended),
 * and how often each intended word was aligned at all, which turns a token's
 * count into P(token | word).
 */
export function countChannel(aligned: Iterable<readonly [string, string]>): ChannelData {
  const tokens = new Map<string, Map<string, number>>();
  const subs = new Map<string, Map<string, number>>();
  const words = new Map<string, number>();
  let pairs = 0;
  let identical = 0;
  const bump = (table: Map<string, Map<string, number>>, from: string, to: string): void => {
    const row = table.get(from) ?? new Map<string, number>();
    row.set(to, (row.get(to) ?? 0) + 1);
    table.set(from, row);
  };
  for (const [intended, observed] of aligned) {
    const obs = stripDiacritics(observed);
    const bare = stripDiacritics(intended);
    pairs++;
    if (obs === bare) identical++;
    words.set(intended, (words.get(intended) ?? 0) + 1);
    bump(tokens, obs, intended);
    for (const [o, i] of alignChars(obs, bare)) if (o !== i) bump(subs, o, i);
  }
  const toJson = (table: Map<string, Map<string, number>>, min: number): Record<string, Record<string, number>> =>
    Object.fromEntries([...table].map(([k, row]) => [k, Object.fromEntries([...row].filter(([, n]) => n >= min))]).filter(([, row]) => Object.keys(row as object).length));
  // a token seen a few times for a word its letters hardly spell ("thanh" for "ban", 2 of 733) is two lines aligned
  // wrongly more often than a misreading: kept only as 5 % or more of the token's readings
  for (const [obs, row] of tokens) {
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    for (const [word, n] of row) if (n < total * MISALIGNED_SHARE && similarity(obs, stripDiacritics(word)) < MISALIGNED_SIMILARITY) row.delete(word);
  }
  return {
    pairs,
    identity: identical / pairs,
    tokens: toJson(tokens, 2),
    subs: toJson(subs, 3),
    // words aligned twice or more (a word aligned once has no token seen twice either)
    words: Object.fromEntries([...words].filter(([, n]) => n >= 2).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}
