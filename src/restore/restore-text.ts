import { hasVietnameseDiacritic, measureTextQuality, splitLongLine } from '../core/index.js';
import { candidatesFor, matchCase, syllablesFor } from './candidates.js';
import type { NgramModel } from './ngram-model.js';
import { loadOcrChannel, type OcrChannel, type Reading } from './ocr-channel.js';
import { endsClause, tokenize, tokenizeNoisy, type Piece } from './tokenize.js';
import { isUpperCase } from './train-model.js';
import { DocumentCache } from './document-cache.js';
import { decode, Readings, type Slot } from './viterbi-decoder.js';

/** A line whose words carry diacritics at least this often is Vietnamese as written: left untouched. */
const WRITTEN_WITH_DIACRITICS = 0.3;
/**
 * The decoder keeps every slot of what it decodes at once: lines longer than
 * this (characters) are decoded in pieces, and a run of lines is cut once it
 * holds RUN_PIECES pieces. A 10 MB line took 3.5 GB before.
 */
const PIECE_CHARS = 2000;
const RUN_PIECES = 20_000;

export interface RestoredToken {
  original: string;
  restored: string;
  confidence: number;
}

export interface RestoredLine {
  text: string;
  changed: boolean;
  tokens: RestoredToken[];
}

/** Does restoration leave this line alone? Lines with no words, and (outside OCR noise) lines already written with diacritics. */
function untouched(pieces: readonly Piece[], channel: OcrChannel | null): boolean {
  const words = pieces.filter((p) => p.kind === 'word');
  const marked = words.filter((w) => hasVietnameseDiacritic(w.text)).length;
  return !words.length || (!channel && marked / words.length >= WRITTEN_WITH_DIACRITICS);
}

/**
 * Restores the diacritics of one line: every word gets its candidate
 * readings, the trigram model picks the most probable sequence, and the
 * line is put back piece by piece, spacing, punctuation, numbers and codes
 * as they were. A line already written with diacritics comes back unchanged.
 */
export function restoreLine(line: string, model: NgramModel, channel: OcrChannel | null = null): RestoredLine {
  return restoreLines([line], model, channel, null)[0]!;
}

/**
 * Restores lines, one result per line. Consecutive lines that need it are
 * decoded together, so a sentence wrapped over lines keeps its context
 * across the break ("Việt / Nam đến năm"); clause punctuation still
 * restarts the context. Lines left alone break the run. `documentCache`
 * holds what the document was already restored to with confidence (pass
 * one per document to share it across pages; null: none); the words the
 * decoder was unsure of are decided again with it. Not used on text read
 * through the OCR channel.
 */
export function restoreLines(lines: readonly string[], model: NgramModel, channel: OcrChannel | null = null, documentCache: DocumentCache | null = new DocumentCache()): RestoredLine[] {
  // text read through the OCR channel gets no cache: there its confident words are less often right (KH 44
  // restored 0.9755 → 0.9713 with it, our own English-OCR pages within ±0.4 points), stripped text gains
  const cache = channel ? null : documentCache;
  const parts = lines.map((l) => splitLongLine(l, PIECE_CHARS));
  if (parts.every((p) => p.length === 1)) return restoreRun(lines, model, channel, cache);
  // a long line is restored as the pieces it is cut into (context kept across them, as across wrapped lines) and put back together
  const restored = restoreRun(parts.flat(), model, channel, cache);
  let k = 0;
  return parts.map((p) => {
    const mine = restored.slice(k, (k += p.length));
    return { text: mine.map((r) => r.text).join(''), changed: mine.some((r) => r.changed), tokens: mine.flatMap((r) => r.tokens) };
  });
}

