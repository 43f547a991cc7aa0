/**
 * Readings each word of a decoded range still had in the decoder's beam:
 * the lattice the posteriors (lattice-posteriors.ts) sum over. A reading
 * no kept state has, or whose best kept state is far behind the best at
 * its word, takes no share worth a lookup.
 */

/**
 * A reading whose best kept state is this many nats behind the best at its
 * word is left out of the lattice. The right-hand words can still bring
 * such a reading back (the decoder keeps it for that), but a path e^-10
 * behind on its left holds a share of ~5e-5 unless they do.
 */
export const ALIVE_NATS = 10;
/** At most this many readings per word (the best first): the posteriors' states are products of them. */
export const MOST_ALIVE = 8;

export class BeamReadings {
  /** Per position of the range: where its readings start and end in `#pool` (equal: none noted, a clause boundary). */
  readonly #begin: Int32Array;
  readonly #end: Int32Array;
  #pool = new Int32Array(256);
  #size = 0;
  readonly #leftOut: Float64Array;
  /** The readings one call leaves out (scratch). */
  #skipped = new Int32Array(16);

  /**
   * `from`: the first slot of the decoded range, `length`: its slots;
   * `nats` (default ALIVE_NATS): how far behind the best a reading may be
   * and still count; `most` (default MOST_ALIVE): readings kept per word.
   */
  constructor(readonly from: number, length: number, readonly nats = ALIVE_NATS, readonly most = MOST_ALIVE) {
    this.#begin = new Int32Array(length);
    this.#end = new Int32Array(length);
    this.#leftOut = new Float64Array(length);
  }

  /**
   * The decoder's hook: at range position `i` it kept `kept` states, the
   * t-th with reading index choices[at + t] and forward score scores[t].
   * Each distinct reading is noted once, in the order the states come
   * (the decoder's best first).
   */
  note(i: number, choices: Int32Array, at: number, kept: number, scores: Float64Array): void {
    let best = -Infinity;
    for (let t = 0; t < kept; t++) if (scores[t]! > best) best = scores[t]!;
    if (this.#pool.length < this.#size + kept) {
      const grown = new Int32Array((this.#size + kept) * 2);
      grown.set(this.#pool.subarray(0, this.#size));
      this.#pool = grown;
    }
    if (this.#skipped.length < kept) this.#skipped = new Int32Array(kept * 2);
    const begin = this.#size;
    let skipped = 0;
    let alive = 0;
    let left = 0;
    for (let t = 0; t < kept; t++) {
      const c = choices[at + t]!;
      if (holds(this.#pool, begin, this.#size, c) || holds(this.#skipped, 0, skipped, c)) continue;
      // the states come best first (the readings kept beside them too), so a reading's first state is its best
      const share = Math.exp(scores[t]! - best);
      if (scores[t]! >= best - this.nats && this.#size - begin < this.most) {
        this.#pool[this.#size++] = c;
        alive += share;
      } else {
        this.#skipped[skipped++] = c;
        left += share;
      }
    }
    this.#begin[i] = begin;
    this.#end[i] = this.#size;
    this.#leftOut[i] = left / (alive + left);
  }

  /**
   * The share of the word's readings the lattice leaves out, as their best
   * states at the word weigh against the kept ones' (the words after them
   * unscored): what the lattice's posteriors are short of.
   */
  leftOut(slot: number): number {
    return this.#leftOut[slot - this.from]!;
  }

  /** How many readings were noted at slot `slot` (an index of the whole slot list; 0 when none were). */
  count(slot: number): number {
    return this.#end[slot - this.from]! - this.#begin[slot - this.from]!;
  }

  /** The k-th reading noted at slot `slot`, best first. */
  reading(slot: number, k: number): number {
    return this.#pool[this.#begin[slot - this.from]! + k]!;
  }
}

/** Whether list[from .. to) holds c. */
function holds(list: Int32Array, from: number, to: number, c: number): boolean {
  for (let k = from; k < to; k++) if (list[k] === c) return true;
  return false;
}
