/**
 * Each decoded word's share of the decoder's lattice (issue 17): of all
 * the reading sequences the beam kept, how much passes through the chosen
 * reading, by forward-backward with the decoder's own scores (n-gram
 * log-probabilities, the slot's weights, the document cache when decoding
 * with it): summed over paths (posteriors) or by each reading's best path
 * (max-marginals, softmaxed over the word's readings). Unlike a word's
 * share given the neighbours the decoder chose, neither takes those
 * neighbours for certain: two unsure words side by side ("cơ quan" / "có
 * quán") share their doubt.
 */

/** Where a word's readings are scored: the lattice's edges. */
export interface LatticeScorer {
  /** How many words before a word its score reads (the model's order − 1, 1 to 3). */
  readonly history: number;
  /** The id of reading `c` of clause position `i` (i < 0: the clause's start). */
  id(i: number, c: number): number;
  /** The log score of each reading `alive` of position `i` after the words t u v (t, u unread below order 4, 3) into out[at ..]. */
  scores(i: number, t: number, u: number, v: number, alive: Int32Array, out: Float64Array, at: number): void;
  /** The log score of the clause ending after t u v. */
  end(t: number, u: number, v: number): number;
}

/** Sum-product (posteriors) or max-product (max-marginals: the best path through each reading, softmaxed over the word's readings). */
export type Semiring = 'sum' | 'max';

/** Each alive reading's share at each position of a segment: position i's at shares[at[i − p] ..]. */
export interface SegmentShares {
  shares: Float64Array;
  at: Int32Array;
}

/** Scratch that grows to the largest segment and is reused: the pass allocates little per word. */
let alphaBuf: Float64Array = new Float64Array(1024);
let edgeBuf: Float64Array = new Float64Array(1024);
let betaBuf: Float64Array = new Float64Array(256);
let beforeBuf: Float64Array = new Float64Array(256);
const grow = (buf: Float64Array, n: number): Float64Array => (buf.length >= n ? buf : new Float64Array(n * 2));

/**
 * Forward-backward over clause positions [p, q): position j has the
 * readings alive[j] (one each before p, and for the last `history`
 * positions before q unless q ends the clause, so that the state entering
 * and leaving is fixed). A state is the readings of the last `history`
 * positions, numbered in mixed radix, the oldest most significant.
 * `ends`: the clause's end is scored after q − 1. Returns each alive
 * reading's posterior (summing to 1 over the lattice at each position).
 */
