import type { ColumnRole } from '../../../../schemas/index.js';
import { atomLines, joinLines, joinsNext, type Atom } from './linearized-cells.js';
import type { DumpLine } from './linearized-rows.js';
import { normCell, openingOf, preparePart, spanNorm, spanOpening, type PreparedPart, type Span } from './row-spans.js';

export { normCell, openingOf, preparePart, type PreparedPart } from './row-spans.js';

/** What is known of one column while its rows are read: its role, and what earlier readings put in it. */
export interface ColumnModel {
  role: ColumnRole;
  /** How wide the column is (ems), from its lines and where they break (column-width.ts); null before a first reading. */
  width: number | null;
  /** Its widest line but one (ems): no line of the column is much wider; null before a first reading. */
  widest: number | null;
  /** Cell texts (normalized) read in this column, with counts: cells repeat ("Bộ số liệu báo cáo"). */
  cells: Map<string, number>;
  /** First two words of its cells ("đồng chí", "sở khoa"), with counts. */
  openings: Map<string, number>;
}

/** How a part of a row is read. */
export interface PartContext {
  columns: readonly ColumnModel[];
  /** The text each column has from the row's earlier parts; set for the lines after a page break. */
  before: readonly string[] | null;
  /** The row goes on after a page break: its cells may stop short ("Đồng chí Hoàng" / "Minh Cường, Ủy"). */
  cutShort: boolean;
}

/** Scores (log-odds-like points): a line-start rule broken costs more than a hint missed. Shape points are in row-spans.ts. */
const W = {
  emptyCell: -2,
  emptyYear: -1,
  lowerStart: -3,
  lowerStartYear: -1,
  wouldHaveFitted: -1.5,
  tooWide: -4,
  looksLikeTarget: 1,
  notATarget: -1,
  twoTargets: -4,
  targetsOutside: -4,
  seenCell: 3,
  seenPrefix: 1.5,
  seenElsewhere: -2,
  seenOpening: 1,
  openingElsewhere: -1,
  continued: -0.3,
  continuesOpenCell: 1,
  timeline: 1.5,
} as const;

const isYear = (c: ColumnModel): boolean => c.role === 'year' || c.role === 'target';
/**
 * A target cell holds a figure and a few words ("≥ 90%", "Có từ 07 người",
 * "đạt trên 3,5%", "07 đến 10"): a run of more pieces than this is the text
 * of a name or a note, never one year's target, and is not tried there.
 */
const MAX_TARGET_ATOMS = 8;

/**
 * Puts the lines of one part of a row into columns (the row number's column
 * excluded): each column takes a run of the part's atoms, in order, possibly
 * none. Dynamic programming over (column, atom) picks the split with the
 * best total score, each cell scored by the cues a text dump keeps: how its
 * lines start and end, whether they fit the column's width, whether it
 * looks like a target, and whether the same cell was read in other rows.
 * `part` is the part's lines, or their atoms and runs prepared once
 * (preparePart) when the part is read again. Returns each column's lines.
 */
