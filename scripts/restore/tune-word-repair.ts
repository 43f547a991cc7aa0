/**
 * Tunes the OCR word repair's margins for a real word printed with the
 * wrong marks (misreadMarks in src/restore/ocr-word-repair.ts) on text no
 * shipped model has seen: lines of ../shared/corpus/viwiki (experiments
 * only, never trained on), never a real scan page's transcription, never
 * KH 44 or a gold file.
 *   - clean: every word of the lines as written, read at confidence 0.9:
 *     any change is a wrong one (per 10,000 words);
 *   - misread: in each line one word printed with other marks, drawn from
 *     the Vietnamese-model OCR tone channel (models/vie-ocr-tones.json:
 *     how often the OCR prints each mark for each): fixed, made another
 *     wrong word, or left.
 * Each margin pair is measured for the model given (the shipped one, or
 * PLAN_INGEST_MODEL's): a margin means the same for any order only if the
 * clean text's wrong changes stay as few.
 * `npx tsx scripts/restore/tune-word-repair.ts [--lines N]` (default 3000).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syllablesFor } from '../../src/restore/candidates.js';
import { contextAt } from '../../src/restore/clause-context.js';
import { loadShippedModel, shippedModelPath } from '../../src/restore/index.js';
import { clausesOf, core, MARKS_MARGINS, misreadMarks, type MarksMargins } from '../../src/restore/ocr-word-repair.js';
import { syllableKey } from '../../src/restore/syllable-inventory.js';
import { loadToneChannel } from '../../src/restore/tone-channel.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WIKI = join(process.env.PLAN_INGEST_SHARED ?? join(ROOT, '../shared'), 'corpus/viwiki/wiki-part02.txt');
const CONFIDENCE = 0.9;

/** Every `step`th line of 8–60 words of running text (no list items, no tables), up to `n`. */
function heldOutLines(n: number, step = 5): string[] {
  const out: string[] = [];
  let seen = 0;
  for (const raw of readFileSync(WIKI, 'utf8').normalize('NFC').split('\n')) {
    const line = raw.trim();
    const words = line.split(/\s+/u);
    if (words.length < 8 || words.length > 60 || /^[*|#=]/u.test(line) || !/^\p{Lu}/u.test(line)) continue;
    if (seen++ % step === 0) out.push(words.join(' '));
    if (out.length >= n) break;
  }
  return out;
}

/** A small seeded generator (mulberry32): the same lines get the same misreadings. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A line's clauses as the repair reads them: each word's text as printed and lower case. */
function clauses(line: string): string[][] {
  const words = line.split(' ').map((text) => ({ text }));
  return clausesOf([{ text: line, wordStart: 0, wordEnd: words.length } as never], words, [true]).map((c) => c.map((w) => core(words[w.index]!.text).word));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(WIKI)) {
    console.log(`${WIKI} not found: nothing to tune on`);
    process.exit(0);
  }
  const at = process.argv.indexOf('--lines');
  const lines = heldOutLines(Number(at >= 0 ? process.argv[at + 1] : 3000));
  const model = loadShippedModel()!.model;
  const channel = loadToneChannel()!;
  const rnd = random(20261203);
  const grid: MarksMargins[] = [];
  for (const seen of [8, 9, 10, 11]) for (const start of [9, 10, 11]) grid.push({ unseen: MARKS_MARGINS.unseen, seen, start });
  for (const unseen of [6, 8]) grid.push({ ...MARKS_MARGINS, unseen });
  const tally = grid.map(() => ({ cleanChanged: 0, fixed: 0, other: 0, left: 0 }));
  let words = 0;
  let misread = 0;
  for (const line of lines) {
    const cs = clauses(line);
    for (const clause of cs) {
      const lower = clause.map((w) => w.toLowerCase());
      clause.forEach((w, k) => {
        if (!/^\p{Ll}+$/u.test(w)) return;
        words++;
        const ctx = contextAt(lower, k, model.order);
        grid.forEach((m, g) => (tally[g]!.cleanChanged += misreadMarks(w, ctx, model, CONFIDENCE, true, m) !== null ? 1 : 0));
      });
    }
    // one word of the line misread as the channel would: a word in small letters with another known spelling of its letters
    const spots = cs.flatMap((c, i) => c.map((w, k) => [i, k, w] as const)).filter(([, , w]) => /^\p{Ll}+$/u.test(w) && model.known(w) >= 0);
    if (!spots.length) continue;
    const [ci, k, intended] = spots[Math.floor(rnd() * spots.length)]!;
    const others = syllablesFor(syllableKey(intended)).filter((s) => s !== intended && model.known(s) >= 0).map((s) => [s, Math.exp(channel.logP(s, intended))] as const);
    const total = others.reduce((a, [, p]) => a + p, 0);
    if (!total) continue;
    let r = rnd() * total;
    const printed = others.find(([, p]) => (r -= p) <= 0)?.[0] ?? others.at(-1)![0];
    misread++;
    const lower = cs[ci]!.map((w) => w.toLowerCase());
    lower[k] = printed;
    const ctx = contextAt(lower, k, model.order);
    grid.forEach((m, g) => {
      const got = misreadMarks(printed, ctx, model, CONFIDENCE, true, m);
      const t = tally[g]!;
      if (got === intended) t.fixed++;
      else if (got) t.other++;
      else t.left++;
    });
  }
  console.log(`model ${shippedModelPath()} (order ${model.order}); ${lines.length} held-out viwiki lines, ${words} words in small letters; ${misread} misread words drawn from the tone channel`);
  console.log('seen start unseen  clean changed (per 10k)  misread: fixed  other  left');
  grid.forEach((m, g) => {
    const t = tally[g]!;
    const mark = m.seen === MARKS_MARGINS.seen && m.unseen === MARKS_MARGINS.unseen && m.start === MARKS_MARGINS.start ? ' (shipped)' : '';
    console.log(`${String(m.seen).padStart(4)} ${String(m.start).padStart(5)} ${String(m.unseen).padStart(6)}  ${String(t.cleanChanged).padStart(13)} (${((t.cleanChanged / words) * 1e4).toFixed(1).padStart(5)})  ${String(t.fixed).padStart(13)} ${String(t.other).padStart(6)} ${String(t.left).padStart(5)}${mark}`);
  });
}
