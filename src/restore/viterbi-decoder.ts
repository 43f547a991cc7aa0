import type { NgramModel } from './ngram-model.js';

/** How many best histories are kept at each position. */
const BEAM = 12;
/** Readings this many nats behind the best on their left side and channel are left out of a confidence (e^-20: no share). */
const FAR_BEHIND = 20;

export interface DecodedSlot {
  choice: string;
  /** Share of the probability mass the choice had among the slot's candidates, in its chosen context. */
  confidence: number;
}

/**
 * The readings one word may have, with their model ids. A word repeated in
 * a text shares one: the decoder keeps P(w | v) for every previous word v
 * it met on it, so a repeated word costs no bigram lookups the second time.
 */
export class Readings {
  readonly ids: Int32Array;
  readonly #bigrams = new Map<number, Float64Array>();
  constructor(readonly words: readonly string[], model: NgramModel) {
    this.ids = Int32Array.from(words, (w) => model.known(w));
  }

  /** P(w | v) for each reading (probabilities, not logs), computed once per previous word. */
  bigrams(v: number, model: NgramModel): Float64Array {
    let bi = this.#bigrams.get(v);
    if (!bi) this.#bigrams.set(v, (bi = model.bigramProbs(v, this.ids)));
    return bi;
  }
}

/** One word to decode: its readings and, when it has them, a log weight per reading (channel, capitals). */
export interface Slot {
  readings: Readings;
  weights: Float64Array | null;
}

/**
 * Scratch arrays that grow to the largest slot seen and are reused: the
 * decoder's inner loop allocates nothing per state.
 */
class Scratch {
  lm = new Float64Array(64);
  score = new Float64Array(64 * BEAM);
  back = new Int32Array(64 * BEAM);
  seq = new Int32Array(64 * BEAM);
  fit(n: number): void {
    if (this.lm.length < n) this.lm = new Float64Array(n * 2);
    if (this.score.length < n * BEAM) [this.score, this.back, this.seq] = [new Float64Array(n * 2 * BEAM), new Int32Array(n * 2 * BEAM), new Int32Array(n * 2 * BEAM)];
  }
}

/**
 * Picks one reading per slot so that the whole sequence is most probable
 * under the trigram model times the slot's weights (log-probability that
 * reading k was written as what was observed; 0 when absent), by Viterbi
 * with a beam. `null` slots are clause boundaries: the context starts again
 * after them.
 *
 * A state is (previous word, this word); within a slot the reading's index
 * stands for the word (an unseen one too). The beam's states live in typed
 * arrays, the lattice in two flat arrays of back pointers and choices.
 * Ties keep the state made first, as a stable sort of the states in the
 * order they were made would.
 */
export function decode(slots: readonly (Slot | null)[], model: NgramModel): (DecodedSlot | null)[] {
  const start = model.known('<s>');
  const end = model.known('</s>');
  const n = slots.length;
  // the lattice: BEAM entries per position
  const backs = new Int32Array(n * BEAM);
  const choices = new Int32Array(n * BEAM);
  // the frontier: its states' (u, v) and scores
  let fu = new Int32Array(BEAM);
  let fv = new Int32Array(BEAM);
  let fs = new Float64Array(BEAM);
  let nu = new Int32Array(BEAM);
  let nv = new Int32Array(BEAM);
  let ns = new Float64Array(BEAM);
  fu[0] = fv[0] = start;
  fs[0] = 0;
  let size = 1;
  const prevs = new Int32Array(BEAM);
  const prevOf = new Int32Array(BEAM);
  const top = new Int32Array(BEAM);
  const scratch = new Scratch();
  for (let i = 0; i < n; i++) {
    const slot = slots[i];
    const at = i * BEAM;
    if (!slot) {
      // clause end: keep the best history, restart the context
      const b = firstBest(fs, size);
      fs[0] = fs[b]! + model.logProbIds(fu[b]!, fv[b]!, end);
      fu[0] = fv[0] = start;
      backs[at] = b;
      choices[at] = -1;
      size = 1;
      continue;
    }
    const ids = slot.readings.ids;
    const weights = slot.weights;
    const nc = ids.length;
    scratch.fit(nc);
    // the distinct previous words of the frontier: states are (previous word, reading)
    let np = 0;
    for (let s = 0; s < size; s++) {
      let j = 0;
      while (j < np && prevs[j] !== fv[s]) j++;
      if (j === np) prevs[np++] = fv[s]!;
      prevOf[s] = j;
    }
    const { lm, score, back, seq } = scratch;
    seq.fill(-1, 0, np * nc);
    let made = 0;
    for (let s = 0; s < size; s++) {
      // language model × channel: how likely the word, and how likely it was read as what we see
      model.logProbsInto(fu[s]!, fv[s]!, ids, slot.readings.bigrams(fv[s]!, model), lm);
      const base = prevOf[s]! * nc;
      const from = fs[s]!;
      for (let c = 0; c < nc; c++) {
        const sc = from + lm[c]! + (weights ? weights[c]! : 0);
        const k = base + c;
        if (seq[k]! < 0) {
          seq[k] = made++;
          score[k] = sc;
          back[k] = s;
        } else if (sc > score[k]!) {
          score[k] = sc;
          back[k] = s;
        }
      }
    }
    // the BEAM best states, best first (ties: the one made first), by insertion into a short sorted list
    let kept = 0;
    for (let k = 0; k < np * nc; k++) {
      const sc = score[k]!;
      if (kept === BEAM && !ahead(sc, seq[k]!, score[top[BEAM - 1]!]!, seq[top[BEAM - 1]!]!)) continue;
      let p = kept < BEAM ? kept++ : BEAM - 1;
      while (p > 0 && ahead(sc, seq[k]!, score[top[p - 1]!]!, seq[top[p - 1]!]!)) {
        top[p] = top[p - 1]!;
        p--;
      }
      top[p] = k;
    }
    for (let t = 0; t < kept; t++) {
      const k = top[t]!;
      const c = k % nc;
      nu[t] = prevs[(k - c) / nc]!;
      nv[t] = ids[c]!;
      ns[t] = score[k]!;
      backs[at + t] = back[k]!;
      choices[at + t] = c;
    }
    [fu, nu] = [nu, fu];
    [fv, nv] = [nv, fv];
    [fs, ns] = [ns, fs];
    size = kept;
  }
  // trace back
  const out: (DecodedSlot | null)[] = new Array(n).fill(null);
  let idx = firstBest(fs, size);
  for (let i = n - 1; i >= 0; i--) {
    const slot = slots[i];
    const choice = choices[i * BEAM + idx]!;
    if (slot && choice >= 0) out[i] = { choice: slot.readings.words[choice] ?? '', confidence: 1 };
    idx = backs[i * BEAM + idx]!;
  }
  return withConfidence(out, slots, model);
}

