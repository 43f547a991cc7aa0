import type { ColumnRole } from '../../../../schemas/index.js';
import { columnRole } from '../../../lexicon/index.js';

/** One header cell of a linearized table: its text, its role by meaning, and its printed lines. */
export interface HeaderCell {
  text: string;
  role: ColumnRole;
  lines: string[];
}

/** A header read from a text dump, and how many lines it took. */
export interface LinearizedHeader {
  cells: HeaderCell[];
  /** The header's lines as printed: each page of the table repeats them. */
  lines: string[];
}

/** A row number opening a line ("1", "11.1", "8 Bố trí …"); a year ("2025") is not one. */
export const ROW_START = /^(\d{1,3}(?:\.\d{1,3})*)\.?(?:\s+(.*))?$/u;
/** A section row: a Roman numeral and a title ("I Phát triển hạ tầng", "II. Nguồn lực"). */
export const SECTION_LINE = /^([IVXLC]+)\.?\s+(\p{Lu}.*)$/u;
/** Header cells are short; a linearized header takes at most this many lines. */
const MAX_HEADER_LINES = 40;

/**
 * Reads a linearized header starting at `start`: pdftotext without -layout
 * prints each header cell's lines one after another ("Stt Chỉ tiêu" / "Năm" /
 * "2025" / … / "Đồng chí được" / "phân công chỉ" / "đạo"), and cells that
 * share a baseline on one line ("Sản phẩm đầu ra Tiến độ thực hiện"). The
 * cells are found by meaning: the split into cells, each starting with a
 * capital ("Đồng chí …", "Năm …"; "phân công chỉ" and "2025" go on), that
 * names the most columns by the shared role vocabulary wins. Null unless it
 * starts with a row-number header ("Stt", "TT"), takes two lines or more and
 * names at least three columns, one of them a name or task column.
 */
export function readLinearizedHeader(lines: readonly string[], start: number): LinearizedHeader | null {
  const first = lines[start] ?? '';
  if (!startsWithCodeHeader(first)) return null;
  let end = start + 1;
  while (end < lines.length && end - start < MAX_HEADER_LINES && !opensBody(lines[end] ?? '')) end++;
  if (end - start < 2 || end >= lines.length) return null;
  const cells = segmentHeader(lines.slice(start, end));
  const named = cells.filter((c) => c.role !== 'extra');
  if (cells.length < 3 || cells[0]?.role !== 'code' || named.length < 3 || !cells.some((c) => c.role === 'name' || c.role === 'task')) return null;
  return { cells, lines: lines.slice(start, end) };
}

/**
 * Whether the header is printed again at line `i` (at the top of each page
 * the table runs over): the same lines. Read against the first printing,
 * since the lines after a repeat continue a row cut by the page break
 * ("năng số, ứng dụng công") rather than open one.
 */
export function headerRepeatsAt(lines: readonly string[], i: number, header: LinearizedHeader): boolean {
  return header.lines.every((l, k) => lines[i + k] === l);
}

/** Whether a line opens the table body: a row number, or a section row. */
export function opensBody(line: string): boolean {
  return ROW_START.test(line) || SECTION_LINE.test(line);
}

function startsWithCodeHeader(line: string): boolean {
  const words = line.split(/\s+/u);
  return [1, 2, 3].some((n) => words.length >= n && columnRole(words.slice(0, n).join(' ')) === 'code');
}

interface Word {
  text: string;
  lineStart: boolean;
  line: number;
}

/** A named cell scores this; an unnamed one loses more, so a name is never split into nameless pieces. */
const NAMED = 2;
const UNNAMED = -3;
/** Two cells on one line ("Stt Chỉ tiêu") are fine, but a split at a line start is likelier. */
const MID_LINE = -0.5;

function segmentHeader(lines: readonly string[]): HeaderCell[] {
  const words: Word[] = lines.flatMap((l, line) => l.split(/\s+/u).filter(Boolean).map((text, i) => ({ text, lineStart: i === 0, line })));
  const canStart = (k: number): boolean => k === 0 || /^\p{Lu}/u.test(words[k]?.text ?? '');
  const best: { score: number; from: number }[] = [{ score: 0, from: -1 }];
  for (let k = 1; k <= words.length; k++) {
    best[k] = { score: -Infinity, from: -1 };
    if (k < words.length && !canStart(k)) continue;
    for (let c = 0; c < k; c++) {
      if (!canStart(c) || best[c]!.score === -Infinity) continue;
      const text = words.slice(c, k).map((w) => w.text).join(' ');
      const score = best[c]!.score + (columnRole(text) === 'extra' ? UNNAMED : NAMED) + (c > 0 && !words[c]!.lineStart ? MID_LINE : 0);
      if (score > best[k]!.score) best[k] = { score, from: c };
    }
  }
  const cuts: number[] = [];
  for (let k = words.length; k > 0; k = best[k]!.from) cuts.unshift(k);
  return cuts.map((end, i) => {
    const span = words.slice(i === 0 ? 0 : cuts[i - 1], end);
    const text = span.map((w) => w.text).join(' ');
    const byLine = new Map<number, string[]>();
    for (const w of span) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w.text]);
    return { text, role: columnRole(text), lines: [...byLine.values()].map((ws) => ws.join(' ')) };
  });
}
