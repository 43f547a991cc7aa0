import type { Page } from '../../schemas/index.js';
import { matchCase, syllablesFor } from './candidates.js';
import { contextAt, logProbAfter, readingTerms, type ClauseContext } from './clause-context.js';
import type { NgramModel } from './ngram-model.js';
import { clausesOf, partOf, replacePart } from './ocr-word-repair.js';
import { syllableKey } from './syllable-inventory.js';
import { splitTone, type ToneChannel } from './tone-channel.js';

/**
 * Thresholds of the tone repair, tuned on held-out copies of our own text
 * read by the Vietnamese model (scripts/restore/tune-tone-repair.ts), never
 * on the hand-transcribed real scan pages.
 */
export interface ToneRepairOptions {
  /** The other reading's share of the posterior (language model × channel) it needs. */
  minPosterior: number;
  /** A word the OCR read at least this sure is left as read. */
  maxConfidence: number;
  /**
   * A line whose words' mean log-probability as printed (each after the
   * words before it in its clause, as many as the model reads, natural
   * log) is at least this reads as fluent Vietnamese and is left alone;
   * Infinity: every line is weighed word by word. It depends on the model:
   * a model of higher order finds correct text likelier.
   */
  fluentLine: number;
  /** Words read this sure are the document's evidence: their word pairs weigh like a cache beside the language model. */
  cacheConfidence: number;
  /**
   * The document cache's share of the interpolation. Off by default: on the
   * held-out copies it changed no figure by more than one word, and on a
   * real scan the OCR's sure misreadings repeat (a title printed on two
   * pages read "đôi tên" at 0.96 both times) and argued the right "đổi tên"
   * elsewhere into the wrong one.
   */
  cacheWeight: number;
}

/**
 * The shipped thresholds, for the shipped order-4 language model: on the
 * 12 held-out copies, 8 of 18 words read with other marks repaired, none
 * broken, and no word changed on the same texts as printed, each word read
 * at confidence 0.8. The trigram's thresholds (posterior 0.9, fluent line
 * −3, which gave it the same 8, 0 and 0) repaired 4 with the order-4 model:
 * its lines read as fluent more often (BENCHMARKS.md, "Order-4 model
 * shipped").
 */
export const TONE_REPAIR_DEFAULTS: ToneRepairOptions = { minPosterior: 0.95, maxConfidence: 0.93, fluentLine: -2.5, cacheConfidence: 0.93, cacheWeight: 0 };

/** One word the repair changed: page, printed, repaired. */
export interface ToneChange {
  page: number;
  printed: string;
  repaired: string;
}

/**
 * Vietnamese-model OCR that printed a real syllable with the wrong marks
 * ("đôi tên" for "đổi tên", "thâm quyển" for "thẩm quyền", "YÊU CÂU" for
 * "YÊU CẦU"): the word becomes another spelling of the same letters where
 * the language model with its neighbours (and, when `cacheWeight` is set,
 * the document's own surely read word pairs) times the learned channel (how often the OCR prints that mark
 * for that one, and how often a word read that sure is wrong at all) gives
 * the other spelling at least `minPosterior` of the posterior, the OCR was
 * not sure of the word, and its line does not read as fluent Vietnamese as
 * printed. Words no
 * syllable is, or the model never saw, are ocr-word-repair's. Pages read by
 * an English model (noisy: the channel decoder's) and digital pages are
 * left alone. Returns the pages and the changes made.
 */
export function repairOcrTones(pages: readonly Page[], model: NgramModel, channel: ToneChannel, options: Partial<ToneRepairOptions> = {}): { pages: Page[]; changes: ToneChange[] } {
  const opts = { ...TONE_REPAIR_DEFAULTS, ...options };
  const read = pages.filter((p) => p.origin === 'ocr' && p.quality?.verdict === 'good');
  const cache = documentPairs(read, opts.cacheConfidence);
  const changes: ToneChange[] = [];
  const out = pages.map((page) => (page.origin === 'ocr' && page.quality?.verdict === 'good' ? repairPage(page, model, channel, cache, opts, changes) : page));
  return { pages: out, changes };
}

