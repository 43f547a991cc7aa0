/**
 * Tunes the tone repair's thresholds (src/restore/ocr-tone-repair.ts) on
 * the held-out copies of vie-ocr-pairs.ts (our own text, never a real scan
 * page's transcription): the channel is counted from the other copies, each
 * setting repairs the held-out pages, and every change is judged against the
 * words the page prints: fixed, broken (a right word made wrong) or still
 * wrong. Also the words changed on the held-out texts as printed (every
 * word at a middling OCR confidence: a correct page must come back as it
 * is). `npx tsx scripts/restore/tune-tone-repair.ts [--made] [--held-out]`
 * (--held-out: the held-out copies alone, weighed with the shipped channel;
 * PLAN_INGEST_MODEL measures another language model).
 */
import type { Page } from '../../schemas/index.js';
import { loadShippedModel, type NgramModel } from '../../src/restore/index.js';
import { repairOcrTones, TONE_REPAIR_DEFAULTS, type ToneRepairOptions } from '../../src/restore/ocr-tone-repair.js';
import { loadToneChannel, ToneChannel } from '../../src/restore/tone-channel.js';
import { alignIndexed, alignWord, countTones, sameLetterWords } from './learn-tone-channel.js';
import { vieOcrCopies, type VieOcrCopy } from './vie-ocr-pairs.js';

/** A page as the OCR stage hands it on, from a copy's lines of (word, confidence). */
export function ocrPage(number: number, lines: { text: string; confidence: number }[][]): Page {
  const words: Page['words'] = [];
  const pageLines: Page['lines'] = [];
  for (const line of lines) {
    const start = words.length;
    for (const w of line) words.push({ text: w.text, confidence: w.confidence, box: null, fontSize: null, fontName: null, bold: false });
    pageLines.push({ text: line.map((w) => w.text).join(' '), wordStart: start, wordEnd: words.length, box: null, fontSize: null, bold: false });
  }
  return { number, origin: 'ocr', quality: { verdict: 'good' }, words, lines: pageLines, text: pageLines.map((l) => l.text).join('\n'), repairs: [], originalText: null } as unknown as Page;
}

interface Tally {
  fixed: number;
  broken: number;
  stillWrong: number;
  errorsBefore: number;
  cleanChanged: number;
}

/** A held-out page: its OCR page, the page as printed (read at a middling confidence), and which OCR word stands for which printed one. */
interface HeldPage {
  read: Page;
  clean: Page;
  pairs: { want: string; at: number }[];
}

function heldPages(copies: readonly VieOcrCopy[]): HeldPage[] {
  return copies.flatMap((copy) =>
    copy.pages.map((p, i) => {
      const read = ocrPage(i + 1, p.lines);
      const truth = p.clean.split(/\s+/u).map(alignWord).filter(Boolean);
      const before = read.words.map((w) => alignWord(w.text));
      const keep = before.map((w, k) => (w ? k : -1)).filter((k) => k >= 0);
      const pairs = alignIndexed(truth, keep.map((k) => before[k]!)).map(([a, b]) => ({ want: truth[a]!, at: keep[b]! }));
      // the same text as printed, every word read at a middling confidence: nothing may change
      const clean = ocrPage(i + 1, p.clean.split('\n').map((l) => l.split(/\s+/u).filter(Boolean).map((text) => ({ text, confidence: 0.8 }))));
      return { read, clean, pairs };
    }),
  );
}

function judge(pages: readonly HeldPage[], model: NgramModel, channel: ToneChannel, opts: Partial<ToneRepairOptions>): Tally {
  const t: Tally = { fixed: 0, broken: 0, stillWrong: 0, errorsBefore: 0, cleanChanged: 0 };
  // one document per copy would weigh its cache; pages alone keep the figure simple and the cache's share small
  for (const page of pages) {
    const out = repairOcrTones([page.read], model, channel, opts).pages[0]!;
    for (const { want, at } of page.pairs) {
      const [was, now] = [alignWord(page.read.words[at]!.text), alignWord(out.words[at]!.text)];
      if (was !== want) t.errorsBefore++;
      if (was === now) continue;
      if (now === want) t.fixed++;
      else if (was === want) t.broken++;
      else t.stillWrong++;
    }
    t.cleanChanged += repairOcrTones([page.clean], model, channel, opts).changes.length;
  }
  return t;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --held-out: only the held-out copies are made (or read), and the shipped channel, counted from the others, is weighed
  const heldOutOnly = process.argv.includes('--held-out');
  const copies = await vieOcrCopies(console.log, process.argv.includes('--made'), heldOutOnly);
  const train = copies.filter((c) => !c.heldOut);
  const held = copies.filter((c) => c.heldOut);
  const channel = heldOutOnly ? loadToneChannel()! : new ToneChannel(countTones(train.flatMap(sameLetterWords)));
  const heldWords = held.flatMap(sameLetterWords);
  const model = loadShippedModel()!.model;
  const pages = heldPages(held);
  console.log(`${train.length} copies count the channel, ${held.length} held out (${heldWords.length} same-letter words, ${heldWords.filter((w) => w.intended !== w.printed).length} with other marks)`);
  console.log('minPosterior maxConfidence fluentLine cacheConfidence cacheWeight  fixed broken stillWrong (errors before)  changed on clean text');
  const grid: Partial<ToneRepairOptions>[] = [];
  for (const minPosterior of [0.5, 0.8, 0.9, 0.95, 0.99])
    for (const maxConfidence of [0.9, 0.93, 0.97])
      for (const fluentLine of [-3, -2.75, -2.5, -2.25, -2, Infinity]) grid.push({ minPosterior, maxConfidence, fluentLine });
  for (const cacheConfidence of [0.8, 0.9, 0.95]) for (const cacheWeight of [0, 0.3, 0.6]) grid.push({ cacheConfidence, cacheWeight });
  for (const opts of grid) {
    const o = { ...TONE_REPAIR_DEFAULTS, ...opts };
    const t = judge(pages, model, channel, o);
    console.log(`${o.minPosterior.toFixed(2).padStart(12)} ${o.maxConfidence.toFixed(2).padStart(13)} ${o.fluentLine.toFixed(2).padStart(10)} ${o.cacheConfidence.toFixed(2).padStart(15)} ${o.cacheWeight.toFixed(2).padStart(11)}  ${String(t.fixed).padStart(5)} ${String(t.broken).padStart(6)} ${String(t.stillWrong).padStart(10)} (${t.errorsBefore})  ${t.cleanChanged}`);
  }
}
