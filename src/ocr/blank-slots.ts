import type { Box } from '../../schemas/index.js';
import { stripDiacritics } from '../core/index.js';
import { cropGray, type GrayBitmap } from './gray-bitmap.js';
import type { OcrLine, OcrWord } from './ocr-engine.js';

/**
 * The blanks a Vietnamese administrative document is printed with, found
 * from the printed words around them on an OCR'd page: the number's ("Số:
 * …/CAT-PA05") and the date's (", ngày … tháng … năm 2025"). The figures a
 * clerk writes into them are read by handwritten-fields.ts.
 */

/** Which blank a figure was written into. */
export type HandwrittenField = 'number' | 'day' | 'month';

/** A blank on the page: the area where its figures would be written, the printed words around it, and what it must hold. */
export interface Slot {
  field: HandwrittenField;
  area: Box;
  /** The word the figures go before (the number's printed code), or after (the date's "ngày" / "tháng"). */
  anchor: OcrWord;
  /** The printed word after the blank: the number's code, the date's "tháng" or "năm". */
  next: OcrWord;
  /** The number's printed code word ("/CAT-PA05"), when it was read. */
  code: OcrWord | null;
  /** What the engine read from the ink in the blank ("4A" for a day written in dark ink): replaced by the figures when they are read. */
  junk: OcrWord[];
  /** For a day: the printed month and year, when read. */
  month: number | null;
  year: number | null;
}

const plain = (w: OcrWord): string => stripDiacritics(w.text).toLowerCase();
export const height = (b: Box): number => b.y1 - b.y0;
const midY = (b: Box): number => (b.y0 + b.y1) / 2;
/**
 * Where a word's letters end: a speck of the ink read onto its end ("ngày." over the day's figures) is
 * no part of it. From the engine's symbols when it gave them.
 */
export const lettersEnd = (w: OcrWord): number => {
  const letters = (w.symbols ?? []).filter((s) => /\p{L}/u.test(s.text));
  return letters.length ? Math.max(...letters.map((s) => s.box.x1)) : w.box.x1;
};
/** Whether b lies on a's row: their middles within half of a's height. */
const sameRow = (a: Box, b: Box): boolean => Math.abs(midY(a) - midY(b)) <= 0.6 * Math.max(height(a), height(b));

/**
 * The printed code after a number's blank: its slash and first capital ("/CAT-PA05", "/TTr-SNV"), or,
 * where the OCR lost the slash, an issuing office's code as such codes are printed: a capital, letters or
 * figures, a dash and a capital ("CAT-PA0S", "QĐ-UBND"). Specks of the ink may stand before it (".:/TTr-SNV").
 */
const PRINTED_CODE = /^[^\p{L}\d]{0,3}(?:[-/]\p{Lu}|\p{Lu}[\p{L}\d()]*-\p{Lu})/u;

/** A day or month the engine read as figures, from print or ink: the blank is filled. */
const FIGURES = /^\d{1,2}[.,]?$/u;

/** The number and date blanks of a page's words, months first (a month read by hand is what its day is checked against). */
export function findSlots(words: readonly OcrWord[]): Slot[] {
  return [...numberSlots(words), ...dateSlots(words)];
}

