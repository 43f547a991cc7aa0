import type { Ruling } from '../../schemas/index.js';
import type { TextRun } from '../core/index.js';

/** A letterhead starts within this top share of the page. */
const TOP_SHARE = 0.4;
/** The gutter between two side-by-side blocks lies in this band of the page width. */
const GUTTER_FROM = 0.25;
const GUTTER_TO = 0.65;
/** A vertical gap of this many ems between two rows ends a band (a letterhead leaves a line or two blank before the number). */
const BAND_GAP_EM = 4.5;
/** At least this many rows of a band have words on each side of its gutter (one row at least on both). */
const MIN_ROWS = 2;
/**
 * Every row with words on both sides leaves this many ems between them: in
 * the letterhead more than a word space (its halves may stand close); lower
 * on the page as much as the line builder's column gap, so that only blocks
 * set apart as a letterhead's are (the closing "Nơi nhận" list beside the
 * signature).
 */
const TOP_GAP_EM = 1.2;
/** Words read with less confidence than this neither close a gutter nor hold its sides apart. */
const DOUBTED = 0.6;
const LOWER_GAP_EM = 2.5;

/**
 * An administrative document prints blocks side by side: the letterhead
 * (issuer, number and subject on the left; the national motto, place and
 * date on the right; Nghị định 30/2020/NĐ-CP) and the closing (the
 * recipients, "Nơi nhận", on the left; the signature block on the right).
 * Read row by row, as OCR reads, their lines interleave ("BỘ TƯ PHÁP" /
 * "CỘNG HÒA …" / "Số: …" / "Độc lập …"), and a row whose gap is narrow
 * comes out as one line of both halves. This finds bands of rows that never
 * cross one vertical gutter, each side of each row one stretch of text (a
 * table's rows have more) and no table rule through them, and returns the page's runs as groups in
 * reading order: each band's left side, then its right side, the rows
 * between bands as they come. Null when the page has no such band.
 */
export function columnGroups(runs: readonly TextRun[], pageWidth: number, pageHeight: number, rulings: readonly Ruling[] = []): TextRun[][] | null {
  if (!runs.length || pageWidth <= 0 || pageHeight <= 0) return null;
  const rows = rowsOf(runs);
  const from = Math.floor(pageWidth * GUTTER_FROM);
  const to = Math.ceil(pageWidth * GUTTER_TO);
  const groups: TextRun[][] = [];
  let pending: TextRun[] = [];
  let found = false;
  for (let i = 0; i < rows.length; ) {
    const top = rows[i]![0]!.baseline < pageHeight * TOP_SHARE;
    const candidate = bandAt(rows, i, from, to, top);
    // a band crossed by a table's rule is the table's rows, read row by row
    const band = candidate && !ruled(rows.slice(i, candidate.end).flat(), rulings, candidate.gutter) ? candidate : null;
    if (!band) {
      pending.push(...rows[i]!);
      i++;
      continue;
    }
    if (pending.length) groups.push(pending);
    pending = [];
    const bandRuns = rows.slice(i, band.tail).flat();
    groups.push([...bandRuns.filter((r) => r.x + r.width / 2 < band.gutter), ...rows.slice(band.tail, band.end).flat()], bandRuns.filter((r) => r.x + r.width / 2 >= band.gutter));
    found = true;
    i = band.end;
  }
  if (pending.length) groups.push(pending);
  return found ? groups : null;
}

