import { isAnchorLine, splitAnchorLine } from './text-row-line.js';

/**
 * How wide the name column of an OCR text-row table is, in characters. An
 * OCR export puts the words of every cell printed at one height on one
 * line, so a line between two row lines may hold the end of one cell's
 * line and the start of the next column's ("ngành, lĩnh vực công nghiệp
 * công nghệ số toàn quốc": the name's line, then the last words of the
 * target "Phấn đấu đứng top 3 toàn quốc" beside it). The name column wraps
 * its text at a width its full lines share (about 40 characters in a
 * portrait A4 plan), so a line much longer than that cannot be the name's
 * alone.
 */

/** Row lines whose name part has fewer words may be the name's short last line: not counted. */
const MIN_WORDS = 4;
/** Fewer row lines than this give no width (one table's page of rows at least). */
const MIN_LINES = 6;
/** A line this much wider than the column holds another column's words too. */
const OVER = 1.15;
/** The name's part of such a line runs to this much of the column's width at most (letters are not all one width). */
const FIT = 1.05;

const length = (s: string): number => [...s.normalize('NFC')].length;

/**
 * The name column's width: the upper quartile of the lengths of the name
 * parts of the segment's row lines that read as full lines (a row line of
 * a wrapped name is its widest). Null when too few row lines are read.
 */
export function nameColumnWidth(segment: readonly string[]): number | null {
  const widths: number[] = [];
  for (const raw of segment) {
    const line = raw.trim();
    if (!line || !isAnchorLine(line)) continue;
    const name = splitAnchorLine(line).name.split(/\s+/u).filter(Boolean);
    if (name.length >= MIN_WORDS) widths.push(length(name.join(' ')));
  }
  if (widths.length < MIN_LINES) return null;
  widths.sort((a, b) => a - b);
  return widths[Math.floor(widths.length * 0.75)]!;
}

/**
 * A continuation line too wide for the name column split where the column
 * ends: the words that fit the column (`name`) and the rest (`other`, the
 * next column's words). Lines that fit come back whole, `other` "".
 */
export function splitOverWide(line: string, width: number | null): { name: string; other: string } {
  const words = line.split(/\s+/u).filter(Boolean);
  const whole = words.join(' ');
  if (!width || length(whole) <= width * OVER) return { name: line, other: '' };
  let n = 0;
  let used = 0;
  while (n < words.length && used + (n ? 1 : 0) + length(words[n]!) <= width * FIT) used += (n ? 1 : 0) + length(words[n++]!);
  if (n === 0 || n === words.length) return { name: line, other: '' };
  return { name: words.slice(0, n).join(' '), other: words.slice(n).join(' ') };
}
