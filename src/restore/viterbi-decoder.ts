import type { DocumentCache } from './document-cache.js';
import type { NgramModel } from './ngram-model.js';
import { BeamReadings } from './beam-readings.js';
import { withPosteriors } from './decoded-posteriors.js';
import type { Semiring } from './lattice-posteriors.js';
import type { DecodedSlot, Slot } from './decode-slots.js';

export { Readings, type DecodedSlot, type Slot } from './decode-slots.js';

/** How many best histories are kept at each position. */
const BEAM = 12;
/**
 * With an order-4 model, states this many nats behind the best at a word
 * are dropped from the beam. On the 34 stripped realdev texts and seeds
 * (82k words) the order-4 model's output differs from keeping all BEAM
 * states by 1 word at 8 nats (29 at 5), and most states are that far
 * behind: 8 is where the speed is. The trigram keeps every state: with the
 * cut it got 14 more of those words wrong (986 against 972), and it is
 * fast enough without.
 */
const BEAM_NATS = 8;
/** The beam cut for a model of this order (Infinity: none). */
const beamNats = (order: number): number => (order >= 4 ? BEAM_NATS : Infinity);

/**
 * A word's confidence: its reading's max-marginal over the beam's lattice
 * (the best whole path through it, against the best through each other
 * reading). Leaving each realdev text and seed plan out in turn (54k words
 * scored), it was better calibrated than the sum over paths (Brier 0.01379
 * against 0.01398) and, as the document cache's gate, restored 10 words
 * more right (BENCHMARKS.md "Diacritic restoration", 2026-12-03 evening).
 */
const CONFIDENCE: Semiring = 'max';

/** How the beam is kept (see decode). */
export interface DecodeOptions {
  /**
   * Besides the BEAM best states, the best state of up to this many other
   * readings of the word (each reading not among the BEAM best, best first)
   * is kept too. 0: the BEAM best only.
   */
  readingsKept?: number;
}

/**
 * Scratch arrays that grow to the largest slot seen and are reused: the
 * decoder's inner loop allocates nothing per state.
 */
class Scratch {
  lm = new Float64Array(64);
  score: Float64Array;
  back: Int32Array;
  seq: Int32Array;
  /** Per group of states with the same last order − 2 words: the lower order's probabilities, and their logs. */
  lower: Float64Array;
  logLower: Float64Array;
  /** Per group: 0 nothing computed yet, 1 lower, 2 lower and its logs. */
  done: Uint8Array;
  /** Per reading: the best state's index among the slot's states (-1: none), and whether it is among the kept. */
  bestOf = new Int32Array(64);
  keptReading = new Uint8Array(64);
  /** `width`: the most states kept at a position. */
  constructor(readonly width: number) {
    [this.score, this.back, this.seq, this.lower, this.logLower] = [new Float64Array(64 * width), new Int32Array(64 * width), new Int32Array(64 * width), new Float64Array(64 * width), new Float64Array(64 * width)];
    this.done = new Uint8Array(width);
  }
  fit(n: number): void {
    const w = this.width;
    if (this.lm.length < n) [this.lm, this.bestOf, this.keptReading] = [new Float64Array(n * 2), new Int32Array(n * 2), new Uint8Array(n * 2)];
    if (this.score.length < n * w) [this.score, this.back, this.seq, this.lower, this.logLower] = [new Float64Array(n * 2 * w), new Int32Array(n * 2 * w), new Int32Array(n * 2 * w), new Float64Array(n * 2 * w), new Float64Array(n * 2 * w)];
  }
}

/**
 * Picks one reading per slot so that the whole sequence is most probable
 * under the n-gram model times the slot's weights (log-probability that
 * reading k was written as what was observed; 0 when absent), by Viterbi
 * with a beam. `null` slots are clause boundaries: the context starts again
 * after them, so each clause is decided on its own.
 *
 * With a document cache, the confident word pairs of this decoding are
 * added to it, and each clause with a word decoded less sure than the
 * cache's `confidence` is decoded again with the cache interpolated into
 * the model: what the rest of the document wrote decides it.
 *
 * `options.readingsKept` widens the beam by the best state of that many
 * other readings of each word: where slot weights put readings far apart
 * (the OCR channel), a reading behind at its own word survives until the
 * next word, which may decide for it, is scored.
 */
