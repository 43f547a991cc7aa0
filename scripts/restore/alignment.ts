import { similarity } from '../../src/core/index.js';

/** Aligns two word sequences (edit distance, substitution cost 1 − similarity); returns the substituted pairs. */
export function alignWords(source: readonly string[], observed: readonly string[]): [string, string][] {
  const n = source.length;
  const m = observed.length;
  const d = Array.from({ length: n + 1 }, (_, i) => Float64Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const cost = (i: number, j: number): number => 1 - similarity(source[i - 1] ?? '', observed[j - 1] ?? '');
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost(i, j));
  const out: [string, string][] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (Math.abs(d[i]![j]! - (d[i - 1]![j - 1]! + cost(i, j))) < 1e-9) {
      out.push([source[i - 1] ?? '', observed[j - 1] ?? '']);
      i--;
      j--;
    } else if (Math.abs(d[i]![j]! - (d[i - 1]![j]! + 1)) < 1e-9) i--;
    else j--;
  }
  return out.reverse();
}

/** Aligns two words character by character; a run of observed characters against one intended (or none) is one pair: "ti" → "u", "6" → "o". */
export function alignChars(observed: string, intended: string): [string, string][] {
  const a = [...observed];
  const b = [...intended];
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  const ops: [string, string][] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)) ops.push([a[--i] ?? '', b[--j] ?? '']);
    else if (i > 0 && d[i]![j] === d[i - 1]![j]! + 1) ops.push([a[--i] ?? '', '']);
    else ops.push(['', b[--j] ?? '']);
  }
  ops.reverse();
  // merge an insertion or deletion into its neighbouring substitution: "ti" → "u"
  const out: [string, string][] = [];
  for (const [o, t] of ops) {
    const last = out.at(-1);
    if (last && (o === '' || t === '') && last[0] !== last[1]) out[out.length - 1] = [last[0] + o, last[1] + t];
    else out.push([o, t]);
  }
  return out;
}
