import { isVietnameseSyllable, stripDiacritics } from '../../../core/index.js';
import type { Page } from '../../../../schemas/index.js';
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
export function trimGarbage(text: string, printedOf?: PrintedOf): string {
  const read = text.split(/\s+/u).filter(Boolean);
  // each token judged as the OCR printed it where the restoration read other letters into it (see judgedForm)
  const printed = printedOf?.(read);
  const words = read.map((w, i) => judgedForm(w, printed?.[i]));
  const kept: number[] = [];
  const eligible = (i: number): boolean => isStray(words[i]!) || isStray(read[i]!);
  for (let i = 0; i < words.length; ) {
    let j = i;
    while (j < words.length && eligible(j)) j++;
    const run = words.slice(i, j);
    // the marks start at the first token that is no word as printed or as read ("oA", read "ở")
    const marks = run.findIndex((w, k) => !isMeaningfulWord(w) || !isMeaningfulWord(read[i + k]!));
    const tail = marks < 0 ? [] : run.slice(marks);
    if (isStrayRun(tail, marks < 0 ? [] : read.slice(i + marks, j))) {
      for (let k = i; k < i + marks; k++) kept.push(k);
      // the marks may end in a short token that is no word either ("ở 2 ez 5 Aok")
      while (j < words.length && isShortNonWord(words[j]!)) j++;
      i = j;
    } else if (run.length) {
      for (let k = i; k < j; k++) kept.push(k);
      i = j;
    } else kept.push(i++);
  }
  // marks left at the cell's end, a sign among them ("… cấp phép ° i")
  let end = kept.length;
  const at = (n: number): string => words[kept[n]!]!;
  while (end > 0 && eligible(kept[end - 1]!) && !isMeaningfulWord(at(end - 1)) && !/^\d/u.test(at(end - 1))) end--;
  if (end < kept.length && kept.slice(end).some((k) => /^[^\p{L}\p{N}]+$/u.test(words[k]!))) kept.length = end;
  return kept
    .map((k) => read[k]!)
    .join(' ')
    .replace(/^[|[\]{}]+/u, '')
    .replace(/[|[\]{}'‘’]+$/u, '')
    .trim();
}

const VOWEL = /[aeiouy]/u;

/** A cell's words → the same words as the OCR printed them (undefined where not known). */
export type PrintedOf = (words: readonly string[]) => (string | undefined)[];

/**
 * The form a cell's token is judged by: the restoration's reading where it
 * only put back what an English model loses (marks on the printed letters,
 * a letter for a digit or sign: "s6" → "sở", "co" → "cơ"), the printed token
 * where it read other letters (but for a marked one, "bd" → "bộ"), or more
 * or fewer (but a dropped vowel in letters, "vt" → "vật"): "P" → "Độ", "ez" → "en",
 * "gk" → "kế". A channel that reads any short token as the nearest
 * syllable turns border marks into words, which the marks' tests must not
 * see.
 */
export function judgedForm(read: string, printed: string | undefined): string {
  if (printed === undefined || printed === read) return read;
  const marked = [...read.normalize('NFC').toLowerCase()];
  const a = marked.map((c) => stripDiacritics(c));
  const b = [...stripDiacritics(printed.normalize('NFC')).toLowerCase()];
  // a vowel put back that the OCR dropped under stacked marks ("vt" → "vật") is what the channel is for
  if (a.length === b.length + 1 && b.length >= 2 && b.every((c) => /\p{L}/u.test(c) && !VOWEL.test(c))) return a.some((c, i) => VOWEL.test(c) && [...a.slice(0, i), ...a.slice(i + 1)].join('') === b.join('')) ? read : printed;
  if (a.length !== b.length) return printed;
  // a printed letter read as another stands only for a marked letter ("bd" → "bộ": the mark misread as a letter)
  return b.every((c, i) => !/\p{L}/u.test(c) || c === a[i] || marked[i] !== a[i]) ? read : printed;
}

/**
 * The printed words of the cells cut from `lines` (restored lines of one
 * table part, `printedOf` giving each as printed, word for word): a cell's
 * words are found in order among the lines' words, near the previous one.
 */
export function printedWordsIn(lines: readonly string[], printedOf: (line: string) => string | undefined): PrintedOf {
  const restored: string[] = [];
  const printed: (string | undefined)[] = [];
  for (const line of lines) {
    const r = line.split(/\s+/u).filter(Boolean);
    const p = printedOf(line)?.split(/\s+/u).filter(Boolean);
    r.forEach((w, i) => {
      restored.push(bare(w));
      printed.push(p?.length === r.length ? p[i] : undefined);
    });
  }
  if (printed.every((p) => p === undefined)) return (words) => words.map(() => undefined);
  const near = (k: string, cur: number): number => {
    for (let j = cur + 1; j < restored.length && j <= cur + NEAR; j++) if (restored[j] === k) return j;
    return -1;
  };
  return (words) => {
    const keys = words.map(bare);
    let cur = Math.max(startOf(keys, restored), 0) - 1;
    return keys.map((k) => {
      let found = near(k, cur);
      if (found < 0) found = restored.indexOf(k);
      if (found < 0) return undefined;
      cur = found;
      return printed[found];
    });
  };
}

/** How many of a cell's words after its first are looked at to tell where it starts. */
const START_WORDS = 3;

/**
 * Where a cell's first word is among the lines' words: of its places, the
 * one followed by the most of its next words right after it (a cell's
 * words stand together on its line), the first of those. Two rows' names
 * may both hold a word as restored ("Số lượng công …", "Số lượng đơn …"):
 * its first place would give the second name the first one's printed
 * words. -1 when the word is nowhere.
 */
function startOf(keys: readonly string[], restored: readonly string[]): number {
  let best = -1;
  let bestFollowing = -1;
  const most = Math.min(START_WORDS, keys.length - 1);
  for (let j = restored.indexOf(keys[0] ?? ''); j >= 0; j = restored.indexOf(keys[0]!, j + 1)) {
    let following = 0;
    while (following < most && restored[j + following + 1] === keys[following + 1]) following++;
    if (following > bestFollowing) [best, bestFollowing] = [j, following];
    if (following === most) break;
  }
  return best;
}

/** How far on (in words) a cell's next word is looked for first: the other columns' words of a line lie between. */
const NEAR = 40;
const bare = (w: string): string => w.replace(/^[|[\]{}'‘’"]+|[|[\]{}'‘’"]+$/gu, '').normalize('NFC');

/**
 * A run of short tokens that is stray marks: three or more with two marks
 * among them; three or more single characters ("ổ ổ ổ Ổ", an OCR's reading
 * of a border's dots: Vietnamese does not print three one-letter words in a
 * row; figures alone may be a list, "1 2 3"); or four or more, three of
 * them no word at all, lone digits counted but one of them letters ("ở 2 ez
 * 5": "o 2 ez 5" where a neighbouring cell's shading was read). "ở 3 xã",
 * "1 và 2 ở 5 xã" (figures and words) are text.
 */
function isStrayRun(tail: readonly string[], asRead: readonly string[] = tail): boolean {
  if (tail.length < 3) return false;
  if (tail.filter(isMark).length >= 2) return true;
  // one character as printed or as read ("v o 0a", read "v ở ở")
  const single = (i: number): boolean => [...tail[i]!].length === 1 || [...(asRead[i] ?? '')].length === 1;
  if (tail.every((_, i) => single(i)) && tail.some((w) => !/^\d$/u.test(w))) return true;
  const noWords = tail.filter((w) => !isMeaningfulWord(w) && !/^\p{Ll}$/u.test(w));
  return tail.length >= 4 && noWords.length >= 3 && noWords.some((w) => !/^\d$/u.test(w));
}

/** Three characters at most, no syllable, no acronym in capitals, no figure: "Aok", "ez". */
const isShortNonWord = (w: string): boolean => [...w].length <= 3 && !/[\p{N}]/u.test(w) && !/^\p{Lu}+$/u.test(w) && !isVietnameseSyllable(w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));

/** A short token that is no word: not a lone digit, nor a one-letter word in lower case ("ở", "ý"). */
const isMark = (w: string): boolean => !isMeaningfulWord(w) && !/^\d$/u.test(w) && !/^\p{Ll}$/u.test(w);

/** A token of one or two characters that is not a figure ("10", "5%"): a lone digit may be a mark. */
const isStray = (w: string): boolean => [...w].length <= 2 && !/^(?:\d{2}|\d%)$/u.test(w);

/** Each restored line of a restored page (trimmed) → the line as the OCR printed it, where the two have as many words. */
export function printedLinesOf(page: Page): (line: string) => string | undefined {
  const map = new Map<string, string>();
  const restored = page.text.split('\n');
  const printed = page.originalText?.split('\n');
  if (printed && printed.length === restored.length && page.originalText !== page.text) {
    restored.forEach((line, i) => {
      const key = line.trim();
      const words = (s: string): number => s.split(/\s+/u).filter(Boolean).length;
      if (key && !map.has(key) && words(key) === words(printed[i]!)) map.set(key, printed[i]!.trim());
    });
  }
  return (line) => map.get(line.trim());
}
