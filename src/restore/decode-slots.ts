import type { NgramModel } from './ngram-model.js';

// What the decoder reads and writes, one slot a word (see viterbi-decoder.ts).

/** The decoder's answer for one word. */
export interface DecodedSlot {
  choice: string;
  /** The chosen reading's share of the decoder's lattice at this word (decoded-posteriors.ts): its max-marginal against the word's other readings. */
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
