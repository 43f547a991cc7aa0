import { agencyIndex, isAnchorLine, splitAnchorLine, type LineCells } from './text-row-line.js';
import { endsBeforeLocality, fold, isPeriodHeading, localityAtEnd, misreadNameOpener } from '../../../lexicon/index.js';
import { isVietnameseSyllable } from '../../../core/index.js';
import { isGarbageLine, isMeaningfulWord, unitAt, type TextRowRole } from './text-row-words.js';
import { nameColumnWidth, splitOverWide } from './text-row-width.js';
import { judgedForm, printedWordsIn, trimGarbage, type PrintedOf } from './text-row-garbage.js';

/** A row read from text: a section ("I Đến năm 2030") or a body row with its cells by role. */
export type ParsedRow =
  | { kind: 'section'; text: string }
  | { kind: 'body'; code: string; afterSection: boolean; cells: Partial<Record<TextRowRole, string>> };

/** "I Đến năm 2030", "II. Giai đoạn 2026 - 2030", "Đến năm 2045": a period row. */
const isPeriod = (line: string): boolean => isPeriodHeading(line);
/** A row number or figure alone on its line: "37", "[11.2", "1112|". */
export const isBareNumber = (line: string): boolean => /^\s*[[|(]?\d{1,4}(?:[.,]\d{1,2})*\.?[|\]]?\s*$/u.test(line);

/**
 * Rows printed one line per row height (see text-row-line.ts). Lines between
 * two row lines belong to one of them: a line that starts in lower case (or
 * with a bracket or a figure) continues the cell above; one that starts with
 * a capital begins a cell of the row below ("Top 3 các địa phương dẫn" above
 * "1 Tiềm lực, …", its cells being centred in the row). `printedOf` gives a
 * row line as the OCR printed it, before restoration (see splitAnchorLine).
 */
export function parseLineRows(segment: readonly string[], printedOf: (line: string) => string | undefined = () => undefined): ParsedRow[] {
  const out: ParsedRow[] = [];
  const rows: LineRow[] = [];
  let pending: string[] = [];
  let afterSection = false;
  const width = nameColumnWidth(segment);
  const asPrinted = printedWordsIn(segment, printedOf);
  const flushPending = (): void => {
    const last = rows.at(-1);
    if (last) last.below.push(...pending);
    pending = [];
  };
  for (const raw of segment) {
    const trimmed = raw.trim();
    // stray marks before the locality that ends the agency above ("ở 4 RN Ả 2 ix thành phố" under "… Ủy ban nhân dân"): the locality is kept
    const line = trimmed && isGarbageLine(trimmed) ? localityOfGarbage(trimmed, rows.at(-1)?.cells.lead ?? '') : withoutStrayLetter(trimmed);
    if (!line) continue;
    if (isPeriod(line)) {
      flushPending();
      rows.splice(0).forEach((r) => out.push(bodyRow(r, width, asPrinted)));
      out.push({ kind: 'section', text: line });
      afterSection = true;
      continue;
    }
    if (isAnchorLine(line)) {
      // lines waiting since the last row: those starting in lower case continue it, the rest open this one
      const last = rows.at(-1);
      const split = last ? pending.findIndex((l) => !continuesAbove(l)) : 0;
      const cells = splitAnchorLine(line, printedOf(line));
      let cut = Math.max(split < 0 ? pending.length : split, last && cells.lead ? agencyLinesBelow(pending) : 0);
      // a name that opens on its own row line has no line above it: what waits there (but an agency's first lines) ends the row above
      if (last && opensOwnName(cells)) cut = Math.max(cut, pending.length - trailingAgencyLines(pending));
      if (last) last.below.push(...pending.slice(0, cut));
      rows.push({ cells, above: pending.slice(cut), below: [], afterSection });
      pending = [];
      afterSection = false;
      continue;
    }
    const last = rows.at(-1);
    const locality = !pending.length && last ? strayLocality(line, last.cells.lead) : '';
    if (locality && last) last.cells.lead = `${last.cells.lead} ${locality}`;
    else pending.push(line);
  }
  flushPending();
  rows.forEach((r) => out.push(bodyRow(r, width, asPrinted)));
  return out;
}

/**
 * How many of the lines between two row lines go with the upper row at
 * least, by its agency cell: a line holding an agency nearer the upper row
 * line than the lower one continues the upper row's agency cell (its
 * second agency), when the lower row has its agency on its own row line
 * ("4 Hoàn thành … Sở Thông tin và Truyền thông", "… tại thành phố Ủy ban
 * nhân dân các quận", "Thu hút thêm …", "25 … Sở Kế hoạch và Đầu tư").
 */
function agencyLinesBelow(pending: readonly string[]): number {
  let n = 0;
  pending.forEach((line, i) => {
    if (i + 1 < pending.length - i && splitAgency(line).agency) n = i + 1;
  });
  return n;
}

/**
 * A row line whose name cell opens there: the name starts with a capital
 * and runs a few words, and the line's other cells are read (a unit, or a
 * target that is a figure), so no cell of the row is taller than its row
 * line above it but the agency's. A name printed from the line above
 * continues in lower case, or is read with no unit ("17 chuyển đổi số …"),
 * or stands under a target in words centred over several lines.
 */
function opensOwnName(cells: LineCells): boolean {
  const words = cells.name.split(/\s+/u).filter(Boolean);
  if (words.length < 3 || !/^\p{Lu}\p{Ll}/u.test(words[0]!)) return false;
  const figureTarget = /\d/u.test(cells.target) && cells.target.split(/\s+/u).filter((w) => /\p{L}{2,}/u.test(w)).length === 0;
  return Boolean(cells.unit) && figureTarget;
}

/** How many of the last lines waiting above a row line hold nothing but an agency (the first lines of the row's centred agency cell). */
function trailingAgencyLines(pending: readonly string[]): number {
  let n = 0;
  while (n < pending.length) {
    const { rest, agency } = splitAgency(pending[pending.length - 1 - n]!);
    if (!agency || rest.trim()) break;
    n++;
  }
  return n;
}

/** A row line with the lines above and below it that belong to its cells. */
interface LineRow {
  cells: LineCells;
  above: string[];
  below: string[];
  afterSection: boolean;
}

/**
 * A row's cells from its row line and the lines above and below it.
 * `width` is the name column's (text-row-width.ts): when the target is in
 * words, a line too wide for the name column carries the target's words
 * after the name's, above the row line as below it.
 */
function bodyRow(r: LineRow, width: number | null, asPrinted?: PrintedOf): ParsedRow {
  const cells = { ...r.cells };
  const wrapped = cells.unit ? null : wrappedUnit(r.above.at(-1) ?? '', cells.name);
  if (wrapped) {
    r.above[r.above.length - 1] = wrapped.above;
    cells.unit = wrapped.unit;
    cells.name = wrapped.name;
    // words between the unit and the target's figure are the target's ("Phấn đấu đạt" 3%)
    if (wrapped.after) cells.target = join(wrapped.after, cells.target);
  }
  const textualTarget = cells.target.split(' ').filter((w) => /\p{L}{2,}/u.test(w)).length >= 2;
  const overAbove: string[] = [];
  const overBelow: string[] = [];
  if (textualTarget) {
    const part = (line: string, to: string[]): string => {
      const { rest, agency } = splitAgency(line);
      const { name, other } = splitOverWide(rest, width);
      if (other) to.push(other);
      return other ? join(name, agency) : line;
    };
    r.above = r.above.map((l) => part(l, overAbove));
    r.below = r.below.map((l) => part(l, overBelow));
  }
  const nameOpens = /^\p{Lu}/u.test(cells.name);
  // a row whose name starts on its own line: text above it is the target's (longer, centred) cell
  const targetAbove = nameOpens && textualTarget ? r.above.filter((l) => splitAgency(l).rest).length : 0;
  for (const line of r.above.reverse()) {
    const { rest, agency } = splitAgency(line);
    if (agency) cells.lead = join(agency, cells.lead);
    if (targetAbove) cells.target = join(rest, cells.target);
    else cells.name = join(rest, cells.name);
  }
  r.below.forEach((line, i) => {
    const { rest, agency } = splitAgency(line);
    const tail = agency ? null : localityTail(rest, cells.lead);
    if (agency) cells.lead = join(cells.lead, agency);
    // the target's centred cell has as many lines below its row line as above it, when the name has just one line
    if (i < targetAbove && r.below.length <= targetAbove) cells.target = join(cells.target, tail ? tail.rest : rest);
    else cells.name = join(cells.name, tail ? tail.rest : rest);
    if (tail) cells.lead = [cells.lead, tail.tail].filter(Boolean).join(' ');
  });
  cells.target = [...overAbove, cells.target, ...overBelow].filter((s) => s.trim()).join(' ');
  return {
    kind: 'body',
    code: cells.code,
    afterSection: r.afterSection,
    cells: {
      code: cells.code,
      name: trimGarbage(repairOpener(cells.name, asPrinted), asPrinted),
      unit: cells.unit,
      target: trimGarbage(cells.target, asPrinted),
      lead: trimGarbage(cells.lead, asPrinted),
    },
  };
}

/** A name whose opening words an OCR garbled ("TV 18 cắt giảm …") given the opener they read as ("Tỷ lệ cắt giảm …"); see misreadNameOpener. */
export function repairOpener(name: string, asPrinted?: PrintedOf): string {
  const words = name.split(/\s+/u).filter(Boolean);
  // the opener's misreading is told on what the OCR printed where the restoration read it as words ("36luong" → "lương")
  const printed = asPrinted?.(words);
  const opener = misreadNameOpener(words) ?? (printed ? misreadNameOpener(words.map((w, i) => judgedForm(w, printed[i]))) : null);
  return opener ? [opener.text, ...words.slice(opener.length)].join(' ') : name;
}

/**
 * A unit cell wrapped over two lines, its first line ending the line above
 * the row line and its second inside the row line's name, since the cells
 * stand side by side: "khoa học, đổi mới sáng tạo, | % tổng chi ngân" over
 * "17 chuyển đổi số sách nhà nước Phấn đấu đạt 3% …" is the unit "% tổng
 * chi ngân sách nhà nước" (a known unit, units.json). The line above and
 * the name without the unit's words, and the words after the unit; null
 * when no known unit is so wrapped.
 */
function wrappedUnit(above: string, name: string): { above: string; unit: string; name: string; after: string } | null {
  const top = above.split(/\s+/u).filter(Boolean);
  const row = name.split(/\s+/u).filter(Boolean);
  for (let k = 1; k < top.length; k++) {
    const first = top[k]!.replace(/^[|[\]]+/u, '');
    if (!/^(?:%|\p{Lu})/u.test(first)) continue;
    // the unit's first line runs to the first word that is none (marks, then the agency's cell, may follow)
    let headEnd = k + 1;
    while (headEnd < top.length && isMeaningfulWord(top[headEnd]!)) headEnd++;
    const head = [first, ...top.slice(k + 1, headEnd)];
    for (let j = 1; j < row.length; j++) {
      const u = unitAt([...head, ...row.slice(j)], 0);
      if (!u || u.length <= head.length) continue;
      const end = j + u.length - head.length;
      const rest = [...top.slice(0, k), ...top.slice(headEnd)].join(' ').replace(/\s*[|[\]]+(?=\s|$)/gu, '');
      return { above: rest, unit: u.text, name: row.slice(0, j).join(' '), after: row.slice(end).join(' ') };
    }
  }
  return null;
}

/**
 * A line opening with a lone capital that is no syllable, then a word in
 * lower case ("B tại thành phố" under "4 Hoàn thành …", the row number's
 * other digit as read): the letter is a stray mark from the number column,
 * not a word of the cell. A row line keeps what it reads (its number may be so garbled).
 */
function withoutStrayLetter(line: string): string {
  if (isAnchorLine(line)) return line;
  const m = /^(\p{Lu})\s+(?=\p{Ll})/u.exec(line);
  return m && !isVietnameseSyllable(m[1]!) ? line.slice(m[0].length) : line;
}

/** A continuation line: starts in lower case, with a bracket, or with a figure ("(R&D) Sở …", "1Gb/s."). */
function continuesAbove(line: string): boolean {
  const start = line.replace(/^[-–|{[\s'"‘’.,:;]+/u, '');
  return !/^\p{Lu}/u.test(start);
}

/** The agency part of a continuation line: "(RÕ) ° Sở Khoa học và Công nghệ" → rest "(RÕ) °", agency "Sở Khoa học và Công nghệ". */
function splitAgency(line: string): { rest: string; agency: string } {
  const words = line.split(/\s+/u).filter(Boolean);
  const at = agencyIndex(words, 0);
  if (at === null) return { rest: line, agency: '' };
  return { rest: words.slice(0, at).join(' '), agency: words.slice(at).join(' ') };
}

/**
 * "… giữa các cấp thành phố" under a row whose agency stops at "Văn phòng Ủy
 * ban nhân dân": the locality that ends the agency's name was read on the
 * line of the name's next words.
 */
function localityTail(line: string, lead: string): { rest: string; tail: string } | null {
  const f = fold(lead);
  if (endsBeforeLocality(f)) return localityAtEnd(line);
  // the locality itself broken over the lines: "… Ủy ban nhân dân thành" + "… phố"
  const leadWords = lead.split(/\s+/u).filter(Boolean);
  const words = line.split(/\s+/u).filter(Boolean);
  const last = words.at(-1);
  if (leadWords.length < 2 || !last || !endsBeforeLocality(fold(leadWords.slice(0, -1).join(' ')))) return null;
  const joined = localityAtEnd(`${leadWords.at(-1)} ${last}`);
  return joined && !joined.rest ? { rest: words.slice(0, -1).join(' '), tail: last } : null;
}

/** The locality a line of stray marks ends with, when `lead` (the agency of the row above) stops before its locality; else "". */
function localityOfGarbage(line: string, lead: string): string {
  if (!pendingLocality(lead)) return '';
  return localityAtEnd(line)?.tail ?? '';
}

const pendingLocality = (lead: string): boolean => Boolean(lead) && endsBeforeLocality(fold(lead));

/**
 * The locality a line right under a row line holds after stray marks only
 * (". _—_ thành phố", "£ Ả thành phố"), when that row's agency does not end
 * with a locality yet: the agency cell, centred in its row, ends one line
 * lower than the row line, and the OCR read marks from the borders before it
 * (however garbled the agency's own words, "… Nhà nước Việt Nam" + "thành
 * phố"). A name's wrapped "… trên địa bàn" / "thành phố" has no marks
 * before it. "" when the line is no such line.
 */
function strayLocality(line: string, lead: string): string {
  if (!lead || localityAtEnd(lead)) return '';
  const found = localityAtEnd(line);
  if (!found?.rest) return '';
  const before = found.rest.split(/\s+/u).filter(Boolean);
  return before.every((w) => !isMeaningfulWord(w)) ? found.tail : '';
}

const join = (a: string, b: string): string => [a, b].filter((s) => s.trim()).join(' ');
