import { isVietnameseSyllable } from '../core/index.js';
import type { OcrResult, OcrWord } from './ocr-engine.js';

/**
 * Below this confidence the engine itself doubts a word; such a word is
 * dropped when nothing in it reads as text either (see `looksLikeText`).
 * Measured on the real scans' remnants (a seal's specks, a signature's
 * strokes, a rule's edge): they come back at 0–0.5, while printed words
 * the engine misreads still score higher or keep a syllable.
 */
const JUNK_CONFIDENCE = 0.5;

/**
 * Whether a word holds something a document prints: a Vietnamese syllable
 * of two letters or more, a digit or a table's sign ("%", "≥", "-"), an acronym in
 * capitals, a Latin word in lower case (an e-mail address), or a short
 * abbreviation ("Đ/c", "TP.", "b/c": letters in runs of up to three,
 * joined by "/" or "."). A speck read as "s", "LzZạ" or "?;" holds none.
 */
export function looksLikeText(text: string): boolean {
  const runs = text.match(/\p{L}+/gu) ?? [];
  if (runs.some((r) => [...r].length >= 2 && isVietnameseSyllable(r))) return true;
  // a table's figures and signs are print however unsure the engine is: a lone digit ("5"), "%", "≥", "-" for no value
  if (/\p{N}/u.test(text) || /^[%≥≤<>=+\-–—]+$/u.test(text)) return true;
  // an acronym ("HĐND", "NMĐ") or a Latin word, a name in an address ("anninhmang@lamdong.gov.vn")
  if (runs.some((r) => /^\p{Lu}{2,}$/u.test(r) || /^[a-z]{3,}$/u.test(r))) return true;
  return /^[("“]?\p{L}{1,3}(?:[./]\p{L}{1,3})+\.?[)"”.,;:]*$/u.test(text);
}

/**
 * Drops what OCR made of marks that are not print (a rule's remnant read as
 * "|", a seal's speck as ":" or "s", a signature's stroke as "LzZạ"): words
 * the engine scored low that do not look like text. A mark the engine is
 * sure of ("-" in a table cell) stays, and so does every word `inTable`
 * says lies in a ruled table. Returns the result without them and how many
 * words went.
 */
export function dropJunkWords(result: OcrResult, inTable: (w: OcrWord) => boolean = () => false): { result: OcrResult; dropped: number } {
  let dropped = 0;
  // inside a ruled table every mark stays: the table reader places cells by them (dropping them there cost the fixture scans' tables)
  const keep = (w: OcrWord): boolean => inTable(w) || !(w.confidence < JUNK_CONFIDENCE && !looksLikeText(w.text));
  const lines = result.lines.flatMap((line) => {
    const words = line.words.filter(keep);
    dropped += line.words.length - words.length;
    return words.length ? [{ ...line, words }] : [];
  });
  return { result: dropped ? { ...result, lines } : result, dropped };
}