export function decode(slots: readonly (Slot | null)[], model: NgramModel, cache: DocumentCache | null = null, options: DecodeOptions = {}): (DecodedSlot | null)[] {
  const n = slots.length;
  const out: (DecodedSlot | null)[] = new Array(n).fill(null);
  const extra = Math.max(0, Math.floor(options.readingsKept ?? 0));
  // the readings each word kept in the beam: the lattice its confidence is a share of
  let beam = new BeamReadings(0, n);
  viterbi(slots, 0, n, model, null, out, extra, beam);
  const ids = chosenIds(out, slots, model, 0, n);
  withPosteriors(out, slots, model, null, 0, n, beam, CONFIDENCE);
  if (!cache) return out;
  for (let i = 1; i < n; i++) if (out[i - 1] && out[i] && out[i - 1]!.confidence >= cache.confidence && out[i]!.confidence >= cache.confidence) cache.add(ids[i - 1]!, ids[i]!);
  if (!cache.size) return out;
  for (let a = 0; a < n; ) {
    let b = a;
    let unsure = false;
    // only a word the decoder was unsure of, with another reading the document wrote elsewhere, can change
    for (; b < n && slots[b]; b++) if (!unsure && out[b] && out[b]!.confidence < cache.confidence) unsure = otherReadingCached(slots[b]!, ids[b]!, cache);
    if (unsure) {
      beam = new BeamReadings(a, Math.min(b + 1, n) - a);
      viterbi(slots, a, Math.min(b + 1, n), model, cache, out, extra, beam);
      ids.set(chosenIds(out, slots, model, a, b), a);
      withPosteriors(out, slots, model, cache, a, b, beam, CONFIDENCE);
    }
    a = b + 1;
  }
  return out;
}

/**
 * Viterbi over slots [from, to) (from just after a clause boundary), each
 * chosen reading written into `out` with confidence 1.
 *
 * A state is (previous word, this word); within a slot the reading's index
 * stands for the word (an unseen one too). The beam's states live in typed
 * arrays, the lattice in two flat arrays of back pointers and choices.
 * Ties keep the state made first, as a stable sort of the states in the
 * order they were made would.
 */
