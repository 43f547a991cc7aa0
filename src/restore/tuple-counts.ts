/**
 * Counts of n-grams of one order (up to 5 ids below 2^17 each) while a model
 * is trained or merged, and their frozen form: every n-gram with a count
 * left as a row of `order` ids and its count, sorted by ids. Five ids pass
 * 2^53, so a key is two numbers (all ids but the last two, and those two)
 * in an open-addressing table of typed arrays: a Map of a few million
 * n-grams would box every key.
 */
export const ID_BASE = 1 << 17;
const MAX_LOAD = 0.6;

export class TupleCounts {
  #hi: Float64Array;
  #lo: Float64Array;
  #count: Float64Array;
  #mask: number;
  #size = 0;

  constructor(readonly order: number, expected = 0) {
    let capacity = 1024;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    [this.#hi, this.#lo, this.#count] = [new Float64Array(capacity), new Float64Array(capacity), new Float64Array(capacity)];
    this.#mask = capacity - 1;
  }

  /** Adds `delta` to the n-gram `ids[at .. at + order)`; a count that falls to 0 or below is dropped when frozen. */
  add(ids: ArrayLike<number>, at: number, delta: number): void {
    let hi = 1;
    for (let j = 0; j < this.order - 2; j++) hi = hi * ID_BASE + ids[at + j]!;
    const lo = ids[at + this.order - 2]! * ID_BASE + ids[at + this.order - 1]!;
    this.#addKey(hi, lo, delta);
  }

  #addKey(hi: number, lo: number, delta: number): void {
    if (this.#size + 1 > (this.#mask + 1) * MAX_LOAD) this.#grow();
    let h = Math.imul((lo >>> 0) ^ Math.imul((lo / 4294967296) | 0, 0x9e3779b1), 0x85ebca6b) ^ Math.imul((hi >>> 0) ^ Math.imul((hi / 4294967296) | 0, 0x27d4eb2f), 0x165667b1);
    h ^= h >>> 15;
    let i = h & this.#mask;
    // hi is never 0 (a leading 1 is packed in), so 0 marks an empty slot
    while (this.#hi[i] !== 0 && (this.#hi[i] !== hi || this.#lo[i] !== lo)) i = (i + 1) & this.#mask;
    if (this.#hi[i] === 0) {
      this.#hi[i] = hi;
      this.#lo[i] = lo;
      this.#size++;
    }
    this.#count[i]! += delta;
  }

  #grow(): void {
    const [hi, lo, count] = [this.#hi, this.#lo, this.#count];
    const capacity = hi.length * 2;
    [this.#hi, this.#lo, this.#count] = [new Float64Array(capacity), new Float64Array(capacity), new Float64Array(capacity)];
    this.#mask = capacity - 1;
    this.#size = 0;
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0) this.#addKey(hi[i]!, lo[i]!, count[i]!);
  }

  /** Adds rows of a frozen form (`order` ids and a count each), ids mapped through `map` when given, times `sign`. */
  addRows(rows: Uint32Array, sign: number, map: ArrayLike<number> | null = null): void {
    const width = this.order + 1;
    const ids = new Float64Array(this.order);
    for (let r = 0; r < rows.length; r += width) {
      for (let j = 0; j < this.order; j++) ids[j] = map ? map[rows[r + j]!]! : rows[r + j]!;
      this.add(ids, 0, sign * rows[r + this.order]!);
    }
  }

  /** The n-grams with a count above 0 as rows [id × order, count], sorted by their ids left to right. */
  rows(vocabulary: number): Uint32Array {
    const width = this.order + 1;
    let n = 0;
    for (let i = 0; i < this.#hi.length; i++) if (this.#hi[i] !== 0 && this.#count[i]! > 0) n++;
    const rows = new Uint32Array(n * width);
    let r = 0;
    for (let i = 0; i < this.#hi.length; i++) {
      if (this.#hi[i] === 0 || !(this.#count[i]! > 0)) continue;
      let hi = this.#hi[i]!;
      const lo = this.#lo[i]!;
      rows[r + this.order - 1] = lo % ID_BASE;
      rows[r + this.order - 2] = Math.floor(lo / ID_BASE);
      for (let j = this.order - 3; j >= 0; j--) {
        rows[r + j] = hi % ID_BASE;
        hi = Math.floor(hi / ID_BASE);
      }
      rows[r + this.order] = this.#count[i]!;
      r += width;
    }
    return sortRows(rows, width, this.order, vocabulary);
  }
}

/** Sorts rows of `width` numbers by their first `keys` numbers (each below `vocabulary`). */
export function sortRows(rows: Uint32Array, width: number, keys: number, vocabulary: number): Uint32Array {
  const order = sortedOrder(rows, width, 0, keys, vocabulary);
  const sorted = new Uint32Array(rows.length);
  for (let i = 0; i < order.length; i++) sorted.set(rows.subarray(order[i]! * width, order[i]! * width + width), i * width);
  return sorted;
}

/**
 * The order of rows of `width` numbers sorted by the `keys` numbers from
 * offset `from` (each below `vocabulary`): a radix sort, a counting pass per
 * column from the last, a few passes over typed arrays where a comparison
 * sort of a million rows would take seconds.
 */
export function sortedOrder(rows: Uint32Array, width: number, from: number, keys: number, vocabulary: number): Uint32Array {
  const n = rows.length / width;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const buckets = new Uint32Array(vocabulary + 1);
  for (let col = from + keys - 1; col >= from; col--) {
    buckets.fill(0);
    for (let i = 0; i < n; i++) buckets[rows[i * width + col]! + 1]!++;
    for (let b = 1; b <= vocabulary; b++) buckets[b]! += buckets[b - 1]!;
    for (let i = 0; i < n; i++) {
      const row = order[i]!;
      next[buckets[rows[row * width + col]!]!++] = row;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * Kneser-Ney's continuation counts of the order below: each row (sorted
 * rows of `width` numbers, ids then a count) counts once for its last `k`
 * ids. Returns them as sorted rows [k ids, how many rows end so].
 *
 * An n-gram that starts with the sentence start `start` ("<s> xếp hạng")
 * has no word before it but "<s>" itself: its continuation count would be
 * 1 whatever its frequency, and a sentence's first words, whose n-grams of
 * the highest order are often seen once and pruned, would all look alike
 * ("xếp hạng" and "xếp hàng" at a cell's start). It counts its rows' counts
 * instead, as occurrences (KenLM's adjusted counts do the same).
 */
export function continuationRows(rows: Uint32Array, width: number, k: number, vocabulary: number, start = -1): Uint32Array {
  const from = width - 1 - k;
  const order = sortedOrder(rows, width, from, k, vocabulary);
  const out = new Uint32Array(order.length * (k + 1));
  let m = -1;
  for (let i = 0; i < order.length; i++) {
    const r = order[i]! * width + from;
    let same = m >= 0;
    for (let j = 0; same && j < k; j++) same = out[m * (k + 1) + j] === rows[r + j];
    if (!same) {
      m++;
      for (let j = 0; j < k; j++) out[m * (k + 1) + j] = rows[r + j]!;
    }
    out[m * (k + 1) + k]! += rows[r]! === start ? rows[order[i]! * width + width - 1]! : 1;
  }
  return out.slice(0, (m + 1) * (k + 1));
}