/** Word pairs of the document's sure words (lower case), "v w" → count. */
function documentPairs(pages: readonly Page[], sure: number): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const page of pages) {
    const usable = page.lines.map((line) => page.words.slice(line.wordStart, line.wordEnd).map((w) => w.text).join(' ') === line.text);
    for (const clause of clausesOf(page.lines, page.words, usable)) {
      for (let k = 1; k < clause.length; k++) {
        const [a, b] = [clause[k - 1]!, clause[k]!];
        if (page.words[a.index]!.confidence < sure || page.words[b.index]!.confidence < sure) continue;
        const key = `${a.lower} ${b.lower}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  return pairs;
}

function repairPage(page: Page, model: NgramModel, channel: ToneChannel, cache: ReadonlyMap<string, number>, opts: ToneRepairOptions, changes: ToneChange[]): Page {
  const words = page.words.map((w) => ({ ...w }));
  const usable = page.lines.map((line) => words.slice(line.wordStart, line.wordEnd).map((w) => w.text).join(' ') === line.text);
  const capitals = page.lines.map((line) => {
    const letters = line.text.replace(/[^\p{L}]/gu, '');
    return letters.length > 1 && letters === letters.toUpperCase();
  });
  const clauses = clausesOf(page.lines, words, usable);
  // a line that reads as fluent Vietnamese as printed is left as it is
  const sum = page.lines.map(() => 0);
  const count = page.lines.map(() => 0);
  for (const clause of clauses) {
    const lowers = clause.map((c) => c.lower);
    clause.forEach((c, k) => {
      sum[c.line]! += logProbAfter(model, contextAt(lowers, k, model.order).before, c.lower);
      count[c.line]! += 1;
    });
  }
  const fluent = page.lines.map((_, i) => count[i]! > 0 && sum[i]! / count[i]! >= opts.fluentLine);
  const changed = new Set<number>();
  for (const clause of clauses) {
    const at = (k: number): string => (k < 0 ? '<s>' : (clause[k]?.lower ?? '</s>'));
    clause.forEach((c, k) => {
      const w = words[c.index]!;
      if (fluent[c.line] || w.confidence >= opts.maxConfidence) return;
      const { word } = partOf(w.text, c);
      // a word in capitals in a line that is not is an acronym ("CAT"), not a syllable
      if (!capitals[c.line] && /^\p{Lu}{2,}$/u.test(word)) return;
      // the word's own pairs are no evidence for its own reading: taken out of the cache while it is judged
      const lower = word.toLowerCase();
      const sure = (d: number): boolean => w.confidence >= opts.cacheConfidence && clause[k + d] !== undefined && words[clause[k + d]!.index]!.confidence >= opts.cacheConfidence;
      const own = new Map<string, number>();
      if (sure(-1)) own.set(`${at(k - 1)} ${lower}`, 1);
      if (sure(1)) own.set(`${lower} ${at(k + 1)}`, (own.get(`${lower} ${at(k + 1)}`) ?? 0) + 1);
      const others = own.size ? { get: (key: string): number | undefined => (cache.get(key) ?? 0) - (own.get(key) ?? 0) } : cache;
      // read afresh at each word: a word repaired before it is its neighbour as repaired
      const ctx = contextAt(clause.map((d) => d.lower), k, model.order);
      const reading = bestReading(lower, ctx, w.confidence, model, channel, others, opts);
      if (!reading) return;
      const repaired = matchCase(word, reading);
      changes.push({ page: page.number, printed: word, repaired });
      replacePart(w, clause, c, repaired);
      c.lower = reading;
      changed.add(c.line);
    });
  }
  if (!changed.size) return page;
  const lines = page.lines.map((line, i) => (changed.has(i) ? { ...line, text: words.slice(line.wordStart, line.wordEnd).map((w) => w.text).join(' ') } : line));
  return { ...page, words, lines, text: lines.map((l) => l.text).join('\n'), repairs: [...page.repairs, 'ocr-tones'] };
}

/**
 * The spelling of `printed`'s letters the posterior prefers, when it is not
 * `printed` and takes `minPosterior` of it; null otherwise. Only a syllable
 * the model knows is weighed (another is ocr-word-repair's), against the
 * known spellings of its letters.
 */
export function bestReading(printed: string, ctx: ClauseContext, confidence: number, model: NgramModel, channel: ToneChannel, cache: { get(key: string): number | undefined }, opts: ToneRepairOptions = TONE_REPAIR_DEFAULTS): string | null {
  if (!/^\p{Ll}+$/u.test(printed) || model.known(printed) < 0) return null;
  // "ủy" and "uỷ" are one syllable with its tone placed by two conventions: no other reading
  const as = splitTone(printed);
  const same = (s: string): boolean => {
    const t = splitTone(s);
    return t.tone === as.tone && t.letters === as.letters;
  };
  const readings = [printed, ...syllablesFor(syllableKey(printed)).filter((s) => !same(s) && model.known(s) >= 0)];
  if (readings.length < 2) return null;
  // the document's sure pairs beside this word, over its readings: a cache interpolated with the model
  const v = ctx.before.at(-1) ?? '<s>';
  const next = ctx.after[0] ?? '</s>';
  const count = (a: string, b: string): number => cache.get(`${a} ${b}`) ?? 0;
  const leftTotal = readings.reduce((n, s) => n + count(v, s), 0);
  const rightTotal = readings.reduce((n, s) => n + count(s, next), 0);
  const mix = (lp: number, hits: number, total: number): number => (total ? Math.log((1 - opts.cacheWeight) * Math.exp(lp) + (opts.cacheWeight * hits) / total) : lp);
  const scores = readings.map((s) => {
    // every term the reading enters (readingTerms: as many as the model's order reads), the two beside it mixed with the cache
    const [left = 0, right = 0, ...rest] = readingTerms(model, ctx, s);
    const lm = mix(left, count(v, s), leftTotal) + mix(right, count(s, next), rightTotal) + rest.reduce((a, b) => a + b, 0);
    const wrong = s !== printed;
    return lm + channel.logP(printed, s) + channel.logConfidence(confidence, wrong);
  });
  const top = Math.max(...scores);
  const z = scores.reduce((a, sc) => a + Math.exp(sc - top), 0);
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  if (best === 0 || Math.exp(scores[best]! - top) / z < opts.minPosterior) return null;
  // the other reading must be one the training text (or, with the cache on, the document) has beside each
  // neighbour it has: a table's columns read across one another ("Đồng chí Giám Sở", "đốc" in the next
  // column) give neighbours that vouch for nothing
  const s = readings[best]!;
  const seen = (a: string, b: string): boolean => model.seenPair(a, b) || (opts.cacheWeight > 0 && count(a, b) > 0);
  if ((v !== '<s>' && !seen(v, s)) || (next !== '</s>' && !seen(s, next))) return null;
  return s;
}
