import { isVietnameseSyllable } from '../../../core/index.js';
import { isMeaningfulWord } from './text-row-words.js';

/**
 * Stray marks in the cells of an OCR text-row table: what an OCR reads from
 * a table's borders, shading and dust between a cell's words, and how a
 * cell is cleared of them. Shared by the indicator and the assignment readers.
 */

/**
 * Stray marks an OCR of shading and borders leaves in a cell ("… ngang tầm
 * . SỰ A 5 A là", "toàn . . A trình"): a run of three or more tokens of one
 * or two characters (a lone digit among them), two or more of them marks
 * (no word, no digit), is dropped wherever it stands; so are border marks at the cell's
 * edges. The short words that open such a run before anything that is
 * no word are the cell's own ("có chữ ký số . . A": the marks start after "ký số") and
 * are kept.
 */
export function trimGarbage(text: string): string {
  const words = text.split(/\s+/u).filter(Boolean);
  const kept: string[] = [];
  for (let i = 0; i < words.length; ) {
    let j = i;
    while (j < words.length && isStray(words[j]!)) j++;
    const run = words.slice(i, j);
    const marks = run.findIndex((w) => !isMeaningfulWord(w));
    const tail = marks < 0 ? [] : run.slice(marks);
    if (isStrayRun(tail)) {
      kept.push(...run.slice(0, marks));
      // the marks may end in a short token that is no word either ("ở 2 ez 5 Aok")
      while (j < words.length && isShortNonWord(words[j]!)) j++;
      i = j;
    } else if (run.length) {
      kept.push(...run);
      i = j;
    } else kept.push(words[i++]!);
  }
  // marks left at the cell's end, a sign among them ("… cấp phép ° i")
  let end = kept.length;
  while (end > 0 && isStray(kept[end - 1]!) && !isMeaningfulWord(kept[end - 1]!) && !/^\d/u.test(kept[end - 1]!)) end--;
  if (end < kept.length && kept.slice(end).some((w) => /^[^\p{L}\p{N}]+$/u.test(w))) kept.length = end;
  return kept.join(' ').replace(/^[|[\]{}]+/u, '').replace(/[|[\]{}'‘’]+$/u, '').trim();
}

/**
 * A run of short tokens that is stray marks: three or more with two marks
 * among them; three or more single characters ("ổ ổ ổ Ổ", an OCR's reading
 * of a border's dots: Vietnamese does not print three one-letter words in a
 * row; figures alone may be a list, "1 2 3"); or four or more, three of
 * them no word at all, lone digits counted but one of them letters ("ở 2 ez
 * 5": "o 2 ez 5" where a neighbouring cell's shading was read). "ở 3 xã",
 * "1 và 2 ở 5 xã" (figures and words) are text.
 */
function isStrayRun(tail: readonly string[]): boolean {
  if (tail.length < 3) return false;
  if (tail.filter(isMark).length >= 2) return true;
  if (tail.every((w) => [...w].length === 1) && tail.some((w) => !/^\d$/u.test(w))) return true;
  const noWords = tail.filter((w) => !isMeaningfulWord(w) && !/^\p{Ll}$/u.test(w));
  return tail.length >= 4 && noWords.length >= 3 && noWords.some((w) => !/^\d$/u.test(w));
}

/** Three characters at most, no syllable, no acronym in capitals, no figure: "Aok", "ez". */
const isShortNonWord = (w: string): boolean => [...w].length <= 3 && !/[\p{N}]/u.test(w) && !/^\p{Lu}+$/u.test(w) && !isVietnameseSyllable(w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));

/** A short token that is no word: not a lone digit, nor a one-letter word in lower case ("ở", "ý"). */
const isMark = (w: string): boolean => !isMeaningfulWord(w) && !/^\d$/u.test(w) && !/^\p{Ll}$/u.test(w);

/** A token of one or two characters that is not a figure ("10", "5%"): a lone digit may be a mark. */
const isStray = (w: string): boolean => [...w].length <= 2 && !/^(?:\d{2}|\d%)$/u.test(w);