/** "Số:" then, on its row, the printed code (`PRINTED_CODE`); the blank lies between them, whether or not the slash was read. */
function numberSlots(words: readonly OcrWord[]): Slot[] {
  const slots: Slot[] = [];
  // "Số" as a heading word: capitalised, or with its colon (the OCR may read the capital small: "số:"); never "số" in a sentence
  for (const so of words.filter((w) => /^so\s*[:;.]?$/u.test(plain(w)) && (/^S/u.test(w.text) || /[:;]$/u.test(w.text)))) {
    const row = words.filter((w) => w !== so && sameRow(so.box, w.box) && w.box.x0 >= so.box.x1 - height(so.box) * 0.2).sort((a, b) => a.box.x0 - b.box.x0);
    // specks of the ink the engine read in the blank ("“5", ".") may come before the code
    // (or the engine's reading of figures as dark as print: "SŠ22?", with a figure in it; never a printed word)
    const at = row.slice(0, 3).findIndex((w, i) => PRINTED_CODE.test(w.text) && row.slice(0, i).every((x) => !/\p{L}/u.test(x.text) || /\d/u.test(x.text)));
    // the figures are put before the printed code: without one there is nothing to put them to
    if (at < 0) continue;
    const code = row[at]!;
    const h = height(so.box);
    // the blank: from "Số:" to the middle of the code's first letters (a hand often runs over the "/"), or a few figures' width
    const x1 = code.box.x0 + Math.min(2 * h, (code.box.x1 - code.box.x0) / 2);
    slots.push({ field: 'number', area: { x0: lettersEnd(so) - h * 0.3, y0: so.box.y0 - h, x1, y1: so.box.y1 + h }, anchor: so, next: code, code, junk: row.slice(0, at), month: null, year: null });
  }
  return slots;
}

/** ", ngày … tháng … năm 2025": a blank after "ngày" (the day) and after "tháng" where no month is printed. */
function dateSlots(words: readonly OcrWord[]): Slot[] {
  const slots: Slot[] = [];
  for (const ngay of words.filter((w) => /^,?ngay[^\p{L}\d]*$/u.test(plain(w)))) {
    const row = words.filter((w) => w !== ngay && sameRow(ngay.box, w.box) && w.box.x0 >= ngay.box.x1 - 2).sort((a, b) => a.box.x0 - b.box.x0);
    const ti = row.findIndex((w) => /^thang[^\p{L}\d]*$/u.test(plain(w)));
    const ni = row.findIndex((w, i) => i > ti && /^nam[^\p{L}\d]*$/u.test(plain(w)));
    if (ti < 0 || ni < 0) continue;
    const thang = row[ti]!;
    const nam = row[ni]!;
    const yearWord = row[ni + 1];
    const year = yearWord && /^\d{4}\b/u.test(yearWord.text) ? Number(yearWord.text.slice(0, 4)) : null;
    const between = (a: number, b: number): OcrWord[] => row.slice(a + 1, b);
    const printedMonth = between(ti, ni).find((w) => /^\d{1,2}$/u.test(w.text));
    const h = height(ngay.box);
    // from the word's middle: the engine may have stretched its last letter over the ink ("g" of "tháng" over a "9")
    const area = (a: OcrWord, b: OcrWord): Box => ({ x0: Math.min(lettersEnd(a) - h * 0.3, (a.box.x0 + a.box.x1) / 2), y0: a.box.y0 - h, x1: b.box.x0 + h * 0.3, y1: a.box.y1 + h });
    // a day the engine read as figures (from print, or from ink as dark as print) is already among the words; what it
    // read there that is no figures ("4A" for a dark "11") is the ink, replaced when the figures are read
    const day = between(-1, ti);
    if (!day.some((w) => FIGURES.test(w.text))) slots.push({ field: 'day', area: area(ngay, thang), anchor: ngay, next: thang, code: null, junk: day.filter((w) => /\d/u.test(w.text)), month: printedMonth ? Number(printedMonth.text) : null, year });
    if (!printedMonth && !between(ti, ni).some((w) => /\d/u.test(w.text))) slots.push({ field: 'month', area: area(thang, nam), anchor: thang, next: nam, code: null, junk: [], month: null, year });
  }
  return slots.sort((a, b) => (a.field === 'month' ? 0 : 1) - (b.field === 'month' ? 0 : 1));
}

