/**
 * The decoder's side of the lattice posteriors (lattice-posteriors.ts):
 * its words' readings kept in the beam, scored as the decoder scored them,
 * and each chosen word's share written as its confidence.
 */
import type { BeamReadings } from './beam-readings.js';
import type { DecodedSlot, Slot } from './decode-slots.js';
import type { DocumentCache } from './document-cache.js';
import { segmentPosteriors, type LatticeScorer, type Semiring } from './lattice-posteriors.js';
import type { NgramModel } from './ngram-model.js';

/**
 * States a word's posterior may sum over at most (the readings of the last
 * order − 1 words multiplied); a word whose readings would exceed it keeps
 * its best ones (the chosen one always). Order 4 with 4 readings at each
 * of three words is 64.
 */
export const MOST_STATES = 64;

/** The decoder's scores over one clause starting at slot `from`: the model (with the cache, when decoding with it) times the slot's weights. */
class ModelScorer implements LatticeScorer {
  readonly history: number;
  readonly #start: number;
  readonly #end: number;
  #lm = new Float64Array(16);
  #bi = new Float64Array(16);
  readonly #ids: Int32Array[] = [];
  constructor(readonly model: NgramModel, readonly slots: readonly (Slot | null)[], readonly cache: DocumentCache | null, readonly from: number) {
    this.history = Math.min(3, model.order - 1);
    this.#start = model.known('<s>');
    this.#end = model.known('</s>');
  }
  id(i: number, c: number): number {
    return i < 0 ? this.#start : this.slots[this.from + i]!.readings.ids[c]!;
  }
  scores(i: number, t: number, u: number, v: number, alive: Int32Array, out: Float64Array, at: number): void {
    const slot = this.slots[this.from + i]!;
    const { ids } = slot.readings;
    const n = alive.length;
    if (this.#lm.length < n) [this.#lm, this.#bi] = [new Float64Array(n * 2), new Float64Array(n * 2)];
    let sub = this.#ids[i];
    if (!sub) this.#ids[i] = sub = Int32Array.from(alive, (c) => ids[c]!);
    const bigrams = slot.readings.bigrams(v, this.model);
    for (let k = 0; k < n; k++) this.#bi[k] = bigrams[alive[k]!]!;
    this.model.logProbsInto(t, u, v, sub, this.#bi, this.#lm);
    for (let k = 0; k < n; k++) {
      // the cache's share is among all the slot's readings, as the decoder mixed it
      const lm = this.cache ? this.cache.mixOne(v, sub[k]!, ids, this.#lm[k]!) : this.#lm[k]!;
      out[at + k] = lm + (slot.weights ? slot.weights[alive[k]!]! : 0);
    }
  }
  end(t: number, u: number, v: number): number {
    return this.model.logProbIds(t, u, v, this.#end);
  }
}

/**
 * Sets each decoded word's confidence (slots [from, to), decoded with
 * `cache` or without) to its share of the lattice of the readings the
 * beam kept (`beam`), clause by clause: its posterior (`semiring` 'sum',
 * the default) or its max-marginal ('max'), times 1 − the share of the
 * readings the beam kept but the lattice left out (BeamReadings.leftOut).
 * A word with one reading left in the lattice gets that factor alone; the
 * chosen reading is always in it. Words apart by `order − 1` words with
 * one reading are independent: only the runs between are scored.
 */
export function withPosteriors(out: (DecodedSlot | null)[], slots: readonly (Slot | null)[], model: NgramModel, cache: DocumentCache | null, from: number, to: number, beam: BeamReadings, semiring: Semiring = 'sum'): void {
  for (let a = from; a < to; ) {
    let b = a;
    while (b < to && slots[b]) b++;
    if (b > a) clausePosteriors(out, slots, model, cache, a, b, beam, semiring);
    a = b + 1;
  }
}

function clausePosteriors(out: (DecodedSlot | null)[], slots: readonly (Slot | null)[], model: NgramModel, cache: DocumentCache | null, a: number, b: number, beam: BeamReadings, semiring: Semiring): void {
  const m = b - a;
  const h = Math.min(3, model.order - 1);
  const alive: Int32Array[] = new Array(m);
  const chosen = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const slot = slots[a + i]!;
    const words = slot.readings.words;
    chosen[i] = words.length < 2 ? 0 : words.indexOf(out[a + i]?.choice ?? '');
    const noted = words.length < 2 ? 0 : beam.count(a + i);
    // most words keep one reading, the chosen one: no array of their own
    if (chosen[i]! < 0 || noted === 0 || (noted === 1 && beam.reading(a + i, 0) === chosen[i])) alive[i] = one(Math.max(0, chosen[i]!));
    else alive[i] = aliveWith(beam, a + i, chosen[i]!, stateRoom(alive, i, h));
  }
  const scorer = new ModelScorer(model, slots, cache, a);
  // the clause's end is scored where the decoder scored it: before a boundary, not at the end of what it decoded
  const ends = b < slots.length;
  for (let i = 0; i < m; ) {
    if (alive[i]!.length === 1) {
      if (out[a + i] && slots[a + i]!.readings.words.length > 1) out[a + i]!.confidence = 1 - beam.leftOut(a + i);
      i++;
      continue;
    }
    // a run from an unsure word until order − 1 sure ones in a row (or the clause's end) fix the state again
    let q = i + 1;
    for (let sure = 0; q < m && sure < h; q++) sure = alive[q]!.length === 1 ? sure + 1 : 0;
    const post = segmentPosteriors(scorer, alive, i, q, ends && q === m, semiring);
    for (let j = i; j < q; j++) {
      const o = out[a + j];
      const k = alive[j]!.indexOf(chosen[j]!);
      if (o && slots[a + j]!.readings.words.length > 1 && k >= 0) o.confidence = post.shares[post.at[j - i]! + k]! * (1 - beam.leftOut(a + j));
    }
    i = q;
  }
}

/** How many readings position i may keep so that no state holds more than MOST_STATES (the h − 1 positions before it multiplied). */
function stateRoom(alive: readonly Int32Array[], i: number, h: number): number {
  let before = 1;
  for (let j = Math.max(0, i - h + 1); j < i; j++) before *= alive[j]!.length;
  return Math.max(1, Math.floor(MOST_STATES / before));
}

/** The beam's readings of a word, at most `room` of them, the chosen one among them (first when the beam did not keep it). */
function aliveWith(beam: BeamReadings, slot: number, chosen: number, room: number): Int32Array {
  const n = beam.count(slot);
  let has = -1;
  for (let k = 0; k < n && has < 0; k++) if (beam.reading(slot, k) === chosen) has = k;
  if (has >= 0 && has < room) return Int32Array.from({ length: Math.min(room, n) }, (_, k) => beam.reading(slot, k));
  const out = new Int32Array(Math.min(room, n + (has >= 0 ? 0 : 1)));
  out[0] = chosen;
  for (let k = 0, j = 1; j < out.length; k++) if (beam.reading(slot, k) !== chosen) out[j++] = beam.reading(slot, k);
  return out;
}

/** One reading's lattice, shared: most words have one. */
const ONE = Array.from({ length: 64 }, (_, c) => Int32Array.of(c));
const one = (c: number): Int32Array => ONE[c] ?? Int32Array.of(c);
