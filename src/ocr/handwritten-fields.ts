import type { Box } from '../../schemas/index.js';
import { darkInk, findSlots, height, inside, lettersEnd, splitGluedNumber, type HandwrittenField, type Slot } from './blank-slots.js';
import { encodePgm, type GrayBitmap } from './gray-bitmap.js';
import { inkBounds, renderings, resize, tightCrop } from './figure-images.js';
import type { InkRegion } from './coloured-ink.js';
import type { FiguresReading, OcrEngine, OcrLine, OcrResult, OcrWord } from './ocr-engine.js';
import { loadDigitModel, type DigitModel } from './digit-classifier.js';
import { readDigits, type DigitsReading } from './handwritten-digits.js';

/**
 * Figures a clerk writes by hand into the blanks a Vietnamese administrative
 * document is printed with: the number ("Số: 177/CAT-PA05", "177" in blue
 * pen before the printed code) and the day, sometimes the month (", ngày 15
 * tháng 7 năm 2025"). The page's blue ink is painted out before OCR
 * (coloured-ink.ts), so the engine never saw them; the ink of each blue
 * region the size of a few figures is kept, and the regions that sit in one
 * of those blanks (found from the printed words around it, blank-slots.ts)
 * are read here, alone, as digits. Figures in ink as dark as print, which
 * the engine read with the page as junk ("Số:SŠ22?/BTP-BTTP", "ngày 4A
 * tháng"), are cut out of the page between the printed words and read the
 * same way.
 *
 * Each ink is read twice: by the handwritten-digit recognizer
 * (handwritten-digits.ts, learned from MNIST), figure by figure, and by the
 * OCR engine, whose model was trained on print, not handwriting. A reading
 * is taken only when it holds up: the recognizer sure of every figure
 * (`acceptDigits`), or the engine's renderings of the same ink
 * (`renderings`) agreeing, with confidence, on as many figures as the ink
 * is wide (`accept`); and a value that can be what the blank holds (a
 * number of 1–5 figures, a day of the printed month and year, `fits`).
 * When both hold up and differ, neither is taken (a wrong number is worse
 * than a blank one); an engine's reading the blank cannot hold is no
 * evidence against the recognizer's (the engine reads a handwritten "1"
 * with its lead-in stroke as "4": "45" for a day "15"). What is not taken
 * is left blank and said (`unread`).
 */

/** The renderings that read the figures must be this sure of them, on average… */
const MIN_CONFIDENCE = 0.5;
/** …and be at least this share of all renderings (see `renderings`). */
const MIN_VOTES = 0.8;
/** One handwritten figure is about this wide for its height (the ink's box): "1" is narrow, "0" and "4" wide. */
const FIGURE_ASPECT = { min: 0.25, max: 1.1 };
/** The ink is drawn this many pixels tall before it is read: about 5 mm of writing at 300 dpi. */
const FIGURE_HEIGHT = 60;

export type { HandwrittenField } from './blank-slots.js';

/** Figures read from a blank (pixels of the page as read). */
export interface HandwrittenReading {
  field: HandwrittenField;
  text: string;
  confidence: number;
  box: Box;
  /** Who read it: the digit recognizer, the OCR engine, or both alike. */
  by: 'recognizer' | 'engine' | 'both';
  /** The recognizer's probability of each figure, when it read them. */
  probabilities?: number[];
}

/** Ink in a blank that was not read with confidence: the blank stays as printed. */
export interface UnreadHandwriting {
  field: HandwrittenField;
  /** The engine's best reading of the ink and its confidence (lower of the two renderings), for the reviewer. */
  best: string;
  confidence: number;
  /** Why it was not taken. */
  reason: string;
}

/** The page's blue ink regions and how the page was turned, as prepare-image.ts gives them. */
export interface InkOnPage {
  masked: readonly InkRegion[];
  /** Skew the page was turned back by (degrees, counter-clockwise positive), about its centre. */
  skew: number;
  /** The prepared page's size in pixels (the same as rendered when the page was only straightened). */
  width: number;
  height: number;
  /**
   * The straightened page in gray levels, coloured ink painted white: where no coloured ink sits in a
   * blank, figures written there in ink as dark as print are looked for on it (`darkInk`). Default none.
   */
  page?: GrayBitmap | null;
}

/**
 * Reads the handwritten figures in the number and date blanks of one page
 * and puts them among its words: the number's figures in front of its
 * printed code ("/CAT-PA05" → "177/CAT-PA05"), a day or month as a word of
 * its own between "ngày", "tháng" and "năm". Returns the words, what was
 * read and what was found and not read.
 */