/** A crop is in a blank when its middle is. */
export function inside(b: Box, area: Box): boolean {
  const [x, y] = [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
  return x >= area.x0 && x <= area.x1 && y >= area.y0 && y <= area.y1;
}

/**
 * "Số:SŠ22?/BTP-BTTP": figures written in ink as dark as print, which the
 * engine read glued between "Số:" and the printed code. The word is cut
 * at its symbols into "Số:", what was read between them (the ink, read
 * again from the page) and the code; a word without symbols, or of
 * another shape, stays as read.
 */
export function splitGluedNumber(lines: readonly OcrLine[]): OcrLine[] {
  return lines.map((line) => {
    const words = line.words.flatMap((w) => {
      const m = /^(S[ốô]\s*:)(.+?)(\/\p{Lu}.*)$/u.exec(w.text);
      const symbols = w.symbols ?? [];
      if (!m || symbols.map((s) => s.text).join('') !== w.text) return [w];
      const cut = (from: number, to: number): OcrWord | null => {
        let at = 0;
        const mine = symbols.filter((s) => {
          const here = at;
          at += s.text.length;
          return here >= from && here < to;
        });
        if (!mine.length) return null;
        // each part as tall as its own symbols: the glued word's box reaches over the figures' ink
        const box = { x0: Math.min(...mine.map((s) => s.box.x0)), x1: Math.max(...mine.map((s) => s.box.x1)), y0: Math.min(...mine.map((s) => s.box.y0)), y1: Math.max(...mine.map((s) => s.box.y1)) };
        return { text: mine.map((s) => s.text).join(''), box, confidence: w.confidence, symbols: mine };
      };
      const [so, ink, code] = [cut(0, m[1]!.length), cut(m[1]!.length, m[1]!.length + m[2]!.length), cut(m[1]!.length + m[2]!.length, w.text.length)];
      return so && ink && code ? [so, ink, code] : [w];
    });
    return { ...line, words };
  });
}

/** Levels at or above this are paper; below, ink (print is not in the crop: only the blank between printed words is). */
const PAPER = 160;

/**
 * The ink in a blank as the page shows it, for figures written in ink as
 * dark as print (no colour to keep them apart by): the blank between the
 * printed words around it (after the anchor's letters, before the next
 * word, each with a small gap), a figure's height above and below, paper
 * made white. Only where the page's OCR read something in the blank
 * (`junk`): ink that dark leaves a reading, and a blank left empty (a
 * draft's "Số:      /KH-BQL") is never cut out. Null when nothing in it
 * is ink.
 */
export function darkInk(page: GrayBitmap, slot: Slot): { ink: GrayBitmap; box: Box } | null {
  if (!slot.junk.length) return null;
  const h = height(slot.anchor.box);
  // after the anchor's letters and its colon ("Số:"), not a speck of ink read onto its end; figures written a little
  // above the line and below it, never as far as the lines above and below
  const printed = (slot.anchor.symbols ?? []).filter((s) => /[\p{L}:]/u.test(s.text));
  const end = printed.length ? Math.max(...printed.map((s) => s.box.x1)) : lettersEnd(slot.anchor);
  // up to the next word, the code's "/" left out (a lone slash reads as a sure "1")
  const box = { x0: end + 0.15 * h, y0: slot.anchor.box.y0 - 0.4 * h, x1: slot.next.box.x0 - 0.1 * h, y1: slot.anchor.box.y1 + 0.25 * h };
  if (box.x1 - box.x0 < 0.5 * h) return null;
  const ink = cropGray(page, box, 0);
  for (let i = 0; i < ink.data.length; i++) if (ink.data[i]! >= PAPER) ink.data[i] = 255;
  // what reaches in across the crop's top or bottom is the lines above and below, not figures in the blank
  clearFromEdges(ink);
  const dark = ink.data.reduce((n, v) => n + (v < 255 ? 1 : 0), 0);
  // a few specks of dust are no figure: at least a stroke a figure's height
  return dark >= h ? { ink, box } : null;
}

/** Whitens the ink connected (8 ways) to the image's top or bottom row. */
function clearFromEdges(img: GrayBitmap): void {
  const { width: w, height: h, data } = img;
  const stack: number[] = [];
  for (let x = 0; x < w; x++) stack.push(x, (h - 1) * w + x);
  while (stack.length) {
    const i = stack.pop()!;
    if (data[i] === 255) continue;
    data[i] = 255;
    const [x, y] = [i % w, Math.floor(i / w)];
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const [u, v] = [x + dx, y + dy];
        if (u >= 0 && v >= 0 && u < w && v < h && data[v * w + u] !== 255) stack.push(v * w + u);
      }
  }
}
