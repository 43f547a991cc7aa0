import type { Ruling } from '../../schemas/index.js';
import { inkAt, otsuThreshold, type GrayBitmap } from './gray-bitmap.js';

/** A ruling is at least this long, in inches (text strokes are far shorter). */
const MIN_LENGTH_IN = 0.3;
/** Breaks in a scanned line up to this many pixels are bridged. */
const MAX_GAP_PX = 2;
/** The faintest gray a found rule is followed on through. */
const MAX_FAINT = 200;
/** A rule is thinner than this, in inches (a run of text is as thick as its letters). */
const MAX_THICKNESS_IN = 0.03;

/**
 * Table rules in a (deskewed) page image: long runs of ink, row by row for
 * horizontal rules and column by column for vertical ones; runs on
 * neighbouring rows/columns that overlap are one rule (scanned lines are a
 * few pixels thick). Returned in points, like the text layer's rules, so the
 * same table builder runs on scans.
 */
export function findImageRulings(img: GrayBitmap, dpi: number): Ruling[] {
  const otsu = otsuThreshold(img);
  const threshold = Math.min(otsu, 160);
  const minLen = Math.round(MIN_LENGTH_IN * dpi);
  const k = 72 / dpi;
  // a thin rule in a soft scan fades in places ("150 DPI"): a rule already found is followed on as far as
  // fainter ink goes; text is never looked at with this threshold, so it cannot become a rule
  const faint = Math.max(threshold, Math.min(otsu, MAX_FAINT));
  const faintInk = inkAt(img, faint);
  const maxThickness = Math.max(3, Math.round(MAX_THICKNESS_IN * dpi));
  const horizontal = mergeRuns(scanRows(img, threshold, minLen), maxThickness).map((r) =>
    extend(r, img.width, (line, pos) => faintInk(pos, line)),
  );
  const vertical = mergeRuns(scanColumns(img, threshold, minLen), maxThickness).map((r) =>
    extend(r, img.height, (line, pos) => faintInk(line, pos)),
  );
  return [
    ...horizontal.map((r) => ({ orientation: 'h' as const, at: r.at * k, from: r.from * k, to: r.to * k })),
    ...vertical.map((r) => ({ orientation: 'v' as const, at: r.at * k, from: r.from * k, to: r.to * k })),
  ];
}

/**
 * Follows a rule on past both its ends while faint ink continues on its
 * line or the lines beside it (a scanned rule drifts by a pixel), gaps up to
 * MAX_GAP_PX bridged.
 */
export function extend(rule: { at: number; from: number; to: number }, length: number, ink: (line: number, pos: number) => boolean): { at: number; from: number; to: number } {
  const line = Math.round(rule.at);
  const inked = (pos: number) => ink(line - 1, pos) || ink(line, pos) || ink(line + 1, pos);
  const walk = (start: number, step: number): number => {
    let last = start;
    for (let pos = start + step, gap = 0; pos >= 0 && pos < length && gap <= MAX_GAP_PX; pos += step) {
      if (inked(pos)) {
        last = pos;
        gap = 0;
      } else gap++;
    }
    return last;
  };
  return { at: rule.at, from: walk(rule.from, -1), to: walk(rule.to, 1) };
}

interface Run {
  line: number;
  from: number;
  to: number;
}

/**
 * Long ink runs along each row (horizontal rules): a run goes on over gaps
 * up to MAX_GAP_PX and counts from `minLen` pixels. Indexed loops on the
 * buffer: a page is millions of pixels.
 */
function scanRows(img: GrayBitmap, threshold: number, minLen: number): Run[] {
  const { width, height, data } = img;
  const runs: Run[] = [];
  for (let line = 0; line < height; line++) {
    const row = line * width;
    let start = -1;
    let lastInk = -1;
    for (let pos = 0; pos <= width; pos++) {
      if (pos < width && data[row + pos]! < threshold) {
        if (start < 0) start = pos;
        lastInk = pos;
      } else if (start >= 0 && (pos === width || pos - lastInk > MAX_GAP_PX)) {
        if (lastInk - start >= minLen) runs.push({ line, from: start, to: lastInk });
        start = -1;
      }
    }
  }
  return runs;
}

/**
 * Long ink runs down each column (vertical rules), as `scanRows` finds
 * them along rows. The buffer is read row by row, each column's run kept
 * open in an array (reading a column at a time jumps a row's width per
 * pixel, which cost more than the rest of the search); the runs come out
 * ordered by column, then from the top, as a column at a time gives them.
 */
function scanColumns(img: GrayBitmap, threshold: number, minLen: number): Run[] {
  const { width, height, data } = img;
  const runs: Run[] = [];
  const start = new Int32Array(width).fill(-1);
  const lastInk = new Int32Array(width).fill(-1);
  const close = (line: number): void => {
    if (lastInk[line]! - start[line]! >= minLen) runs.push({ line, from: start[line]!, to: lastInk[line]! });
    start[line] = -1;
  };
  for (let pos = 0; pos < height; pos++)
    for (let line = 0, i = pos * width; line < width; line++, i++) {
      if (data[i]! < threshold) {
        if (start[line]! < 0) start[line] = pos;
        lastInk[line] = pos;
      } else if (start[line]! >= 0 && pos - lastInk[line]! > MAX_GAP_PX) close(line);
    }
  for (let line = 0; line < width; line++) if (start[line]! >= 0) close(line);
  return runs.sort((a, b) => a.line - b.line || a.from - b.from);
}

/** Runs on adjacent lines that overlap along their length are one thick rule, placed at its middle line. */
function mergeRuns(runs: Run[], maxThickness: number): { at: number; from: number; to: number }[] {
  const open: { lines: number[]; from: number; to: number; last: number }[] = [];
  const done: { at: number; thickness: number; from: number; to: number }[] = [];
  for (const run of runs) {
    const match = open.find((o) => run.line - o.last <= 2 && run.from <= o.to && o.from <= run.to);
    if (match) {
      match.lines.push(run.line);
      match.from = Math.min(match.from, run.from);
      match.to = Math.max(match.to, run.to);
      match.last = run.line;
    } else open.push({ lines: [run.line], from: run.from, to: run.to, last: run.line });
    // close rules that can no longer grow
    for (let i = open.length - 1; i >= 0; i--) {
      const o = open[i];
      if (o && run.line - o.last > 2) {
        done.push({ at: (o.lines[0]! + o.last) / 2, thickness: o.last - o.lines[0]! + 1, from: o.from, to: o.to });
        open.splice(i, 1);
      }
    }
  }
  for (const o of open) done.push({ at: (o.lines[0]! + o.last) / 2, thickness: o.last - o.lines[0]! + 1, from: o.from, to: o.to });
  // a band of ink as thick as text (bold words, a stamp) is not a border
  return done.filter((r) => r.thickness <= maxThickness);
}