export function segmentPart(part: readonly DumpLine[] | PreparedPart, ctx: PartContext): string[][] {
  const { atoms, spans } = 'spans' in part ? part : preparePart(part);
  const n = atoms.length;
  const k = ctx.columns.length;
  const scoring = scoringOf(ctx);
  // score[j][b]: best score with the first j columns taking atoms 0..b-1; from[j][b]: where column j-1's cell starts
  const score = Array.from({ length: k + 1 }, () => new Float64Array(n + 1).fill(-Infinity));
  const from = Array.from({ length: k + 1 }, () => new Int32Array(n + 1).fill(-1));
  score[0]![0] = 0;
  for (let j = 0; j < k; j++) {
    const here = score[j]!;
    const bonus = scoring.bonus[j]!;
    const longest = scoring.year[j] ? MAX_TARGET_ATOMS : Infinity;
    for (let b = 0; b <= n; b++) {
      // cells ending at b, shortest first (an empty one, then from b-1, b-2, …); on a tie the longer wins, and a
      // run whose score cannot reach the best so far even with every repetition bonus is not scored in full
      let best = here[b]! === -Infinity ? -Infinity : here[b]! + emptyScore(atoms, b, j, ctx);
      let bestFrom = best === -Infinity ? -1 : b;
      for (let a = b - 1; a >= 0 && b - a <= longest; a--) {
        const span = spans[a]![b - a - 1];
        if (!span) break;
        const base = here[a]!;
        if (base === -Infinity) continue;
        const quick = base + quickScore(span, j, scoring);
        if (quick + bonus < best) continue;
        const s = quick + detailScore(span, j, scoring);
        if (s >= best) {
          best = s;
          bestFrom = a;
        }
      }
      score[j + 1]![b] = best;
      from[j + 1]![b] = bestFrom;
    }
  }
  const out: string[][] = [];
  for (let j = k, b = n; j > 0; j--) {
    const a = from[j]![b]!;
    out.unshift(atomLines(atoms, a, b));
    b = a;
  }
  return out;
}

function emptyScore(atoms: readonly Atom[], a: number, j: number, ctx: PartContext): number {
  if (ctx.before !== null) return 0;
  if (!isYear(ctx.columns[j]!)) return W.emptyCell;
  // a wide gap between two targets on one line is an empty year cell
  return (atoms[a]?.gapBefore ?? 0) >= 3 ? 0 : W.emptyYear;
}

/** What scoring a part needs besides its runs: the context, and what the columns' neighbours read twice. */
interface Scoring {
  ctx: PartContext;
  elsewhere: Elsewhere;
  /** The longest cell text read twice in any column: a longer run is none of them. */
  longestSeen: number;
  /** The first two words of the cells read twice in any column: a run opening otherwise is none of them. */
  seenHeads: Set<string>;
  /** After a page break: each column's text so far, cut to its first words, and whether it must go on. */
  before: { text: string; head: string; joinsNext: boolean }[] | null;
  /** Per column: whether it holds targets, and the most its repetitions can add to a cell's score. */
  year: boolean[];
  bonus: number[];
}

function scoringOf(ctx: PartContext): Scoring {
  const elsewhere = seenElsewhere(ctx.columns);
  let longestSeen = 0;
  const seenHeads = new Set<string>();
  for (const c of ctx.columns)
    for (const [text, count] of c.cells)
      if (count >= 2) {
        longestSeen = Math.max(longestSeen, text.length);
        seenHeads.add(text.split(' ').slice(0, 2).join(' '));
      }
  const before = ctx.before?.map((text) => ({ text, head: firstWords(text), joinsNext: text !== '' && joinsNext(text) })) ?? null;
  const year = ctx.columns.map(isYear);
  const twice = (m: Map<string, number>): boolean => [...m.values()].some((n) => n >= 2);
  const bonus = ctx.columns.map((c, j) => (year[j] ? 0 : (twice(c.cells) ? W.seenCell : 0) + (twice(c.openings) ? W.seenOpening : 0)));
  return { ctx, elsewhere, longestSeen, seenHeads, before, year, bonus };
}

/** A cell's points from its own shape and the column's role: all but widths and repetition. */
function quickScore(span: Span, j: number, scoring: Scoring): number {
  const col = scoring.ctx.columns[j]!;
  const year = scoring.year[j]!;
  let s = span.shape;
  if (scoring.before === null) s += span.start + (span.lowerStart ? (year ? W.lowerStartYear : W.lowerStart) : 0);
  else s += W.continued + (scoring.before[j]?.joinsNext ? W.continuesOpenCell : 0);
  if (col.role === 'timeline' && span.opensTimeline) s += W.timeline;
  if (year) {
    s += span.hasDigit || span.dash ? W.looksLikeTarget : W.notATarget;
    if (span.targets >= 2) s += W.twoTargets;
  } else if (span.targets === span.atoms || span.inRun) s += W.targetsOutside;
  return s;
}