/** Does a state scored `a`, made `aSeq`th, come before one scored `b`, made `bSeq`th? */
function ahead(a: number, aSeq: number, b: number, bSeq: number): boolean {
  return a > b || (a === b && aSeq < bSeq);
}

/** The index of the first highest score among the first `size`. */
function firstBest(scores: Float64Array, size: number): number {
  let b = 0;
  for (let s = 1; s < size; s++) if (scores[s]! > scores[b]!) b = s;
  return b;
}

/**
 * Each chosen word's posterior given everything else the decoder chose: the
 * slot's candidates are weighed by the trigrams they take part in on both
 * sides (P(w | u v), P(x | v w), P(y | w x)) times the channel, and the
 * chosen one's share is its confidence. A reading its right-hand words
 * argue against ("tổ chức" vs "tô chức" before "thực hiện") is less sure
 * than the left context alone would say. Clause boundaries cut the context.
 */
function withConfidence(out: (DecodedSlot | null)[], slots: readonly (Slot | null)[], model: NgramModel): (DecodedSlot | null)[] {
  const start = model.known('<s>');
  const end = model.known('</s>');
  const chosen = new Int32Array(slots.length);
  out.forEach((o, i) => (chosen[i] = o ? (slots[i]!.readings.ids[slots[i]!.readings.words.indexOf(o.choice)] ?? -1) : start));
  const word = (i: number): number | null => (i >= 0 && i < slots.length && slots[i] ? chosen[i]! : null);
  let lefts = new Float64Array(16);
  for (let i = 0; i < slots.length; i++) {
    const cands = slots[i];
    const slot = out[i];
    if (!cands || !slot || cands.readings.ids.length < 2) continue;
    const { ids, words } = cands.readings;
    const weights = cands.weights;
    const nc = ids.length;
    const v = word(i - 1);
    const u = v === null ? start : (word(i - 2) ?? start);
    const x = word(i + 1);
    const y = x === null ? null : word(i + 2);
    if (lefts.length < nc) lefts = new Float64Array(nc * 2);
    model.logProbsInto(u, v ?? start, ids, cands.readings.bigrams(v ?? start, model), lefts);
    let bestLeft = -Infinity;
    for (let k = 0; k < nc; k++) {
      lefts[k] = lefts[k]! + (weights ? weights[k]! : 0);
      if (lefts[k]! > bestLeft) bestLeft = lefts[k]!;
    }
    // a reading far behind on its left side keeps no share worth the right side's lookups
    const right = (k: number): number => {
      if (lefts[k]! < bestLeft - FAR_BEHIND) return -Infinity;
      let lp = lefts[k]! + model.logProbIds(v ?? start, ids[k]!, x ?? end);
      if (x !== null) lp += model.logProbIds(ids[k]!, x, y ?? end);
      return lp;
    };
    let best = -Infinity;
    const scores = new Float64Array(nc);
    for (let k = 0; k < nc; k++) {
      scores[k] = right(k);
      if (scores[k]! > best) best = scores[k]!;
    }
    let total = 0;
    for (let k = 0; k < nc; k++) total += Math.exp(scores[k]! - best);
    const mine = words.indexOf(slot.choice);
    slot.confidence = Math.exp((mine >= 0 ? scores[mine]! : -Infinity) - best) / total;
  }
  return out;
}
