/**
 * A frozen hash table from non-negative integer keys (below 2^53) to one or
 * two numbers, in typed arrays with open addressing. The language model's
 * n-gram keys pass 2^31, so a Map holds them as heap numbers: every lookup
 * allocates and hashes a boxed double. Here a lookup is a few array reads
 * and no allocation, which is what the decoder's hundreds of lookups per
 * syllable need.
 */
const EMPTY = -1;

export class NumberTable {
  readonly #keys: Float64Array;
  readonly #first: Float64Array;
  readonly #second: Float64Array | null;
  readonly #mask: number;

  private constructor(size: number, pairs: boolean) {
    let capacity = 16;
    while (capacity < size * 2) capacity *= 2;
    this.#keys = new Float64Array(capacity).fill(EMPTY);
    this.#first = new Float64Array(capacity);
    this.#second = pairs ? new Float64Array(capacity) : null;
    this.#mask = capacity - 1;
  }

  /** A table of counts. */
  static of(map: ReadonlyMap<number, number>): NumberTable {
    const t = new NumberTable(map.size, false);
    for (const [k, v] of map) t.#put(k, v, 0);
    return t;
  }

  /** A table of (total, types) pairs. */
  static ofPairs(map: ReadonlyMap<number, { total: number; types: number }>): NumberTable {
    const t = new NumberTable(map.size, true);
    for (const [k, v] of map) t.#put(k, v.total, v.types);
    return t;
  }

  #slot(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.#mask;
  }

  #put(key: number, a: number, b: number): void {
    let i = this.#slot(key);
    while (this.#keys[i] !== EMPTY && this.#keys[i] !== key) i = (i + 1) & this.#mask;
    this.#keys[i] = key;
    this.#first[i] = a;
    if (this.#second) this.#second[i] = b;
  }

  /** The slot holding `key`, -1 when it is absent. */
  find(key: number): number {
    let i = this.#slot(key);
    for (;;) {
      const k = this.#keys[i]!;
      if (k === key) return i;
      if (k === EMPTY) return -1;
      i = (i + 1) & this.#mask;
    }
  }

  /** The count (or total) at `key`, 0 when it is absent. */
  get(key: number): number {
    const i = this.find(key);
    return i < 0 ? 0 : this.#first[i]!;
  }

  first(slot: number): number {
    return this.#first[slot]!;
  }

  second(slot: number): number {
    return this.#second?.[slot] ?? 0;
  }
}
