import { isVietnameseSyllable, similarity } from '../../../core/index.js';
import { agencyStartsAt, fold, gluedUnit, unitAt } from '../../../lexicon/index.js';

/**
 * One printed line of an OCR text-row table split into its cells. An OCR
 * export of a ruled indicator table puts the words of a row that sit at the
 * same height on one line, cells separated by single spaces:
 * "11.1 |Tỷ lệ sử dụng dịch vụ công trực tuyến của % ≥ 80 Sở Thông tin và Truyền thông".
 * Without positions the cells are found by what they hold: the row number
 * first, the unit (a closed vocabulary), the target (a figure or the words
 * after the unit), the agency (its head word: "Sở", "Văn phòng", "Công an").
 */
export interface LineCells {
  /** The token where the row number is printed, as read ("" when the line has none). */
  code: string;
  name: string;
  unit: string;
  target: string;
  lead: string;
}

/** "11.1", "117", "[23.2", "1112|": a printed row number, possibly garbled. */
const CODE_TOKEN = /^[[|(]?\d{1,4}(?:[.,]\d{1,2}){0,2}\.?[|\]]?$/u;
/** A target figure: "80", "≥", "> 85", "62-65", "0,7", "01", "~=30", "3%". */
const FIGURE = /^(?:[≥≤<>=~]+\d?|[≥≤<>=~]*\d[\d.,%-]*%?)$/u;
/** Leading border marks an OCR reads at a cell's left edge: "|Quy mô", "[toàn trình". */
const BORDER = /^[|[\]{}]+/u;

/** True when the line reads as the middle line of a row (its number, or its unit/figure and agency). */
export function isAnchorLine(line: string): boolean {
  const words = line.split(/\s+/u).filter(Boolean);
  if (words.length >= 2 && CODE_TOKEN.test(words[0]!) && /\p{L}/u.test(words.slice(1).join(' '))) return true;
  const agency = agencyIndex(words, 3);
  return agency !== null && hasValueBefore(words, agency);
}

/**
 * Splits an anchor line into cells; see LineCells. `printed` is the line as
 * the OCR printed it, before restoration, when the page was restored (word
 * for word the same count): a garbled unit is read on what was printed, as
 * restoration may have made another word of it out of its column's context.
 */
export function splitAnchorLine(line: string, printed?: string): LineCells {
  const words = line.split(/\s+/u).filter(Boolean);
  const printedWords = printed?.split(/\s+/u).filter(Boolean);
  const asPrinted = printedWords?.length === words.length ? printedWords : null;
  const hasCode = words.length > 0 && (CODE_TOKEN.test(words[0]!) || looksLikeGarbledCode(words[0]!));
  const start = hasCode ? 1 : 0;
  const code = hasCode ? words[0]! : '';
  let agency = agencyIndex(words, start + 1);
  if (agency !== null && !hasValueBefore(words, agency)) agency = laterAgency(words, agency) ?? agency;
  const end = agency ?? words.length;
  const unit = unitIndex(words, start, end);
  let nameEnd = unit?.at ?? end;
  let targetStart = unit ? unit.at + unit.length : end;
  let unitText = unit?.text ?? '';
  if (!unit) {
    const figure = words.findIndex((w, i) => i >= start + 2 && i < end && FIGURE.test(w));
    if (figure >= 0) nameEnd = targetStart = figure;
    const sign = figure >= 0 ? percentGlyphAt(words, figure, start + 2) : -1;
    if (sign >= 0) {
      unitText = '%';
      nameEnd = sign;
      targetStart = sign + 1;
    }
    const repeated = figure >= 0 && sign < 0 ? repeatedUnitAt(words, start, figure) : -1;
    if (repeated >= 0) {
      unitText = words.slice(repeated, figure).join(' ');
      nameEnd = repeated;
    }
    // a unit of two words printed as one token right before the figure ("Cosd 01": "Cơ sở")
    const glued = figure >= start + 2 && sign < 0 && repeated < 0 ? gluedUnit(asPrinted?.[figure - 1] ?? '') ?? gluedUnit(words[figure - 1]!) : null;
    if (glued) {
      unitText = glued;
      nameEnd = figure - 1;
    }
  }
  // no agency head: what follows the target's figures is the agency as read ("S§ Y tế")
  let targetEnd = end;
  if (agency === null) {
    let i = targetStart;
    while (i < words.length && FIGURE.test(words[i]!)) i++;
    // a head word read as digits ("100 54 Giáo dục và Đào tạo": "Sở" read "54") is the agency's, after the target's own figure
    const ownFigure = words.slice(targetStart, i - 1).some((w) => /\d/u.test(w));
    if (ownFigure && i < words.length && /^\d{2}$/u.test(words[i - 1]!) && /^\p{Lu}\p{Ll}/u.test(words[i]!)) i--;
    if (i > targetStart && i < words.length) targetEnd = i;
  }
  return {
    code,
    name: words.slice(start, nameEnd).join(' ').replace(BORDER, ''),
    unit: unitText,
    target: figureTail(words.slice(targetStart, targetEnd).join(' ')),
    lead: words.slice(targetEnd === end ? end : targetEnd).join(' '),
  };
}

/**
 * The unit cell "%" as an English-model OCR prints it, alone before the
 * target's figure: "5 70", "o > 95", "%o 50" (the sign read as a digit or a
 * letter, or with a stray mark; restoration may have made the "o" an "ở").
 * Its index, or -1.
 */
function percentGlyphAt(words: readonly string[], figure: number, min: number): number {
  const glyph = (w: string | undefined): boolean => w !== undefined && /^(?:%\p{L}|[o5ở])$/u.test(w);
  if (glyph(words[figure]) && FIGURE.test(words[figure + 1] ?? '')) return figure;
  return figure - 1 >= min && glyph(words[figure - 1]) ? figure - 1 : -1;
}

/**
 * A unit cell that counts the thing the name ends with, printed before the
 * target's figure: "Hình thành sàn dữ liệu Sàn dữ liệu 5" (unit "Sàn dữ
 * liệu"), as plans do when the count is of something new (no closed list
 * holds such units). A capitalised run of one to four words right before
 * the figure, the rest in small letters, whose words the name's last words
 * repeat (folded, near enough for an OCR's slips). Its first index, or -1.
 */
function repeatedUnitAt(words: readonly string[], start: number, figure: number): number {
  for (let k = Math.min(4, figure - start - 1); k >= 1; k--) {
    const at = figure - k;
    const run = words.slice(at, figure);
    if (!/^\p{Lu}\p{Ll}/u.test(run[0]!) || run.slice(1).some((w) => !/^\p{Ll}/u.test(w))) continue;
    const before = words.slice(Math.max(start, at - k), at);
    if (before.length < k || /^\p{Lu}/u.test(before[0]!)) continue;
    const a = fold(run.join(' '));
    if (a.length >= 4 && similarity(a, fold(before.join(' '))) >= 0.8) return at;
  }
  return -1;
}

/** A figure expression ending a target: "70", "≥1", "40 - 50", "0,7", "3%". */
const FIGURE_TAIL = /(?:[≥≤<>=]\s?)?\d+(?:[.,]\d+)?(?:\s?[-–]\s?\d+(?:[.,]\d+)?)?%?$/u;

/**
 * The figure of a target cell whose start is stray marks an OCR read from
 * borders or a garbled unit ("5 70", "1 i 40 - 50", "14 Cguﬁiédoanh ≥1"):
 * the figure at the end, when nothing before it reads as a word. A target
 * in words ("Phấn đấu đạt 3%") is kept whole.
 */
function figureTail(target: string): string {
  const tail = FIGURE_TAIL.exec(target)?.[0];
  if (!tail || tail === target) return target;
  const before = target.slice(0, target.length - tail.length).trim().split(/\s+/u);
  return before.some((w) => /^\p{L}{2,}$/u.test(w) && isVietnameseSyllable(w)) ? target : tail;
}

/** Where an agency starts in a continuation line ("(R&D) Sở Khoa học và Công nghệ" → 1), null when none. */
export function agencyIndex(words: readonly string[], from: number): number | null {
  for (let i = from; i < words.length; i++) if (agencyStartsAt(words, i)) return i;
  return null;
}

/** A second agency head later in the line, when the first had no value before it (a name that mentions an agency). */
function laterAgency(words: readonly string[], first: number): number | null {
  for (let i = first + 1; i < words.length; i++) if (agencyStartsAt(words, i) && hasValueBefore(words, i)) return i;
  return null;
}

/** A unit or a figure among the few words before `i`: the cells between the name and the agency. */
function hasValueBefore(words: readonly string[], i: number): boolean {
  for (let k = Math.max(1, i - 5); k < i; k++) if (FIGURE.test(words[k]!) || (isUnitWord(words[k]!) && unitAt(words, k))) return true;
  return false;
}

/** The leftmost capitalised unit after the name's first word: units are printed at the start of their cell ("Thứ bậc", "% GDP"). */
function unitIndex(words: readonly string[], start: number, end: number): { at: number; length: number; text: string } | null {
  for (let i = Math.max(start, 1); i < end; i++) {
    if (i === start && end - start > 3 && !FIGURE.test(words[i + 1] ?? '')) continue;
    if (!isUnitWord(words[i]!)) continue;
    const u = unitAt(words, i);
    if (u && i + u.length <= end) return { at: i, ...u };
  }
  return null;
}

const isUnitWord = (w: string): boolean => /^(?:\p{Lu}|%)/u.test(w);

/** "jg", "gỡ", "O", "-": one or two characters where the row number is printed, not a word of a name. */
function looksLikeGarbledCode(token: string): boolean {
  if ([...token].length > 2) return false;
  const f = fold(token);
  return !/^\p{Lu}\p{Ll}$/u.test(token) && f !== 'va';
}