export async function readHandwrittenFields(
  result: OcrResult,
  ink: InkOnPage,
  engine: OcrEngine,
  opts: { /** The digit recognizer; default the shipped model (models/digits-mlp.json); null: the engine alone. */ digits?: DigitModel | null } = {},
): Promise<{ result: OcrResult; readings: HandwrittenReading[]; unread: UnreadHandwriting[] }> {
  const none = { result, readings: [], unread: [] };
  const crops = ink.masked.filter((r): r is InkRegion & { ink: GrayBitmap } => !!r.ink).map((r) => ({ region: r, box: straightened(r, ink) }));
  const model = opts.digits === undefined ? loadDigitModel() : opts.digits;
  if ((!crops.length && !ink.page) || (!engine.readFigures && !model)) return none;
  let lines = ink.page ? splitGluedNumber(result.lines) : result.lines;
  const slots = findSlots(lines.flatMap((line) => line.words));
  const readings: HandwrittenReading[] = [];
  const unread: UnreadHandwriting[] = [];
  const used = new Set<InkRegion>();
  for (const slot of slots) {
    const crop = crops.find((c) => !used.has(c.region) && inside(c.box, slot.area));
    if (crop) used.add(crop.region);
    // no coloured ink in the blank: figures as dark as print, on the page itself
    const found = crop ? { ink: crop.region.ink, box: crop.box } : ink.page ? darkInk(ink.page, slot) : null;
    if (!found) continue;
    const read = engine.readFigures ? await readInk(found.ink, engine) : null;
    const digits = model ? readDigits(found.ink, model) : null;
    const verdict = decide(slot, read, digits);
    if (typeof verdict === 'string') {
      const best = digits?.text ? { text: digits.text, confidence: digits.confidence } : { text: read?.text ?? '', confidence: read?.confidence ?? 0 };
      // dark marks in a blank that nothing reads as figures (a rule, dots) are no figures left unread
      if (crop || best.text) unread.push({ field: slot.field, best: best.text, confidence: best.confidence, reason: verdict });
      continue;
    }
    const inkBox = inkBounds(found.ink);
    const box = inkBox ? { x0: found.box.x0 + inkBox.x0, y0: found.box.y0 + inkBox.y0, x1: found.box.x0 + inkBox.x1 + 1, y1: found.box.y0 + inkBox.y1 + 1 } : found.box;
    readings.push({ field: slot.field, box, ...verdict });
    lines = place(lines, slot, { text: verdict.text, box, confidence: verdict.confidence });
    // a month read by hand is what the day's blank is checked against
    if (slot.field === 'month') for (const s of slots) if (s.field === 'day' && s.month === null) s.month = Number(verdict.text);
  }
  return { result: { ...result, lines }, readings, unread };
}

/**
 * Where a region found on the page as rendered lies on the straightened
 * page: its middle turned about the page's centre by the skew undone
 * (gray-bitmap.ts `rotateGray`), the box moved with it.
 */
export function straightened(r: Box, ink: Pick<InkOnPage, 'skew' | 'width' | 'height'>): Box {
  if (!ink.skew) return { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1 };
  const a = (-ink.skew * Math.PI) / 180;
  const [cx, cy] = [ink.width / 2, ink.height / 2];
  const [u, v] = [(r.x0 + r.x1) / 2 - cx, (r.y0 + r.y1) / 2 - cy];
  const [mx, my] = [cx + u * Math.cos(a) + v * Math.sin(a), cy - u * Math.sin(a) + v * Math.cos(a)];
  const [dx, dy] = [mx - (r.x0 + r.x1) / 2, my - (r.y0 + r.y1) / 2];
  return { x0: r.x0 + dx, y0: r.y0 + dy, x1: r.x1 + dx, y1: r.y1 + dy };
}

/** What the renderings of one ink made of it. */
export interface InkReading {
  /** The reading most renderings of the deciding size gave (empty when none gave figures). */
  text: string;
  /** How many renderings of that size gave it, of how many. */
  votes: number;
  renderings: number;
  /** Mean confidence of the renderings that gave it. */
  confidence: number;
  /** What the renderings at the other size agreed on instead, when they did (see `readInk`); null when they did not disagree. */
  contradicted?: string | null;
  /** The ink's width over its height. */
  aspect: number;
  /** Where the ink is within its region (pixels from the region's corner); null when there is none. */
  inkBox: Box | null;
}