function restoreRun(lines: readonly string[], model: NgramModel, channel: OcrChannel | null, cache: DocumentCache | null): RestoredLine[] {
  // noisy OCR: words glued to digits and symbols ("d6i", "S&") are words, and the marks it printed are not trusted
  const pieces = lines.map((l) => (channel ? tokenizeNoisy(l) : tokenize(l)));
  const out: RestoredLine[] = lines.map((text) => ({ text, changed: false, tokens: [] }));
  let run: number[] = [];
  let size = 0;
  const words: WordCache = new Map();
  const flush = (): void => {
    if (run.length) decodeRun(run.map((i) => pieces[i]!), model, channel, words, cache).forEach((r, k) => (out[run[k]!] = r));
    run = [];
    size = 0;
  };
  pieces.forEach((p, i) => {
    // a blank line is left as it is but does not part a sentence: text layers put them between wrapped lines
    if (!p.some((x) => x.kind !== 'space')) return;
    if (untouched(p, channel)) flush();
    else {
      if (size + p.length > RUN_PIECES) flush();
      run.push(i);
      size += p.length;
    }
  });
  flush();
  return out;
}

/** What a word as written decodes to: its readings, their channel weights, and (asked for once) their capitals' weights. */
interface WordEntry {
  readings: Readings;
  channel: Float64Array | null;
  caps?: Float64Array;
}
/** Words as written → their entries, within one call: a text repeats its words, and each is looked up once. */
type WordCache = Map<string, WordEntry>;

function wordEntry(text: string, model: NgramModel, channel: OcrChannel | null, cache: WordCache): WordEntry {
  let entry = cache.get(text);
  if (!entry) {
    const readings = channel ? withKnownWord(text, channel.readings(text, (w) => model.unigramLogProb(w)), model) : [];
    const cands = readings.length ? readings.map((r) => r.word) : knownFirst(candidatesFor(text), model);
    entry = { readings: new Readings(cands, model), channel: readings.length ? Float64Array.from(readings, (r) => r.logp) : null };
    cache.set(text, entry);
  }
  return entry;
}

/** Decodes the words of several lines as one sequence and puts each line back. */
function decodeRun(lines: readonly (readonly Piece[])[], model: NgramModel, channel: OcrChannel | null, cache: WordCache, document: DocumentCache | null): RestoredLine[] {
  const slots: (Slot | null)[] = [];
  /** A slot with one reading (a number, a code, an abbreviation), shared like a word's. */
  const fixed = (word: string): Slot => {
    const key = `\u0000${word}`;
    let entry = cache.get(key);
    if (!entry) cache.set(key, (entry = { readings: new Readings([word], model), channel: null }));
    return { readings: entry.readings, weights: null };
  };
  const slotOf = lines.map(() => new Map<number, number>());
  /** Abbreviations and codes put back with the "Đ" that stripping or an English-model OCR turned into "D" (or "P"): "QD-UBND" → "QĐ-UBND". */
  const printed = lines.map(() => new Map<number, string>());
  /** The first word of a clause or line is capitalised whatever it is: only later capitals tell a name. */
  let initial = true;
  lines.forEach((pieces, li) => {
    // a line's first word is capitalised as an item's or a heading's
    initial = true;
    pieces.forEach((p, i) => {
      if (p.kind === 'word' && isAcronym(p.text)) {
        const repaired = (channel ? acronymWithD(p.text, model) : null) ?? model.forms.upperForm(p.text);
        if (repaired !== p.text) printed[li]!.set(i, repaired);
        // the model learned abbreviations as words ("ubnd tỉnh"): one it knows is context, like any word
        const lower = repaired.toLowerCase();
        slots.push(fixed(model.known(lower) >= 0 ? lower : '<code>'));
      }
      else if (p.kind === 'word') {
        slotOf[li]!.set(i, slots.length);
        const entry = wordEntry(p.text, model, channel, cache);
        const cands = entry.readings.words;
        const caps = !initial && cands.length > 1 && isCapitalised(p.text) ? (entry.caps ??= Float64Array.from(cands, (c) => model.forms.capitalisedLogProb(c))) : null;
        const both = entry.channel && caps ? entry.channel.map((w, k) => w + caps[k]!) : null;
        slots.push({ readings: entry.readings, weights: both ?? entry.channel ?? caps });
      } else if (p.kind === 'number') slots.push(fixed('<num>'));
      else if (p.kind === 'code') {
        slots.push(fixed('<code>'));
        const repaired = model.forms.codeForm(p.text);
        if (repaired !== p.text) printed[li]!.set(i, repaired);
      } else if (endsClause(p)) slots.push(null);
      if (p.kind !== 'space' && p.kind !== 'punct') initial = false;
      else if (endsClause(p)) initial = true;
    });
  });
  // text read through the channel: its readings lie far apart, and the beam keeps more of them alive
  const decoded = decode(slots, model, document, { readingsKept: channel?.readingsKept ?? 0 });
  return lines.map((pieces, li) => {
    const tokens: RestoredToken[] = [];
    const text = pieces
      .map((p, i) => {
        const slot = slotOf[li]!.get(i);
        const repaired = printed[li]!.get(i);
        if (repaired) tokens.push({ original: p.text, restored: repaired, confidence: 1 });
        if (slot === undefined) return repaired ?? p.text;
        const d = decoded[slot];
        // a word read as itself keeps its own spelling and case ("VNeID", "groupType")
        const restored = d && d.choice !== p.text.toLowerCase() ? matchCase(p.text, d.choice) : p.text;
        tokens.push({ original: p.text, restored, confidence: d?.confidence ?? 1 });
        return restored;
      })
      .join('');
    const line = pieces.map((p) => p.text).join('');
    return { text, changed: text !== line, tokens };
  });
}

