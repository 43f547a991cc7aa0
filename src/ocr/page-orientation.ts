import { inkAt, type GrayBitmap } from './gray-bitmap.js';

/** The quarter turn (clockwise) a page was scanned at, undone before OCR. */
export type Orientation = 0 | 90 | 180 | 270;

/** Text lines must explain the rows this much better than the columns (and the other way) before a page is turned. */
const SIDEWAYS_MARGIN = 1.3;
/** Lines with more ink above their x-height band than below, over those with less: upright Latin script has more above (ascenders, capitals, marks). */
const UPSIDE_DOWN_RATIO = 0.5;
/** Fewest text lines the up/down judgement is made on. */
const MIN_LINES = 4;

/**
 * Whether a page image shows its text running down the page (scanned a
 * quarter turn off), from its ink alone: text runs along the rows, so the
 * number of ink transitions per row swings between text lines and the gaps
 * between them, while per column it stays even; a page scanned sideways
 * shows the opposite. Table rules do not sway it: a rule is one transition
 * per row or column.
 */
export function isSideways(img: GrayBitmap, threshold: number): boolean {
  const rows = swing(rowTransitions(img, threshold));
  const cols = swing(columnTransitions(img, threshold));
  return cols > rows * SIDEWAYS_MARGIN;
}

/**
 * Whether a page whose text runs along its rows is upside down: upright, a
 * line of Vietnamese has more ink above its x-height band (ascenders,
 * capitals, tone marks) than below it (descenders, the dot below); turned
 * over, less. Each text line votes; unsure (false) with few votes or no
 * clear majority. Judge a straightened page: skew smears the lines.
 */
export function isUpsideDown(img: GrayBitmap, threshold: number): boolean {
  const ink = inkAt(img, threshold);
  const rows = rowTransitions(img, threshold);
  const ratio = aboveBelow(img.width, (line, pos) => ink(pos, line), rows);
  return ratio !== null && ratio < UPSIDE_DOWN_RATIO;
}

/** Ink transitions (paper to ink) along each row. (Indexed loops on the buffer: a page is millions of pixels.) */
function rowTransitions(img: GrayBitmap, threshold: number): number[] {
  const { width, height, data } = img;
  const out = new Array<number>(height).fill(0);
  for (let y = 0; y < height; y++) {
    let n = 0;
    let was = false;
    for (let i = y * width, end = i + width; i < end; i++) {
      const is = data[i]! < threshold;
      if (is && !was) n++;
      was = is;
    }
    out[y] = n;
  }
  return out;
}

/** Ink transitions (paper to ink) down each column, counted row by row (the buffer read in its order, not a column at a time). */
function columnTransitions(img: GrayBitmap, threshold: number): number[] {
  const { width, height, data } = img;
  const counts = new Float64Array(width);
  const was = new Uint8Array(width);
  for (let y = 0; y < height; y++)
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const is = data[i]! < threshold ? 1 : 0;
      if (is && !was[x]) counts[x] = counts[x]! + 1;
      was[x] = is;
    }
  return Array.from(counts);
}

/** Coefficient of variation of a profile: high when it swings between text lines and gaps. */
function swing(profile: readonly number[]): number {
  const mean = profile.reduce((a, b) => a + b, 0) / Math.max(1, profile.length);
  if (!mean) return 0;
  const variance = profile.reduce((a, b) => a + (b - mean) ** 2, 0) / profile.length;
  return Math.sqrt(variance) / mean;
}

/**
 * How text lines vote on their ink above their x-height bands against
 * below: lines read with `ink(line, pos)`; the ratio of
 * voting lines with more ink above, or null with too few lines to tell. A
 * text line is a run of lines with many transitions; its x-height band the
 * lines with at least half its densest line's ink. Ink in runs much longer
 * than the line is tall (a table rule crossing it) does not count.
 */
function aboveBelow(length: number, ink: (line: number, pos: number) => boolean, profile: readonly number[]): number | null {
  let up = 0;
  let down = 0;
  for (const [start, end] of textLines(profile)) {
    const height = end - start;
    if (height < 5) continue;
    const band = Array.from({ length: height }, (_, i) => shortRunInk(length, (pos) => ink(start + i, pos), 3 * height));
    const densest = Math.max(...band);
    const core = band.map((n, i) => (n >= densest / 2 ? i : -1)).filter((i) => i >= 0);
    const [top, bottom] = [core[0]!, core[core.length - 1]!];
    const above = band.slice(0, top).reduce((a, b) => a + b, 0);
    const below = band.slice(bottom + 1).reduce((a, b) => a + b, 0);
    if (above > below * VOTE_MARGIN) up++;
    else if (below > above * VOTE_MARGIN) down++;
  }
  if (up + down < MIN_LINES) return null;
  return down ? up / down : Infinity;
}

/**
 * Text lines in a transitions profile, as [start, end) spans. Vietnamese
 * marks stacked over capitals fill the gaps between lines, so lines are cut
 * at the profile's valleys (lowest points between two peaks, at most 60 %
 * of the lower peak), not where it reaches zero.
 */
function textLines(profile: readonly number[]): [number, number][] {
  const s = profile.map((_, i) => {
    const w = profile.slice(Math.max(0, i - 2), i + 3);
    return w.reduce((a, b) => a + b, 0) / w.length;
  });
  const peak = Math.max(...s);
  if (!peak) return [];
  const floor = peak * 0.05;
  const spans: [number, number][] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && s[i]! < floor) i++;
    if (i >= s.length) break;
    // a run of ink rows, cut at its valleys: after falling below 60 % of the peak, the lowest row before it rises again
    let end = i;
    while (end < s.length && s[end]! >= floor) end++;
    let from = i;
    let top = 0;
    let falling = false;
    let low = 0;
    let lowAt = i;
    for (let k = i; k < end; k++) {
      const v = s[k]!;
      if (!falling) {
        if (v > top) top = v;
        else if (v < VALLEY * top) [falling, low, lowAt] = [true, v, k];
      } else if (v < low) [low, lowAt] = [v, k];
      else if (v > low / VALLEY) {
        spans.push([from, lowAt]);
        [from, top, falling] = [lowAt, v, false];
      }
    }
    spans.push([from, end]);
    i = end;
  }
  return spans.filter(([a, b]) => Math.max(...s.slice(a, b)) >= peak * 0.15);
}

/** A valley between two text lines is at most this share of the peak before it. */
const VALLEY = 0.6;

/** A line must have this much more ink on one side of its band than the other to vote. */
const VOTE_MARGIN = 1.2;

/** Ink pixels along a line that lie in runs no longer than `maxRun`. */
function shortRunInk(length: number, ink: (pos: number) => boolean, maxRun: number): number {
  let total = 0;
  let run = 0;
  for (let pos = 0; pos <= length; pos++) {
    if (pos < length && ink(pos)) run++;
    else {
      if (run <= maxRun) total += run;
      run = 0;
    }
  }
  return total;
}
