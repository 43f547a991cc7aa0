import { stripDiacritics } from '../../../core/index.js';
import { fold, foldedLineEndForms, isAgencyWord, isLineOpener, isListOpener, isYearInSentenceWord, listGoesOn, opensName } from '../../../lexicon/index.js';

/** A pattern built once from the lexicon, on first use. */
function lazyPattern(make: () => RegExp): () => RegExp {
  let re: RegExp | null = null;
  return () => (re ??= make());
}

/**
 * One printed line of an OCR text-row assignment table split into the parts
 * of its columns. An OCR export of a ruled task table ("STT | Nội dung công
 * việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện") prints the
 * words of a row that sit at one height on one line, cells side by side:
 * "2.1 thành phố đề xuất, kiến nghị … | địa phương, đơn vị Sở Khoa học và
 * Công nghệ Hằng năm". Without positions the parts are found by what they
 * are: the timeline a closed set of forms at the line's end, the agencies a
 * run of administrative words before it, the task the prose before them.
 */
export interface TaskLineParts {
  /** The row number read at the line's start ("" when none). */
  code: string;
  task: string;
  /** Agency fragments in printed order: one column's or two (the lead's, then the cooperating agencies'). */
  agencies: string[];
  timeline: string;
}

/** "2.1", "1.5 |", "312", "[4.2": a printed row number, possibly garbled. */
const CODE_TOKEN = /^[[|(]?\d{1,3}(?:[.,]\d{1,2}){0,2}\.?[|\]]?$/u;

/**
 * Timelines as plans print them, read at a line's end without marks:
 * "Hằng năm" (also misread "Flang năm"), "Thường xuyên", "2025 - 2026",
 * "2025-2030", "2025 -" (its end on the next line), "2025".
 */
const TIMELINE_END = lazyPattern(() => {
  // the recurring and ongoing forms of the lexicon, folded; a recurring one's first syllable keeps only its rhyme ("Flang năm" for "Hằng năm")
  const forms = foldedLineEndForms().map((f) => (/^h[a-z]*ang /u.test(f) ? f.replace(/^h[a-z]*?(ang )/u, '\\p{L}{0,2}$1') : f));
  return new RegExp(`(?:^|\\s)(${[...new Set(forms)].join('|')}|20\\d\\d\\s?[-–~]\\s?20\\d\\d|20\\d\\d\\s?[-–~]|20\\d\\d)$`, 'u');
});

/** Splits a line into its row number, task words, agency fragments and timeline. */
export function splitTaskLine(line: string, withCode: boolean): TaskLineParts {
  let words = line.split(/\s+/u).filter(Boolean);
  let code = '';
  if (withCode && words.length && CODE_TOKEN.test(words[0]!)) code = words.shift()!.replace(/[|[\]()]/gu, '');
  // a number the OCR garbled past reading before the task's border ("ở, | Nghị quyết …"): a row line all the same
  else if (withCode && words.length > 2 && words[1] === '|' && [...words[0]!].length <= 3) code = (words.shift(), '?');
  if (words[0] === '|') words.shift();
  let timeline = '';
  const tail = TIMELINE_END().exec(stripDiacritics(words.slice(-5).join(' ')).toLowerCase());
  const n = tail ? tail[1]!.trim().split(/\s+/u).length : 0;
  // "… đến năm 2045" ends a task's sentence: a year after "năm" or "đến" is not the timeline column
  if (tail && !(/^20\d\d$/u.test(tail[1]!) && isYearInSentenceWord(fold(words.at(-n - 1) ?? '')))) {
    timeline = words.slice(-n).join(' ');
    words = words.slice(0, -n);
  }
  while (words.length && /^[|[\]{}\\.,:;'"“”‘’`~^_-]+$/u.test(words.at(-1)!)) words.pop();
  const start = agencyPartStart(words);
  const agencies = splitAgencyPart(words.slice(start));
  return { code, task: cleanTask(words.slice(0, start).join(' ')), agencies, timeline };
}

/** A word of an agency name (folded, punctuation dropped), or a stray mark that counts neither way. */
function agencyWord(word: string): 'agency' | 'stray' | 'other' {
  const f = fold(word);
  if (!f) return 'stray';
  const parts = f.split(' ');
  if (parts.every(isAgencyWord)) return 'agency';
  return [...word].length <= 2 && !/^\p{Ll}{2}$/u.test(word) ? 'stray' : 'other';
}

/**
 * Where the agency part of a line starts: within the run of agency words
 * (and stray marks) ending the line, at its first word when the run is the
 * whole line (a line of agency cells only: "Truyền thông", "các quận,
 * huyện, …") or opens a list ("các đơn vị liên quan" after the task's
 * words), else at the first word an agency opens with ("… thực | Sở Khoa
 * học và"). The line's length when it has none.
 */
function agencyPartStart(words: readonly string[]): number {
  let run = words.length;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (w === '|' || w.endsWith('|') || agencyWord(w) === 'other') break;
    run = i;
  }
  while (run < words.length && agencyWord(words[run]!) === 'stray') run++;
  if (run >= words.length) return words.length;
  const before = words.slice(0, run).filter((w) => agencyWord(w) !== 'stray' && w !== '|');
  const border = run > 0 && (words[run - 1] === '|' || words[run - 1]!.endsWith('|'));
  if (!before.length || border || opensList(words, run)) return run;
  for (let i = run; i < words.length; i++) if (isOpener(words, i)) return i;
  return words.length;
}

/** Lower-case words a list of agencies goes on with at a line's start: "các quận, huyện", "các đơn vị liên quan", "dân các quận". */
function opensList(words: readonly string[], i: number): boolean {
  if (/^\p{Lu}/u.test(words[i + 1] ?? '')) return false; // "các Sở Giáo dục …": the task's "các" before the lead's name
  const f = fold(words.slice(i, i + 2).join(' '));
  return listGoesOn(f);
}

/** A capitalised word an agency opens with ("Sở", "Các", "Ủy", "UBND"), followed by another agency word. */
function isOpener(words: readonly string[], i: number): boolean {
  const w = words[i]!;
  if (!/^\p{Lu}/u.test(w.replace(/^[^\p{L}]+/u, ''))) return false;
  return isLineOpener(fold(w)) && (i + 1 >= words.length || agencyWord(words[i + 1]!) !== 'other');
}

/**
 * The agency part as one or two column fragments: a second fragment opens
 * at a "|" border or at an opener after the first fragment's own words
 * ("Sở Khoa học và | Các sở, ban, ngành, …"; "địa phương, đơn vị Sở Khoa
 * học và Công nghệ").
 */
function splitAgencyPart(words: readonly string[]): string[] {
  const kept = words.filter((w) => w !== '|' && (agencyWord(w) !== 'stray' || /\p{L}{2}/u.test(w)));
  if (!kept.length) return [];
  const split = (i: number): string[] => [kept.slice(0, i).join(' '), kept.slice(i).join(' ')];
  for (let i = 1; i < kept.length; i++) {
    const prev = kept[i - 1]!;
    const f = fold(kept[i]!);
    // "Các sở, ban, ngành, Ủy ban …": a list goes on after a comma
    if (/,$/u.test(prev)) continue;
    if (isOpener(kept, i) && isListOpener(f)) return split(i);
    // "Sở Khoa học và các quận, huyện, …": the list's next line beside the name's
    if (i >= 2 && listGoesOn(fold(kept.slice(i, i + 2).join(' '))) && fold(kept[i]!) === 'cac') return split(i);
    // "Sở Khoa học và Công nghệ", "Sở Tài chính; Sở Kế hoạch …": a name goes on after "và" and a semicolon
    if (/;$/u.test(prev) || fold(prev) === 'va' || i < 2 || !isOpener(kept, i)) continue;
    if (opensName(f, fold(kept[i + 1] ?? ''))) return split(i);
  }
  return [kept.join(' ')];
}


/** A task part without the border marks an OCR leaves at its cell's edges. */
function cleanTask(text: string): string {
  // a colon ending the task's last word stays ("… quản lý văn hóa:", a heading); one standing alone is a border's mark
  return text.replace(/^[|[\]{}\\).,:;'"‘’]+\s*/u, '').replace(/(?:\s+[|[\]{}\\:;]+|[|[\]{}\\]+)$/u, '').trim();
}