/**
 * Reads the ink's renderings (`renderings`) at two sizes: as scanned, and
 * drawn FIGURE_HEIGHT tall (a 150 dpi scan's figures are half as tall as a
 * 300 dpi one's, and the engine reads some sizes better than others). Each
 * size votes on its own; a size whose renderings agree (MIN_VOTES, with
 * MIN_CONFIDENCE) decides, unless the other size agrees as firmly on
 * something else.
 */
async function readInk(ink: GrayBitmap, engine: OcrEngine): Promise<InkReading> {
  const inkBox = inkBounds(ink);
  const tight = tightCrop(ink);
  if (!tight || !inkBox) return { text: '', votes: 0, renderings: 0, confidence: 0, aspect: 0, inkBox: null };
  const aspect = (inkBox.x1 - inkBox.x0 + 1) / (inkBox.y1 - inkBox.y0 + 1);
  const sizes = [tight, resize(tight, FIGURE_HEIGHT / (inkBox.y1 - inkBox.y0 + 1))];
  const votes: Omit<InkReading, 'aspect' | 'inkBox'>[] = [];
  for (const [i, size] of sizes.entries()) {
    const reads: FiguresReading[] = [];
    // as scanned, every pixel the ink mask kept is ink; drawn to size, the edges blend with the paper
    for (const img of renderings(size, i === 0 ? 255 : 200)) reads.push(await engine.readFigures!({ bytes: encodePgm(img), dpi: 300 }));
    const counts = new Map<string, FiguresReading[]>();
    for (const r of reads.filter((x) => x.text)) counts.set(r.text, [...(counts.get(r.text) ?? []), r]);
    const [text, agree] = [...counts.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
    votes.push({ text, votes: agree.length, renderings: reads.length, confidence: agree.reduce((n, r) => n + r.confidence, 0) / Math.max(1, agree.length) });
  }
  const firm = (v: Omit<InkReading, 'aspect' | 'inkBox'>): boolean => v.text !== '' && v.votes >= MIN_VOTES * v.renderings && v.confidence >= MIN_CONFIDENCE;
  const best = votes.find(firm) ?? [...votes].sort((a, b) => b.votes - a.votes || b.confidence - a.confidence)[0]!;
  const other = votes.find((v) => v !== best && v.text !== best.text && v.votes >= MIN_VOTES * v.renderings);
  return { ...best, contradicted: other?.text ?? null, aspect, inkBox };
}

/**
 * Whether a reading holds up for its blank (true), or why not: both
 * renderings read the same figures, each surely; as many figures as the
 * ink is wide (a "12" written as one stroke read as "9" is not taken); a
 * number of 1–5 figures not starting with 0; a month 1–12; a day that the
 * printed month and year have.
 */
export function accept(slot: Pick<Slot, 'field' | 'month' | 'year'>, read: InkReading): true | string {
  if (!/^\d+$/u.test(read.text)) return 'no figures read';
  if (read.votes < MIN_VOTES * read.renderings) return `only ${read.votes} of ${read.renderings} renderings of the ink read "${read.text}"`;
  if (read.contradicted) return `read "${read.text}" at one size and "${read.contradicted}" at another`;
  if (read.confidence < MIN_CONFIDENCE) return 'not read with confidence';
  const perFigure = read.aspect / read.text.length;
  if (perFigure < FIGURE_ASPECT.min || perFigure > FIGURE_ASPECT.max) return `${read.text.length} figures do not fill the ink's width`;
  return fits(slot, read.text);
}

/** Whether figures can be what the blank holds: a number of 1–5 figures not starting with 0, a month 1–12, a day the printed month and year have. */
export function fits(slot: Pick<Slot, 'field' | 'month' | 'year'>, text: string): true | string {
  const n = Number(text);
  if (slot.field === 'number') return text.length <= 5 && !text.startsWith('0') ? true : 'not a document number';
  if (slot.field === 'month') return text.length <= 2 && n >= 1 && n <= 12 ? true : 'not a month';
  if (text.length > 2 || n < 1 || n > daysIn(slot.month, slot.year)) return 'not a day of the printed month';
  return true;
}

/** Whether the recognizer's reading holds up for its blank (true), or why not: every figure read surely, and a value the blank can hold. */
export function acceptDigits(slot: Pick<Slot, 'field' | 'month' | 'year'>, read: DigitsReading): true | string {
  if (!read.text) return 'no figures found';
  if (read.lost) return `${read.lost} piece(s) of the ink not read as figures beside "${read.text}"`;
  const doubt = read.doubts[0];
  if (doubt) return `figure ${doubt.at + 1} of "${read.text}" unsure ("${doubt.guess.digit}" ${doubt.guess.probability.toFixed(2)}, "${doubt.guess.second}" ${doubt.guess.secondProbability.toFixed(2)})`;
  return fits(slot, read.text);
}

/**
 * What to take of the two readings of one ink (see the module's note), or
 * why nothing: the recognizer's and the engine's when both hold up and
 * agree; either alone when the other does not hold up, unless the
 * recognizer surely read other figures the blank can hold.
 */
export function decide(slot: Pick<Slot, 'field' | 'month' | 'year'>, engine: InkReading | null, digits: DigitsReading | null): Pick<HandwrittenReading, 'text' | 'confidence' | 'by' | 'probabilities'> | string {
  const byEngine = engine ? accept(slot, engine) : 'not read by the OCR engine';
  const byDigits = digits ? acceptDigits(slot, digits) : 'no digit recognizer';
  if (byDigits === true && byEngine === true) {
    if (digits!.text === engine!.text) return { text: digits!.text, confidence: Math.max(digits!.confidence, engine!.confidence), by: 'both', probabilities: digits!.probabilities };
    return `the digit recognizer read "${digits!.text}", the OCR engine "${engine!.text}"`;
  }
  if (byDigits === true) return { text: digits!.text, confidence: digits!.confidence, by: 'recognizer', probabilities: digits!.probabilities };
  if (byEngine === true) {
    if (digits?.sure && digits.text !== engine!.text) return `the OCR engine read "${engine!.text}", the digit recognizer surely "${digits.text}" (${byDigits})`;
    return { text: engine!.text, confidence: engine!.confidence, by: 'engine' };
  }
  return digits ? `digit recognizer: ${byDigits}; OCR engine: ${byEngine}` : byEngine;
}

/** Days in a month (31 when the month is not known; February by the year, 29 when not known). */
function daysIn(month: number | null, year: number | null): number {
  if (!month || month < 1 || month > 12) return 31;
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Puts what was read among the page's words: a number's figures joined to
 * its printed code (one word, as printed numbers are read); a day or month
 * as a word of its own after its anchor, in the anchor's line.
 */
function place(lines: readonly OcrLine[], slot: Slot, figures: { text: string; box: Box; confidence: number }): OcrLine[] {
  const union = (a: Box, b: Box): Box => ({ x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) });
  if (slot.field === 'number' && slot.code) {
    const code = slot.code;
    const printed = code.text.replace(/^[^\p{L}\d/-]+/u, '');
    // the slash between the figures and the code, where the OCR lost it ("CAT-PA05" → "177/CAT-PA05")
    const joined: OcrWord = { text: `${figures.text}${/^[-/]/u.test(printed) ? '' : '/'}${printed}`, box: union(code.box, figures.box), confidence: Math.min(code.confidence, figures.confidence) };
    // what the engine read from the ink before the code ("“5") goes, the figures being what it was
    return lines.map((l) => (l.words.includes(code) ? { ...l, words: l.words.filter((w) => !slot.junk.includes(w)).map((w) => (w === code ? joined : w)) } : l));
  }
  // the figures take the anchor's height, so the line keeps one baseline; specks of the ink the engine
  // read in the blank (".", "'", "4A") and on the anchor's end ("ngày.") go, the figures being what they were
  const end = lettersEnd(slot.anchor);
  const anchor: OcrWord = { ...slot.anchor, text: slot.anchor.text.replace(/[^\p{L}]+$/u, ''), box: { ...slot.anchor.box, x1: end } };
  const speck = (w: OcrWord): boolean => slot.junk.includes(w) || (!/[\p{L}\d]/u.test(w.text) && inside(w.box, slot.area));
  // the figures sit apart from the words on either side (the line builder puts a space where there is a gap)
  const gap = height(slot.anchor.box) * 0.3;
  return lines.map((l) => {
    const at = l.words.indexOf(slot.anchor);
    if (at < 0) return l;
    const after = l.words.slice(at + 1).filter((w) => !speck(w));
    const next = after[0]?.box.x0 ?? Infinity;
    const x0 = Math.max(figures.box.x0, end + gap);
    const x1 = Math.max(x0 + 1, Math.min(figures.box.x1, next - gap));
    const word: OcrWord = { text: figures.text, box: { x0, x1, y0: slot.anchor.box.y0, y1: slot.anchor.box.y1 }, confidence: figures.confidence };
    return { ...l, words: [...l.words.slice(0, at), anchor, word, ...after] };
  });
}
