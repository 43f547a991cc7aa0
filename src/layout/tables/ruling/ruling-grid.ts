import type { Ruling } from '../../../../schemas/index.js';

/** Rules closer than this (points) are the same line: double borders, rounding. */
const SAME_LINE = 1.5;
/** Lines whose ends come this close (points) touch. */
const TOUCH = 2.5;

/** A table's skeleton: its rules, and the x/y positions of its column and row boundaries. */
export interface RulingGrid {
  rules: Ruling[];
  xs: number[];
  ys: number[];
}

/**
 * Groups a page's rules into table grids: collinear pieces are merged, and
 * rules that cross or touch belong to the same table. A group needs two
 * rows of horizontal and two columns of vertical rules to be a table.
 */
export function findRulingGrids(rulings: readonly Ruling[]): RulingGrid[] {
  const rules = mergeCollinear(rulings);
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] ?? i)));
  for (let i = 0; i < rules.length; i++)
    for (let j = i + 1; j < rules.length; j++) {
      const [a, b] = [rules[i], rules[j]];
      if (a && b && touches(a, b)) parent[find(i)] = find(j);
    }
  const groups = new Map<number, Ruling[]>();
  rules.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  const grids: RulingGrid[] = [];
  for (const group of groups.values()) {
    const xs = withLostBorders(clusterPositions(group.filter((r) => r.orientation === 'v').map((r) => r.at)), group);
    const ys = clusterPositions(group.filter((r) => r.orientation === 'h').map((r) => r.at));
    if (xs.length >= 2 && ys.length >= 2) grids.push({ rules: group, xs, ys });
  }
  return grids.sort((a, b) => (a.ys[0] ?? 0) - (b.ys[0] ?? 0));
}

/** True when a rule covers the point `pos` along its length (with tolerance). */
export function covers(rule: Ruling, at: number, pos: number): boolean {
  return Math.abs(rule.at - at) <= SAME_LINE && rule.from - TOUCH <= pos && pos <= rule.to + TOUCH;
}

function touches(a: Ruling, b: Ruling): boolean {
  if (a.orientation === b.orientation) return Math.abs(a.at - b.at) <= SAME_LINE && a.from <= b.to + TOUCH && b.from <= a.to + TOUCH;
  const [h, v] = a.orientation === 'h' ? [a, b] : [b, a];
  return h.from - TOUCH <= v.at && v.at <= h.to + TOUCH && v.from - TOUCH <= h.at && h.at <= v.to + TOUCH;
}

function mergeCollinear(rulings: readonly Ruling[]): Ruling[] {
  // cluster by orientation and position first, then merge the extents within each cluster
  const sorted = [...rulings].sort((a, b) => a.orientation.localeCompare(b.orientation) || a.at - b.at);
  const clusters: Ruling[][] = [];
  for (const r of sorted) {
    const cluster = clusters.at(-1);
    const head = cluster?.[0];
    if (cluster && head && head.orientation === r.orientation && Math.abs(r.at - head.at) <= SAME_LINE) cluster.push(r);
    else clusters.push([r]);
  }
  const out: Ruling[] = [];
  for (const cluster of clusters) {
    const at = cluster.reduce((sum, r) => sum + r.at, 0) / cluster.length;
    let current: Ruling | null = null;
    for (const r of [...cluster].sort((a, b) => a.from - b.from)) {
      if (current && r.from <= current.to + TOUCH) current.to = Math.max(current.to, r.to);
      else {
        current = { orientation: r.orientation, at, from: r.from, to: r.to };
        out.push(current);
      }
    }
  }
  return out;
}

/** A border must lie this far (points) outside the outermost column rule found to be a lost one: a narrow number column. */
const LOST_BORDER_MIN = 8;

/**
 * The left or right border of a scanned table whose rule the scan lost (a
 * faint line at 150 DPI drops the "Stt" column or the last one): the row
 * rules still run out to it. When most of the long horizontal rules end at
 * the same x beyond the outermost vertical rule, that x is a column
 * boundary too.
 */
function withLostBorders(xs: number[], group: readonly Ruling[]): number[] {
  const first = xs[0];
  const last = xs.at(-1);
  if (first === undefined || last === undefined || xs.length < 2) return xs;
  const long = group.filter((r) => r.orientation === 'h' && r.to - r.from >= (last - first) * 0.8);
  if (long.length < 3) return xs;
  const agreed = (ends: number[]): number | null => {
    const m = [...ends].sort((a, b) => a - b)[Math.floor(ends.length / 2)]!;
    return ends.filter((e) => Math.abs(e - m) <= TOUCH).length >= ends.length * 0.6 ? m : null;
  };
  const left = agreed(long.map((r) => r.from));
  const right = agreed(long.map((r) => r.to));
  const out = [...xs];
  if (left !== null && left < first - LOST_BORDER_MIN) out.unshift(left);
  if (right !== null && right > last + LOST_BORDER_MIN) out.push(right);
  return out;
}

function clusterPositions(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - (out.at(-1) ?? 0) > SAME_LINE) out.push(v);
  return out;
}