/** The band of rows starting at `start`, if one does: its end (exclusive), its gutter's x, and where the rows that go on with its left column alone begin. */
function bandAt(rows: readonly TextRun[][], start: number, from: number, to: number, top: boolean): { end: number; gutter: number; tail: number } | null {
  const minGapEm = top ? TOP_GAP_EM : LOWER_GAP_EM;
  let free = new Uint8Array(to - from).fill(1);
  let end = start;
  for (; end < rows.length; end++) {
    const row = rows[end]!;
    const prev = rows[end - 1];
    if (end > start && prev && row[0]!.baseline - prev[0]!.baseline > BAND_GAP_EM * row[0]!.fontSize) break;
    const next = free.slice();
    // a word the engine doubts (handwriting over the blank of a number or a day) does not close the gutter
    for (const r of row.filter((w) => (w.confidence ?? 1) >= DOUBTED)) for (let x = Math.max(from, Math.floor(r.x)); x < Math.min(to, Math.ceil(r.x + r.width)); x++) next[x - from] = 0;
    // the gutter is as wide as the gap the sides keep: a word space that lines up is no gutter
    if (widest(next).length < minGapEm * row[0]!.fontSize) break;
    free = next;
  }
  if (end - start < MIN_ROWS) return null;
  const gutter = from + widestStretch(free);
  let [twoSided, leftRows, rightRows] = [0, 0, 0];
  for (const row of rows.slice(start, end)) {
    const sure = row.filter((w) => (w.confidence ?? 1) >= DOUBTED);
    const left = sure.filter((r) => r.x + r.width <= gutter);
    const right = sure.filter((r) => r.x >= gutter);
    const em = row[0]!.fontSize;
    // below the letterhead each side is one stretch of text: a gap as wide as a column's inside a
    // side is a table's cell (the letterhead's may hold a blank left for a handwritten number)
    // (a signature's strokes read as "_", "mm" beside the title are no cell)
    if (!top && (splits(left.filter(substantive), LOWER_GAP_EM * em) || splits(right.filter(substantive), LOWER_GAP_EM * em))) return null;
    if (left.length) leftRows++;
    if (right.length) rightRows++;
    if (!left.length || !right.length) continue;
    // the sides stand apart by more than a word space: a justified paragraph's spaces may line up over a few rows, never that wide
    if (Math.min(...right.map((r) => r.x)) - Math.max(...left.map((r) => r.x + r.width)) < minGapEm * em) return null;
    twoSided++;
  }
  if (!twoSided || leftRows < MIN_ROWS || rightRows < MIN_ROWS) return null;
  // a subject ("V/v …") may run past the gutter under the left column: its rows, set close under it
  // and starting where it starts or centred under its last row, go on with it
  const tail = end;
  if (top) {
    const leftSide = (row: readonly TextRun[]) => row.filter((r) => r.x + r.width <= gutter);
    const leftX = Math.min(...rows.slice(start, end).flatMap((row) => leftSide(row).map((r) => r.x)));
    let above = leftSide(rows[end - 1]!);
    while (end < rows.length) {
      const row = rows[end]!;
      const em = row[0]!.fontSize;
      const centred = above.length > 0 && Math.abs(middle(row) - middle(above)) <= 2 * em;
      if (row[0]!.baseline - rows[end - 1]![0]!.baseline > 1.8 * em || (Math.abs(row[0]!.x - leftX) > 3 * em && !centred) || splits(row, TOP_GAP_EM * em)) break;
      above = row;
      end++;
    }
  }
  return { end, gutter, tail };
}

/**
 * Whether a table's rule (points) runs through the box of these runs: a
 * vertical rule, or a horizontal one across the gutter. A rule under one
 * side only is a letterhead's underline (under the issuer, under the
 * motto), not a table's.
 */
function ruled(runs: readonly TextRun[], rulings: readonly Ruling[], gutter: number): boolean {
  if (!runs.length || !rulings.length) return false;
  const x0 = Math.min(...runs.map((r) => r.x));
  const x1 = Math.max(...runs.map((r) => r.x + r.width));
  const y0 = Math.min(...runs.map((r) => r.baseline - r.fontSize));
  const y1 = Math.max(...runs.map((r) => r.baseline));
  return rulings.some((r) => (r.orientation === 'h' ? r.at >= y0 && r.at <= y1 && r.from < gutter && r.to > gutter : r.at >= x0 && r.at <= x1 && r.from < y1 && r.to > y0));
}

/** Words read with at least this confidence, with a letter or digit, count as a side's text when looking for a cell's gap. */
const SUBSTANTIVE = 0.75;
const substantive = (r: TextRun): boolean => (r.confidence ?? 1) >= SUBSTANTIVE && /[\p{L}\p{N}]/u.test(r.text);

/** The middle (x) of a row's runs. */
const middle = (runs: readonly TextRun[]): number => (Math.min(...runs.map((r) => r.x)) + Math.max(...runs.map((r) => r.x + r.width))) / 2;

/** Whether runs (left to right) have a gap wider than `gap` between neighbours. */
function splits(runs: readonly TextRun[], gap: number): boolean {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  return sorted.some((r, i) => i > 0 && r.x - (sorted[i - 1]!.x + sorted[i - 1]!.width) > gap);
}

/** Runs grouped into rows on one baseline (within half an em), top to bottom, as the line builder groups them. */
function rowsOf(runs: readonly TextRun[]): TextRun[][] {
  const sorted = runs.filter((r) => r.text.trim()).sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const rows: TextRun[][] = [];
  for (const run of sorted) {
    const ref = rows.at(-1)?.[0];
    if (ref && Math.abs(run.baseline - ref.baseline) < Math.min(run.fontSize, ref.fontSize) * 0.5) rows.at(-1)!.push(run);
    else rows.push([run]);
  }
  return rows;
}

/** The middle of the widest run of 1s (an offset into `free`). */
function widestStretch(free: Uint8Array): number {
  const { at, length } = widest(free);
  return at + length / 2;
}

/** The widest run of 1s: where it starts and how long it is. */
function widest(free: Uint8Array): { at: number; length: number } {
  let [best, bestAt, len] = [0, 0, 0];
  for (let i = 0; i <= free.length; i++) {
    if (i < free.length && free[i]) len++;
    else {
      if (len > best) (best = len), (bestAt = i - len);
      len = 0;
    }
  }
  return { at: bestAt, length: best };
}