export function segmentPosteriors(scorer: LatticeScorer, alive: readonly Int32Array[], p: number, q: number, ends: boolean, semiring: Semiring = 'sum'): SegmentShares {
  const h = scorer.history;
  const sum = semiring === 'sum';
  const size = (j: number): number => (j < 0 ? 1 : alive[j]!.length);
  const ctx = [0, 0, 0];
  /** The words of state `s` over positions i − h .. i − 1, as the context t u v of position i. */
  const context = (s: number, i: number): void => {
    ctx[0] = ctx[1] = ctx[2] = scorer.id(-1, 0);
    for (let j = i - 1, k = 2; j >= i - h; j--, k--) {
      const n = size(j);
      ctx[k] = scorer.id(j, j < 0 ? 0 : alive[j]![s % n]!);
      s = Math.floor(s / n);
    }
  };
  // where each position's states (α) and edges start in the scratch, and its shares in the result
  const m = q - p;
  const stateAt = new Int32Array(m + 1);
  const edgeAt = new Int32Array(m + 1);
  const at = new Int32Array(m + 1);
  let ns = 1;
  for (let i = p; i < q; i++) {
    const na = size(i);
    const next = (ns / size(i - h)) * na;
    stateAt[i - p + 1] = stateAt[i - p]! + next;
    edgeAt[i - p + 1] = edgeAt[i - p]! + (ns === 1 && na === 1 ? 0 : ns * na);
    at[i - p + 1] = at[i - p]! + na;
    ns = next;
  }
  const alpha = (alphaBuf = grow(alphaBuf, stateAt[m]!));
  const edge = (edgeBuf = grow(edgeBuf, edgeAt[m]!));
  alpha.fill(0, 0, stateAt[m]!);
  // probabilities, not logs: each position's edges are shifted by their best and its α and β scaled to a best of 1,
  // which the normalisation of each word's shares takes out again (one exp an edge, no log)
  const one: Float64Array = Float64Array.of(1);
  for (let i = p; i < q; i++) {
    const na = size(i);
    const prev = i === p ? one : alpha.subarray(stateAt[i - p - 1]!, stateAt[i - p]!);
    const from = i === p ? 0 : stateAt[i - p - 1]!;
    const ns = i === p ? 1 : stateAt[i - p]! - from;
    const r = ns / size(i - h);
    const to = stateAt[i - p]!;
    const e = edgeAt[i - p]!;
    // one state into one reading (no edges kept): the same factor on every path
    const scored = edgeAt[i - p + 1]! > e;
    if (scored) {
      for (let s = 0; s < ns; s++) {
        // a state this far behind on its left adds nothing the normalisation would see: its edges are not scored
        if (prev[s]! < FORWARD_FLOOR) edge.fill(-Infinity, e + s * na, e + s * na + na);
        else {
          context(s, i);
          scorer.scores(i, ctx[0]!, ctx[1]!, ctx[2]!, alive[i]!, edge, e + s * na);
        }
      }
      toShares(edge, e, e + ns * na);
    }
    for (let s = 0; s < ns; s++) {
      const base = to + (s % r) * na;
      for (let a = 0; a < na; a++) {
        const v = prev[s]! * (scored ? edge[e + s * na + a]! : 1);
        alpha[base + a] = sum ? alpha[base + a]! + v : Math.max(alpha[base + a]!, v);
      }
    }
    scaled(alpha, to, stateAt[i - p + 1]!);
  }
  const shares = new Float64Array(at[m]!);
  let nb = stateAt[m]! - stateAt[m - 1]!;
  let beta = (betaBuf = grow(betaBuf, nb));
  beta.fill(1, 0, nb);
  if (ends && nb > 1) {
    for (let s = 0; s < nb; s++) {
      context(s, q);
      beta[s] = scorer.end(ctx[0]!, ctx[1]!, ctx[2]!);
    }
    toShares(beta, 0, nb);
  }
  for (let i = q - 1; i >= p; i--) {
    const na = size(i);
    marginals(alpha, stateAt[i - p]!, stateAt[i - p + 1]!, beta, na, sum, shares, at[i - p]!);
    if (i === p) break;
    const e = edgeAt[i - p]!;
    const scored = edgeAt[i - p + 1]! > e;
    const ns = stateAt[i - p]! - stateAt[i - p - 1]!;
    const r = ns / size(i - h);
    const before = (beforeBuf = grow(beforeBuf, Math.max(ns, nb)));
    for (let s = 0; s < ns; s++) {
      const base = (s % r) * na;
      let b = 0;
      for (let a = 0; a < na; a++) {
        const v = (scored ? edge[e + s * na + a]! : 1) * beta[base + a]!;
        b = sum ? b + v : Math.max(b, v);
      }
      before[s] = b;
    }
    scaled(before, 0, ns);
    [beforeBuf, betaBuf] = [beta, before];
    beta = before;
    nb = ns;
  }
  return { shares, at };
}

/** A state whose forward mass is under this share of its position's best (e^-12) is pruned. */
const FORWARD_FLOOR = Math.exp(-12);

/** Log scores in [from, to) into probabilities relative to their best (the best is 1). */
function toShares(scores: Float64Array, from: number, to: number): void {
  let best = -Infinity;
  for (let k = from; k < to; k++) if (scores[k]! > best) best = scores[k]!;
  for (let k = from; k < to; k++) scores[k] = Math.exp(scores[k]! - best);
}

/** Divides [from, to) by its largest value (kept when 0): α and β stay in range over a long run. */
function scaled(values: Float64Array, from: number, to: number): void {
  let best = 0;
  for (let k = from; k < to; k++) if (values[k]! > best) best = values[k]!;
  if (best > 0 && best !== 1) for (let k = from; k < to; k++) values[k] = values[k]! / best;
}

/** Each reading's α·β over the states it ends (the state's last digit; summed, or the best), normalised over the readings, into out[o ..]. */
function marginals(alpha: Float64Array, from: number, to: number, beta: Float64Array, na: number, sum: boolean, out: Float64Array, o: number): void {
  for (let s = from; s < to; s++) {
    const v = alpha[s]! * beta[s - from]!;
    const k = o + ((s - from) % na);
    out[k] = sum ? out[k]! + v : Math.max(out[k]!, v);
  }
  let z = 0;
  for (let a = 0; a < na; a++) z += out[o + a]!;
  for (let a = 0; a < na; a++) out[o + a] = z > 0 ? out[o + a]! / z : 1 / na;
}
