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
  const ink = inkAt(img, threshold);
  // a thin rule in a soft scan fades in places ("150 DPI"): a rule already found is followed on as far as
  // fainter ink goes; text is never looked at with this threshold, so it cannot become a rule
  const faint = Math.max(threshold, Math.min(otsu, MAX_FAINT));
  const faintInk = inkAt(img, faint);
  const maxThickness = Math.max(3, Math.round(MAX_THICKNESS_IN * dpi));
  const horizontal = mergeRuns(scan(img.height, img.width, (line, pos) => ink(pos, line), minLen), maxThickness).map((r) =>
    extend(r, img.width, (line, pos) => faintInk(pos, line)),
  );
  const vertical = mergeRuns(scan(img.width, img.height, (line, pos) => ink(line, pos), minLen), maxThickness).map((r) =>
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

/** Long ink runs along each line (a row for horizontal rules, a column for vertical). */
function scan(lines: number, length: number, ink: (line: number, pos: number) => boolean, minLen: number): Run[] {
  const runs: Run[] = [];
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let lastInk = -1;
    for (let pos = 0; pos <= length; pos++) {
      if (pos < length && ink(line, pos)) {
        if (start < 0) start = pos;
        lastInk = pos;
      } else if (start >= 0 && (pos === length || pos - lastInk > MAX_GAP_PX)) {
        if (lastInk - start >= minLen) runs.push({ line, from: start, to: lastInk });
        start = -1;
      }
    }
  }
  return runs;
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
