/**
 * A hash table from non-negative integer keys (below 2^53) to one or two
 * numbers, in typed arrays with open addressing. The language model's
 * n-gram keys pass 2^31, so a Map holds them as heap numbers: every lookup
 * allocates and hashes a boxed double, and a million entries cost tens of
 * MB and most of a second to build. Here a lookup is a few array reads and
 * no allocation, which is what the decoder's hundreds of lookups per
 * syllable need. Built by add() (which grows the arrays), then only read.
 */
/** Keys are stored plus one, so a fresh (zeroed) array is all empty slots and needs no fill. */
const EMPTY = 0;
/** Grow past this share of slots in use: linear probing stays short below it. */
const MAX_LOAD = 0.6;

export class NumberTable {
  #keys: Float64Array;
  #first: Float64Array;
  #second: Float64Array | null;
  #mask: number;
  #size = 0;

  /** An empty table of one number (counts) or two (pairs) per key, with room for about `expected` keys. */
  constructor(pairs: boolean, expected = 0) {
    let capacity = 16;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.#keys = new Float64Array(capacity);
    this.#first = new Float64Array(capacity);
    this.#second = pairs ? new Float64Array(capacity) : null;
    this.#mask = capacity - 1;
  }

  get size(): number {
    return this.#size;
  }

  #slot(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.#mask;
  }

  /** Adds `a` (and `b`) to the numbers at `key`, making the entry when it is new; returns its slot (valid until the table grows). */
  add(key: number, a: number, b = 0): number {
    if ((this.#size + 1) > (this.#mask + 1) * MAX_LOAD) this.#grow();
    const stored = key + 1;
    let i = this.#slot(key);
    while (this.#keys[i] !== EMPTY && this.#keys[i] !== stored) i = (i + 1) & this.#mask;
    if (this.#keys[i] === EMPTY) {
      this.#keys[i] = stored;
      this.#size++;
    }
    this.#first[i]! += a;
    if (this.#second) this.#second[i]! += b;
    return i;
  }

  #grow(): void {
    const [keys, first, second] = [this.#keys, this.#first, this.#second];
    const capacity = keys.length * 2;
    this.#keys = new Float64Array(capacity);
    this.#first = new Float64Array(capacity);
    this.#second = second ? new Float64Array(capacity) : null;
    this.#mask = capacity - 1;
    this.#size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) this.add(keys[i]! - 1, first[i]!, second?.[i] ?? 0);
  }

  /** Calls `fn` for every entry, in slot order. */
  forEach(fn: (key: number, first: number, second: number) => void): void {
    for (let i = 0; i < this.#keys.length; i++) if (this.#keys[i] !== EMPTY) fn(this.#keys[i]! - 1, this.#first[i]!, this.#second?.[i] ?? 0);
  }

  /** The slot holding `key`, -1 when it is absent. */
  find(key: number): number {
    const stored = key + 1;
    let i = this.#slot(key);
    for (;;) {
      const k = this.#keys[i]!;
      if (k === stored) return i;
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
