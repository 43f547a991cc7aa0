import { IndicatorWordsFile } from '../../schemas/index.js';
import { editDistance, isVietnameseSyllable, stripDiacritics } from '../core/index.js';
import { lazy, readDataFile } from './data-file.js';

const data = lazy(() => readDataFile('indicators.json', IndicatorWordsFile));

/** Each glyph an OCR prints for a letter → that letter (indicators.json lookalikes). */
const glyphs = lazy(() => {
  const map = new Map<string, string>();
  for (const [letter, printed] of Object.entries(data().lookalikes)) for (const g of printed) map.set(g, letter);
  return map;
});

/** A word as compared with an opener's: marks stripped, lower case, each lookalike glyph its letter, signs dropped ("1&¢" → "lee"). */
function lookalike(word: string): string {
  const map = glyphs();
  return [...stripDiacritics(word.normalize('NFC')).toLowerCase()]
    .map((c) => map.get(c) ?? c)
    .join('')
    .replace(/[^a-z]+/gu, '');
}

const openers = lazy(() =>
  data()
    .nameOpeners.map((text) => ({ text, words: text.split(' ').map(lookalike) }))
    .sort((a, b) => b.words.length - a.words.length),
);

/** A word as printed, not a misreading: letters only, a Vietnamese syllable. */
const isWord = (w: string): boolean => /^\p{L}+$/u.test(w) && isVietnameseSyllable(w);

/**
 * A word as printed inside an opener: a syllable, in small letters after the
 * opener's first word. An opener's later words are never capitalised, so
 * "Ủy Ia" ("Ty I€", a capital I read for l) is a misreading.
 */
const isPrintedWord = (w: string, i: number): boolean => isWord(w) && (i === 0 || !/^\p{Lu}\p{Ll}/u.test(w));

/**
 * The opener of an indicator name (indicators.json nameOpeners) that the
 * first words of `words` are an OCR's misreading of: "TV 18 cắt giảm …",
 * "Từ 1 nhiệm vụ …", "1¥ ¢ sử dụng …", "Ủy Ia đóng góp …" → "Tỷ lệ". Each
 * word must be within one letter of the opener's once glyphs are read as
 * the letters they stand for (indicators.json lookalikes), and one of them
 * must be no word as printed (a digit or a sign in it, or a capital inside
 * the opener): words as printed ("Từ lâu", "Ủy ban") are never changed. An
 * opener whose words the OCR glued into one token that is no word
 * ("36luong đơn …" → "Số lượng đơn …") is read the same way, within one
 * letter of its words joined. Something must follow the opener. `length`
 * is how many of `words` it replaces. Null when none.
 */
export function misreadNameOpener(words: readonly string[]): { text: string; length: number } | null {
  for (const o of openers()) {
    const n = o.words.length;
    if (words.length <= n) continue;
    const read = words.slice(0, n);
    if (read.every(isPrintedWord)) continue;
    const looks = read.map(lookalike);
    if (looks.some((l) => !l)) continue;
    if (looks.every((l, i) => editDistance(l, o.words[i]!) <= 1)) return { text: o.text, length: n };
  }
  return gluedOpener(words);
}

/** An opener of two words or more printed as one token that is no word: "36luong" → "Số lượng" (see misreadNameOpener). */
function gluedOpener(words: readonly string[]): { text: string; length: number } | null {
  const first = words[0] ?? '';
  if (words.length < 2 || isWord(first)) return null;
  const look = lookalike(first);
  if (look.length < 4) return null;
  const o = openers().find((x) => x.words.length >= 2 && editDistance(look, x.words.join('')) <= 1);
  return o ? { text: o.text, length: 1 } : null;
}