/**
 * The readings the model has seen, when it has seen any: a syllable the
 * training text never wrote does not win against one it did, and each
 * reading costs the decoder a pass over the beam. All of them when none is known.
 */
function knownFirst(cands: string[], model: NgramModel): string[] {
  if (cands.length < 2) return cands;
  const known = cands.filter((c) => model.known(c) >= 0);
  return known.length ? known : cands;
}

/**
 * A word the training text has as written ("camera", "logistics") may be just that, OCR noise or not;
 * so may a unit without a vowel ("km", "kg"), which the channel would otherwise read as a syllable that lost its vowel.
 */
function withKnownWord(token: string, readings: Reading[], model: NgramModel): Reading[] {
  const lower = token.toLowerCase();
  if (!/^(\p{L}{3,}|[^\P{L}aeiouy]{2})$/u.test(lower) || model.known(lower) < 0 || syllablesFor(lower).length || readings.some((r) => r.word === lower)) return readings;
  return [...readings, { word: lower, logp: readings[0]?.logp ?? 0 }];
}

/**
 * An acronym the training text does not have, one of whose "D"s or "P"s read
 * as "Đ" gives one it has: the English model has no "Đ" and prints "D" or
 * "P" for it ("PMST", "DMST" → "ĐMST"). Null when no single such reading is known.
 */
function acronymWithD(word: string, model: NgramModel): string | null {
  const lower = word.toLowerCase();
  if (model.known(lower) >= 0) return null;
  const readings = [...lower].flatMap((c, i) => (c === 'd' || c === 'p' ? [lower.slice(0, i) + 'đ' + lower.slice(i + 1)] : [])).filter((w) => model.known(w) >= 0);
  return readings.length === 1 ? readings[0]!.toUpperCase() : null;
}

/** Capitalised, not in capitals, judged by its letters ("Văn", "S&" and "B6" are; "UBND", "KE" and "văn" are not). */
function isCapitalised(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return /^\p{Lu}/u.test(letters) && !(letters.length > 1 && isUpperCase(letters));
}

/** An upper-case word no syllable strips down to ("GIS", "IOC", "ISO") is an abbreviation: kept as printed, even in OCR noise. */
function isAcronym(word: string): boolean {
  return /^\p{Lu}{2,6}$/u.test(word) && !syllablesFor(word.toLowerCase()).length;
}

/**
 * Restores every line of `text`; the output has exactly as many lines as the
 * input. `channel` "auto" reads the text through the OCR channel when the
 * text as a whole is OCR noise (KH 44-like), and as text that merely lost
 * its diacritics otherwise. The text is one document: its words repeated
 * with confidence weigh where the decoder was unsure (see restoreLines).
 */
export function restoreText(text: string, model: NgramModel, channel: OcrChannel | null | 'auto' = null, cache: DocumentCache | null = new DocumentCache()): { text: string; lines: RestoredLine[] } {
  const ch = channel === 'auto' ? (measureTextQuality(text).verdict === 'noisy' ? loadOcrChannel() : null) : channel;
  const lines = restoreLines(text.split('\n'), model, ch, cache);
  return { text: lines.map((l) => l.text).join('\n'), lines };
}
