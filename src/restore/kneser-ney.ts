/**
 * Interpolated Kneser-Ney's tables for one order, built from that order's
 * counts as sorted rows: the discounts (plain, or Chen & Goodman's modified
 * ones from the count-of-counts), each context's back-off weight, each
 * n-gram's discounted share (NgramLevel). NgramModel reads them.
 */
import { NgramLevel } from './ngram-level.js';
import { ID_BASE as BASE } from './tuple-counts.js';

/** Plain Kneser-Ney's one discount. */
const PLAIN_DISCOUNT = 0.75;

/**
 * Chen & Goodman's discounts for counts 1, 2 and 3+ from the numbers of
 * n-grams seen exactly 1, 2, 3 and 4 times; a text too small to have all
 * four gets the plain discount for each.
 */
export function modifiedDiscounts(n: readonly number[]): [number, number, number] {
  const [n1 = 0, n2 = 0, n3 = 0, n4 = 0] = n.slice(1);
  if (!(n1 > 0 && n2 > 0 && n3 > 0 && n4 > 0)) return [PLAIN_DISCOUNT, PLAIN_DISCOUNT, PLAIN_DISCOUNT];
  const y = n1 / (n1 + 2 * n2);
  const d = [1 - (2 * y * n2) / n1, 2 - (3 * y * n3) / n2, 3 - (4 * y * n4) / n3];
  // a count-of-counts curve that is not falling gives a discount outside (0, k]: the plain one is safer
  return d.map((x, k) => (x > 0 && x <= k + 1 ? x : PLAIN_DISCOUNT)) as [number, number, number];
}

/** The discount for an n-gram counted `c` times. */
const discountOf = (d: readonly number[], c: number): number => (c >= 3 ? d[2]! : c === 2 ? d[1]! : d[0]!);

/**
 * One order k > 2 from its sorted rows [k ids, count]: a context is a run
 * of rows with the same first k − 1 ids. Each kept context gets its back-off
 * weight and its n-grams' discounted shares (c − D) / total, in the order of
 * the rows (so sorted by the last id). Rows counted fewer than `minCount`
 * times are left out, their mass given to the order below; a context left
 * with no row is left out too.
 */
export function buildLevel(rows: Uint32Array, k: number, minCount: number, modified: boolean): Level {
  const width = k + 1;
  const m = rows.length / width;
  // where each context's run starts (1), and the counts' counts
  const starts = new Uint8Array(m + 1);
  const coc = [0, 0, 0, 0, 0];
  let keptRows = 0;
  let keptCtx = 0;
  for (let i = 0, r = 0, counted = -1, start = 0; i < m; i++, r += width) {
    const c = rows[r + k]!;
    if (c <= 4) coc[c]!++;
    if (i === 0 || rows[r - width] !== rows[r] || (k > 2 && rows[r - width + 1] !== rows[r + 1]) || (k > 3 && rows[r - width + 2] !== rows[r + 2])) {
      starts[i] = 1;
      start = i;
    }
    if (c >= minCount) {
      keptRows++;
      if (start !== counted) [keptCtx, counted] = [keptCtx + 1, start];
    }
  }
  starts[m] = 1;
  const d = discountsFor(coc, modified);
  const [d1, d2, d3] = [d[0]!, d[1]!, d[2]!];
  const keys = new Float64Array(keptCtx);
  const first = new Uint32Array(keptCtx + 1);
  const backs = new Float32Array(keptCtx);
  const words = new Int32Array(keptRows);
  const probs = new Float32Array(keptRows);
  let nc = 0;
  let ng = 0;
  for (let i = 0; i < m; ) {
    let end = i;
    let total = 0;
    let back = 0;
    let kept = 0;
    do {
      const c = rows[end * width + k]!;
      total += c;
      if (c >= minCount) {
        back += c >= 3 ? d3 : c === 2 ? d2 : d1;
        kept++;
      } else back += c; // pruned: its whole mass goes to the order below
      end++;
    } while (!starts[end]);
    if (kept) {
      let key = 0;
      for (let j = 0; j < k - 1; j++) key = key * BASE + rows[i * width + j]!;
      keys[nc] = key;
      first[nc] = ng;
      backs[nc++] = back / total;
      for (let e = i; e < end; e++) {
        const c = rows[e * width + k]!;
        if (c < minCount) continue;
        words[ng] = rows[e * width + k - 1]!;
        probs[ng++] = (c - (c >= 3 ? d3 : c === 2 ? d2 : d1)) / total;
      }
    }
    i = end;
  }
  first[nc] = ng;
  return { level: new NgramLevel(keys, first, backs, words, probs), discounts: d };
}

/** Order 2 from its sorted rows [v, w, continuation count] over `n` ids, and the continuation unigrams (how many words came before w). */
export function buildBigrams(rows: Uint32Array, n: number, modified: boolean): Bigrams {
  const coc = [0, 0, 0, 0, 0];
  const m = rows.length / 3;
  for (let r = 0; r < rows.length; r += 3) if (rows[r + 2]! <= 4) coc[rows[r + 2]!]!++;
  const d = discountsFor(coc, modified);
  const [total, back, uni] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const first = new Uint32Array(n + 1);
  for (let r = 0; r < rows.length; r += 3) {
    const [v, w, c] = [rows[r]!, rows[r + 1]!, rows[r + 2]!];
    total[v]! += c;
    back[v]! += discountOf(d, c);
    uni[w]! += 1;
    first[v + 1]!++;
  }
  for (let v = 0; v < n; v++) first[v + 1]! += first[v]!;
  const words = new Int32Array(m);
  const probs = new Float32Array(m);
  for (let i = 0, r = 0; i < m; i++, r += 3) {
    const [v, c] = [rows[r]!, rows[r + 2]!];
    words[i] = rows[r + 1]!;
    probs[i] = (c - discountOf(d, c)) / total[v]!;
  }
  // a word never followed by another backs off to the unigram whole
  const backs = Float32Array.from(back, (b, v) => (total[v]! > 0 ? b / total[v]! : 1));
  return { level: new NgramLevel(null, first, backs, words, probs), uni, uniNorm: m + 1, discounts: d };
}

/** One order's tables and the discounts it used. */
export interface Level {
  level: NgramLevel;
  discounts: [number, number, number];
}

/** Order 2's tables (contexts by previous word), the continuation unigram counts and their total + 1. */
export interface Bigrams extends Level {
  uni: Float64Array<ArrayBuffer>;
  uniNorm: number;
}

/** The discounts for counts 1, 2, 3+ from the count-of-counts (`coc[c]`: n-grams counted c times). */
function discountsFor(coc: readonly number[], modified: boolean): [number, number, number] {
  return modified ? modifiedDiscounts(coc) : [PLAIN_DISCOUNT, PLAIN_DISCOUNT, PLAIN_DISCOUNT];
}