/** A cell's points from the column's width (never above 0) and from cells read in other rows (at most `Scoring.bonus`). */
function detailScore(span: Span, j: number, scoring: Scoring): number {
  const col = scoring.ctx.columns[j]!;
  let s = 0;
  // a column is at least as wide as the cell's widest line: a next word that fitted below that was not wrapped
  const fitted = Math.max(col.width ?? 0, span.maxWidth) * 0.9;
  for (let i = 0; i < span.fitCount; i++) if (span.fits[i]! <= fitted) s += W.wouldHaveFitted;
  if (col.width !== null) {
    const tooWide = col.width * 1.1;
    for (let i = 0; i < span.lineCount - 1; i++) if (span.lineWidths[i]! > tooWide) s += W.tooWide;
    if (span.lastWidth > tooWide) s += W.tooWide;
  }
  if (scoring.year[j]) return s;
  const before = scoring.before?.[j];
  if (before) {
    // the opening is in the first three words of each, and a text longer than every cell read twice is none of them
    const opening = openingOf(joinLines([before.head, span.head]));
    const norm = before.text.length + trimmedLength(span.text) > scoring.longestSeen ? null : normCell(joinLines([before.text, span.text]));
    return s + seenScore(norm, opening, j, scoring, false);
  }
  const { cutShort } = scoring.ctx;
  // a run longer than every cell read twice, or opening unlike all of them, is none of them (its normalized text
  // is never longer than the text, and opens with the words of its opening)
  const norm = !cutShort && (!scoring.seenHeads.has(span.opening) || trimmedLength(span.text) > scoring.longestSeen) ? null : spanNorm(span);
  return s + seenScore(norm, spanOpening(span), j, scoring, cutShort);
}

const firstWords = (text: string): string => text.split(' ', 3).join(' ');

/** Length of a text without the closing stops and spaces that normCell drops. */
function trimmedLength(text: string): number {
  let end = text.length;
  while (end > 0 && '.;, '.includes(text[end - 1]!)) end--;
  return end;
}

/**
 * Repetition: a cell read the same in other rows of this column (or, for a
 * row cut by a page break, the start of one). `norm` is null for a run too
 * long to be any cell read twice.
 */
function seenScore(norm: string | null, opening: string, j: number, scoring: Scoring, prefix: boolean): number {
  const col = scoring.ctx.columns[j]!;
  const elsewhere = scoring.elsewhere[j]!;
  let s = 0;
  if (norm !== null) {
    if ((col.cells.get(norm) ?? 0) >= 2) s += W.seenCell;
    else if (prefix && [...col.cells.entries()].some(([c, count]) => count >= 2 && c.startsWith(norm))) s += W.seenPrefix;
    else if (elsewhere.cells.has(norm)) s += W.seenElsewhere;
  }
  if ((col.openings.get(opening) ?? 0) >= 2) s += W.seenOpening;
  else if (elsewhere.openings.has(opening)) s += W.openingElsewhere;
  return s;
}

type Elsewhere = { cells: Set<string>; openings: Set<string> }[];
/** Per reading (its first column's cell map stands for it): what each column's neighbours read twice or more. */
const elsewhereCache = new WeakMap<Map<string, number>, Elsewhere>();

function seenElsewhere(columns: readonly ColumnModel[]): Elsewhere {
  const key = columns[0]!.cells;
  const cached = elsewhereCache.get(key);
  if (cached) return cached;
  const twice = (m: Map<string, number>): string[] => [...m].filter(([, n]) => n >= 2).map(([t]) => t);
  const out = columns.map((_, j) => ({
    cells: new Set(columns.flatMap((c, o) => (o === j ? [] : twice(c.cells)))),
    openings: new Set(columns.flatMap((c, o) => (o === j ? [] : twice(c.openings)))),
  }));
  elsewhereCache.set(key, out);
  return out;
}
