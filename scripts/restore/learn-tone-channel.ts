/**
 * Learns the Vietnamese-model OCR tone channel (`npm run learn:tones`,
 * writes models/vie-ocr-tones.json): the copies of vie-ocr-pairs.ts (made
 * first where missing, ~1 min a page on the shared machine) not held out,
 * each page's OCR words aligned with the words it prints, and, for every
 * word whose OCR reading has the same letters as the truth, the tone and
 * each vowel's (and d's) marks as read against as printed, and how often a
 * word read at each confidence was wrong. Never KH 44, never gold.
 */
import { fileURLToPath } from 'node:url';
import { similarity, stripDiacritics, writeFileAtomic } from '../../src/core/index.js';
import { splitTone, type ToneChannelData } from '../../src/restore/tone-channel.js';
import { vieOcrCopies, type VieOcrCopy } from './vie-ocr-pairs.js';

/** Upper edges of the confidence buckets. */
const EDGES = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.96, 1];

/** A word as aligned: lower case, NFC, without the punctuation around it. */
export const alignWord = (w: string): string => w.normalize('NFC').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Aligns two word sequences (edit distance, substitution cost 1 − similarity without marks); the index pairs substituted. */
export function alignIndexed(source: readonly string[], observed: readonly string[]): [number, number][] {
  const n = source.length;
  const m = observed.length;
  const bare = (ws: readonly string[]): string[] => ws.map((w) => stripDiacritics(w));
  const [sb, ob] = [bare(source), bare(observed)];
  const cost = (i: number, j: number): number => (source[i] === observed[j] ? 0 : 1 - similarity(sb[i]!, ob[j]!) + 0.01);
  const d = Array.from({ length: n + 1 }, (_, i) => Float64Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost(i - 1, j - 1));
  const out: [number, number][] = [];
  let [i, j] = [n, m];
  while (i > 0 && j > 0) {
    if (Math.abs(d[i]![j]! - (d[i - 1]![j - 1]! + cost(i - 1, j - 1))) < 1e-9) out.push([--i, --j]);
    else if (Math.abs(d[i]![j]! - (d[i - 1]![j]! + 1)) < 1e-9) i--;
    else j--;
  }
  return out.reverse();
}

/** The (intended, printed, confidence) words of a copy's pages whose letters agree. */
export function sameLetterWords(copy: VieOcrCopy): { intended: string; printed: string; confidence: number }[] {
  const out: { intended: string; printed: string; confidence: number }[] = [];
  for (const page of copy.pages) {
    const truth = page.clean.split(/\s+/u).map(alignWord).filter(Boolean);
    const read = page.lines.flat().map((w) => ({ text: alignWord(w.text), confidence: w.confidence })).filter((w) => w.text);
    for (const [i, j] of alignIndexed(truth, read.map((w) => w.text))) {
      const [intended, printed] = [truth[i]!, read[j]!.text];
      if (!/^\p{L}+$/u.test(intended) || stripDiacritics(intended) !== stripDiacritics(printed)) continue;
      out.push({ intended, printed, confidence: read[j]!.confidence });
    }
  }
  return out;
}

/** The channel's counts from aligned words. */
export function countTones(words: Iterable<{ intended: string; printed: string; confidence: number }>): ToneChannelData {
  const data: ToneChannelData = { tones: {}, letters: {}, confidence: { edges: EDGES, words: EDGES.map(() => 0), wrong: EDGES.map(() => 0) } };
  const add = (table: Record<string, Record<string, number>>, a: string, b: string): void => {
    const row = (table[a] ??= {});
    row[b] = (row[b] ?? 0) + 1;
  };
  for (const { intended, printed, confidence } of words) {
    const [i, p] = [splitTone(intended), splitTone(printed)];
    const [il, pl] = [[...i.letters], [...p.letters]];
    if (il.length !== pl.length) continue;
    add(data.tones, i.tone, p.tone);
    il.forEach((c, k) => {
      if (/[aăâeêoôơuưdđ]/u.test(c)) add(data.letters, c, pl[k]!);
    });
    const b = Math.max(0, EDGES.findIndex((e) => confidence <= e));
    data.confidence.words[b]! += 1;
    if (intended !== printed) data.confidence.wrong[b]! += 1;
  }
  return data;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const copies = (await vieOcrCopies(console.log, process.argv.includes('--made'))).filter((c) => !c.heldOut);
  const words = copies.flatMap(sameLetterWords);
  const data = countTones(words);
  const wrong = words.filter((w) => w.intended !== w.printed).length;
  const out = fileURLToPath(new URL('../../models/vie-ocr-tones.json', import.meta.url));
  await writeFileAtomic(out, `${JSON.stringify({ note: `learned by scripts/restore/learn-tone-channel.ts from ${copies.length} copies (${copies.reduce((n, c) => n + c.pages.length, 0)} pages), ${words.length} words read with their letters, ${wrong} of them with other marks`, ...data })}\n`);
  console.log(`${copies.length} copies, ${words.length} same-letter words, ${wrong} with other marks → ${out}`);
}
