import type { ColumnRole } from '../core/index.js';
import { atomLines, atomsOf, joinLines, joinsNext, opensCell, opensTimeline, startsLower, type Atom } from './linearized-cells.js';
import type { DumpLine } from './linearized-rows.js';
import { textWidth } from './text-width.js';

/** What is known of one column while its rows are read: its role, and what earlier readings put in it. */
export interface ColumnModel {
  role: ColumnRole;
  /** How wide the column is (ems), from the widest lines of its multi-line cells; null before a first reading. */
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

/** Scores (log-odds-like points): a line-start rule broken costs more than a hint missed. */
const W = {
  emptyCell: -2,
  emptyYear: -1,
  lowerStart: -3,
  lowerStartYear: -1,
  brokenPhrase: -2.5,
  sentenceEnd: 0.5,
  opener: 1,
  midLine: -1,
  tallBesideAnother: -2,
  goesOn: 0.5,
  newSentenceInside: -1,
  wouldHaveFitted: -1.5,
  openerInside: -1,
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
/** Cell texts are compared without case, spacing or a closing stop ("thành phố." = "Thành phố"). */
export const normCell = (s: string): string => s.toLowerCase().replace(/\s+/gu, ' ').replace(/[.;,]+$/u, '').trim();
export const openingOf = (s: string): string => normCell(s).split(' ').slice(0, 2).join(' ');

/** A cell holds at most this many atoms (longest cells: a task of ten lines cut at capitals). */
const MAX_ATOMS = 60;

/** What a run of atoms is, whatever column it goes to: computed once per run. */
interface Span {
  text: string;
  norm: string;
  opening: string;
  /** Points from how the run starts, ends and breaks (no column needed). */
  shape: number;
  /** Points from its start as a cell's first line (not given to the lines after a page break). */
  start: number;
  lowerStart: boolean;
  widths: number[];
  /** Widths of each line break's line plus the next line's first word: the word would have fitted below these. */
  fits: number[];
  targets: number;
  /** It holds a piece of a line of several targets. */
  inRun: boolean;
  atoms: number;
}

/**
 * Puts the lines of one part of a row into columns (the row number's column
 * excluded): each column takes a run of the part's atoms, in order, possibly
 * none. Dynamic programming over (column, atom) picks the split with the
 * best total score, each cell scored by the cues a text dump keeps: how its
 * lines start and end, whether they fit the column's width, whether it
 * looks like a target, and whether the same cell was read in other rows.
 * Returns each column's lines.
 */
export function segmentPart(lines: readonly DumpLine[], ctx: PartContext): string[][] {
  const atoms = atomsOf(lines);
  const n = atoms.length;
  const k = ctx.columns.length;
  const spans: Span[][] = atoms.map((_, a) => spansFrom(atoms, a));
  const dp: { score: number; from: number }[][] = Array.from({ length: k + 1 }, () => Array.from({ length: n + 1 }, () => ({ score: -Infinity, from: -1 })));
  dp[0]![0] = { score: 0, from: -1 };
  for (let j = 0; j < k; j++)
    for (let a = 0; a <= n; a++) {
      const base = dp[j]![a]!.score;
      if (base === -Infinity) continue;
      const empty = base + emptyScore(atoms, a, j, ctx);
      if (empty > dp[j + 1]![a]!.score) dp[j + 1]![a] = { score: empty, from: a };
      for (const span of spans[a] ?? []) {
        const b = a + span.atoms;
        const score = base + cellScore(span, j, ctx);
        if (score > dp[j + 1]![b]!.score) dp[j + 1]![b] = { score, from: a };
      }
    }
  const out: string[][] = [];
  for (let j = k, b = n; j > 0; j--) {
    const a = dp[j]![b]!.from;
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

function spansFrom(atoms: readonly Atom[], a: number): Span[] {
  const out: Span[] = [];
  const prev = a > 0 ? atoms[a - 1]!.text : null;
  let start = 0;
  let shape = 0;
  if (prev !== null) {
    if (joinsNext(prev)) shape += W.brokenPhrase;
    if (/\.$/u.test(prev.trim())) shape += W.sentenceEnd;
  }
  if (!atoms[a]!.lineStart && !atoms[a]!.target) shape += W.midLine;
  const lines: string[] = [];
  const widths: number[] = [];
  const fits: number[] = [];
  let targets = 0;
  let inRun = false;
  let text = '';
  for (let b = a; b < atoms.length && b - a < MAX_ATOMS; b++) {
    const atom = atoms[b]!;
    if (atom.target) targets++;
    inRun ||= atom.inRun;
    if (b > a && atom.line === atoms[b - 1]!.line) {
      lines[lines.length - 1] += ` ${atom.text}`;
      text += ` ${atom.text}`;
    } else {
      const l1 = lines.at(-1);
      if (l1 !== undefined) {
        if (startsLower(atom.text) || joinsNext(l1)) shape += W.goesOn;
        else {
          if (/\.$/u.test(l1.trim())) shape += W.newSentenceInside;
          if (opensCell(atom.text)) shape += W.openerInside;
        }
        if (!joinsNext(l1)) fits.push(textWidth(`${l1} ${atom.text.split(/\s+/u)[0] ?? ''}`));
      }
      lines.push(atom.text);
      text = joinLines([text, atom.text]);
    }
    widths[lines.length - 1] = textWidth(lines.at(-1)!);
    const first = lines[0]!;
    if (b === a) start = opensCell(first) ? W.opener : 0;
    // cells share a printed line only when both are one line high ("Kế hoạch Thường xuyên")
    const sharesLine = (!atoms[a]!.lineStart && !atoms[a]!.target) || (atoms[b + 1]?.line === atom.line && !atoms[b + 1]!.target);
    const tall = sharesLine && lines.length > 1 ? W.tallBesideAnother : 0;
    const norm = normCell(text);
    out.push({
      text, norm, opening: norm.split(' ').slice(0, 2).join(' '), shape: shape + tall, start,
      lowerStart: startsLower(first), widths: [...widths], fits: [...fits], targets, inRun, atoms: b - a + 1,
    });
  }
  return out;
}

function cellScore(span: Span, j: number, ctx: PartContext): number {
  const col = ctx.columns[j]!;
  const year = isYear(col);
  const continuing = ctx.before !== null;
  let s = span.shape;
  if (!continuing) s += span.start + (span.lowerStart ? (year ? W.lowerStartYear : W.lowerStart) : 0);
  // a column is at least as wide as the cell's widest line: a next word that fitted below that was not wrapped
  const width = Math.max(col.width ?? 0, ...span.widths);
  for (const f of span.fits) if (f <= width * 0.9) s += W.wouldHaveFitted;
  if (col.width !== null) for (const w of span.widths) if (w > col.width * 1.1) s += W.tooWide;
  if (col.role === 'timeline' && opensTimeline(span.text)) s += W.timeline;
  if (year) {
    s += /\d/u.test(span.text) || /^[-–—]$/u.test(span.text) ? W.looksLikeTarget : W.notATarget;
    if (span.targets >= 2) s += W.twoTargets;
  } else if (span.targets === span.atoms || span.inRun) s += W.targetsOutside;
  if (continuing) {
    const before = ctx.before![j] ?? '';
    s += W.continued + (before && joinsNext(before) ? W.continuesOpenCell : 0);
    const joined = joinLines([before, span.text]);
    return s + seenScore(normCell(joined), openingOf(joined), j, ctx, false);
  }
  return s + seenScore(span.norm, span.opening, j, ctx, ctx.cutShort);
}

/** Repetition: a cell read the same in other rows of this column (or, for a row cut by a page break, the start of one). */
function seenScore(norm: string, opening: string, j: number, ctx: PartContext, prefix: boolean): number {
  const col = ctx.columns[j]!;
  if (isYear(col)) return 0;
  const elsewhere = seenElsewhere(ctx.columns)[j]!;
  let s = 0;
  if ((col.cells.get(norm) ?? 0) >= 2) s += W.seenCell;
  else if (prefix && [...col.cells.entries()].some(([c, count]) => count >= 2 && c.startsWith(norm))) s += W.seenPrefix;
  else if (elsewhere.cells.has(norm)) s += W.seenElsewhere;
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