function viterbi(slots: readonly (Slot | null)[], from: number, to: number, model: NgramModel, cache: DocumentCache | null, out: (DecodedSlot | null)[], extra = 0, beam: BeamReadings | null = null): void {
  const start = model.known('<s>');
  const end = model.known('</s>');
  const n = to - from;
  const cut = beamNats(model.order);
  // at most W states per position: the BEAM best and the best of `extra` other readings
  const W = BEAM + extra;
  // the lattice: W entries per position
  const backs = new Int32Array(n * W);
  const choices = new Int32Array(n * W);
  // the frontier: its states' last words (t, u, v; t read by an order-4 model only) and scores
  let ft = new Int32Array(W);
  let fu = new Int32Array(W);
  let fv = new Int32Array(W);
  let fs = new Float64Array(W);
  let nt = new Int32Array(W);
  let nu = new Int32Array(W);
  let nv = new Int32Array(W);
  let ns = new Float64Array(W);
  ft[0] = fu[0] = fv[0] = start;
  fs[0] = 0;
  let size = 1;
  // a new state is its last order − 1 words: states whose last order − 2 words agree share a group
  const four = model.order === 4;
  const prevs = new Int32Array(W);
  const prevsU = new Int32Array(W);
  const prevOf = new Int32Array(W);
  const top = new Int32Array(W);
  const scratch = new Scratch(W);
  for (let i = 0; i < n; i++) {
    const slot = slots[from + i];
    const at = i * W;
    if (!slot) {
      // clause end: keep the best history, restart the context
      const b = firstBest(fs, size);
      fs[0] = fs[b]! + model.logProbIds(ft[b]!, fu[b]!, fv[b]!, end);
      ft[0] = fu[0] = fv[0] = start;
      backs[at] = b;
      choices[at] = -1;
      size = 1;
      continue;
    }
    const ids = slot.readings.ids;
    const weights = slot.weights;
    const nc = ids.length;
    scratch.fit(nc);
    // the distinct previous words (order 4: pairs) of the frontier: states are (previous words, reading)
    let np = 0;
    for (let s = 0; s < size; s++) {
      let j = 0;
      while (j < np && (prevs[j] !== fv[s] || (four && prevsU[j] !== fu[s]))) j++;
      if (j === np) [prevs[np], prevsU[np++]] = [fv[s]!, fu[s]!];
      prevOf[s] = j;
    }
    const { lm, score, back, seq, lower, logLower, done } = scratch;
    seq.fill(-1, 0, np * nc);
    done.fill(0, 0, np);
    let made = 0;
    for (let s = 0; s < size; s++) {
      // language model × channel: how likely the word, and how likely it was read as what we see;
      // the orders below the highest are the same for the whole group, and so is the result where the state's own context was never seen
      const g = prevOf[s]!;
      const base = g * nc;
      if (!done[g]) {
        model.lowerProbsInto(fu[s]!, fv[s]!, ids, slot.readings.bigrams(fv[s]!, model), lower, base);
        done[g] = 1;
      }
      const ctx = model.topContext(ft[s]!, fu[s]!, fv[s]!);
      let src: Float64Array = lm;
      let off = 0;
      if (ctx >= 0) model.topLogProbsInto(ctx, ids, lower, base, lm);
      else {
        if (done[g] === 1) {
          for (let k = 0; k < nc; k++) logLower[base + k] = Math.log(lower[base + k]!);
          done[g] = 2;
        }
        if (cache) for (let k = 0; k < nc; k++) lm[k] = logLower[base + k]!;
        else {
          src = logLower;
          off = base;
        }
      }
      if (cache) cache.mix(fv[s]!, ids, lm);
      const score0 = fs[s]!;
      for (let c = 0; c < nc; c++) {
        const sc = score0 + src[off + c]! + (weights ? weights[c]! : 0);
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
    // states this far behind the best are dropped: they cost lookups at every later word and almost never win
    while (kept > 1 && score[top[kept - 1]!]! < score[top[0]!]! - cut) kept--;
    // a reading behind at its own word may be the one the next words need ("dit" read "dứt" by the channel,
    // "dữ" far behind until "liệu" follows): the best state of each other reading is kept too, the best first
    if (extra && nc > 1) kept = keepReadings(scratch, top, kept, np, nc, extra, score[top[0]!]! - cut);
    for (let t = 0; t < kept; t++) {
      const k = top[t]!;
      const c = k % nc;
      nt[t] = prevsU[(k - c) / nc]!;
      nu[t] = prevs[(k - c) / nc]!;
      nv[t] = ids[c]!;
      ns[t] = score[k]!;
      backs[at + t] = back[k]!;
      choices[at + t] = c;
    }
    beam?.note(i, choices, at, kept, ns);
    [ft, nt] = [nt, ft];
    [fu, nu] = [nu, fu];
    [fv, nv] = [nv, fv];
    [fs, ns] = [ns, fs];
    size = kept;
  }
  // trace back
  let idx = firstBest(fs, size);
  for (let i = n - 1; i >= 0; i--) {
    const slot = slots[from + i];
    const choice = choices[i * W + idx]!;
    if (slot && choice >= 0) out[from + i] = { choice: slot.readings.words[choice] ?? '', confidence: 1 };
    idx = backs[i * W + idx]!;
  }
}

/**
 * Adds to the `kept` states in `top` (the best, best first) the best state of
 * each reading none of them has, up to `extra` of them, best first (ties: the
 * one made first), none below `floor`. Returns how many states are kept.
 */
function keepReadings(scratch: Scratch, top: Int32Array, kept: number, np: number, nc: number, extra: number, floor: number): number {
  const { score, seq, bestOf, keptReading } = scratch;
  keptReading.fill(0, 0, nc);
  for (let t = 0; t < kept; t++) keptReading[top[t]! % nc] = 1;
  bestOf.fill(-1, 0, nc);
  for (let k = 0; k < np * nc; k++) {
    const c = k % nc;
    if (keptReading[c] || seq[k]! < 0 || score[k]! < floor) continue;
    const b = bestOf[c]!;
    if (b < 0 || ahead(score[k]!, seq[k]!, score[b]!, seq[b]!)) bestOf[c] = k;
  }
  // the candidates, best first, by insertion after the kept states
  const end = kept;
  for (let c = 0; c < nc; c++) {
    const k = bestOf[c]!;
    if (k < 0) continue;
    if (kept - end === extra && !ahead(score[k]!, seq[k]!, score[top[kept - 1]!]!, seq[top[kept - 1]!]!)) continue;
    let p = kept - end < extra ? kept++ : kept - 1;
    while (p > end && ahead(score[k]!, seq[k]!, score[top[p - 1]!]!, seq[top[p - 1]!]!)) {
      top[p] = top[p - 1]!;
      p--;
    }
    top[p] = k;
  }
  return kept;
}

/** Whether a reading other than the chosen one (id `chosen`) is in one of the cache's pairs. */
function otherReadingCached(slot: Slot, chosen: number, cache: DocumentCache): boolean {
  for (const id of slot.readings.ids) if (id !== chosen && cache.has(id)) return true;
  return false;
}

/** The chosen word's id at each position of [from, to), -2 at a clause boundary (no context across it). */
function chosenIds(out: readonly (DecodedSlot | null)[], slots: readonly (Slot | null)[], model: NgramModel, from: number, to: number): Int32Array {
  const start = model.known('<s>');
  const chosen = new Int32Array(to - from);
  for (let i = from; i < to; i++) {
    const o = out[i];
    chosen[i - from] = !slots[i] ? -2 : o ? model.known(o.choice) : start;
  }
  return chosen;
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
