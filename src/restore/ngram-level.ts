/**
 * One order of the language model's lookup tables in compressed-row form:
 * the contexts kept, each with its back-off weight and the range of its
 * n-grams, and the n-grams as two flat columns (the last word's id, sorted
 * within the context, and its discounted share (c − D) / total). Built
 * from sorted rows in one pass, with no per-n-gram hashing (a hash entry
 * per n-gram made loading an order-4 model take over a second); a context
 * is found by one hash lookup, a word under it by a short scan or a binary
 * search of a few ids, and every candidate reading of a word is looked up
 * under the same context.
 */
import { codebook, quantize } from './quantize.js';

/** Fewer ids than this under a context are scanned; more are searched. */
const SCAN = 12;

export class NgramLevel {
  /**
   * @param keys the contexts' packed ids in order, null for order 2 (whose context is the previous word's id itself)
   * @param start where each context's n-grams start (one more entry: the end)
   * @param back each context's back-off weight (the discounted mass over the total; 1 for a context with no n-gram)
   * @param words each n-gram's last id
   * @param probs each n-gram's discounted share
   * @param codes the 8-bit codes and codebooks `back` and `probs` were read from, when quantized
   */
  constructor(
    readonly keys: Float64Array | null,
    readonly start: Uint32Array,
    readonly back: Float32Array,
    readonly words: Int32Array,
    readonly probs: Float32Array,
    readonly codes: LevelCodes | null = null,
    readonly index: KeyIndex | null = keys ? new KeyIndex(keys) : null,
  ) {}

  /** The same level with its shares and back-off weights on 8-bit codebooks of their own. */
  quantized(): NgramLevel {
    const shareBook = codebook(this.probs);
    const backBook = codebook(this.back);
    const codes = { share: quantize(this.probs, shareBook), shareBook, back: quantize(this.back, backBook), backBook };
    return NgramLevel.fromCodes(this.keys, this.start, this.words, codes, this.index);
  }

  /** A level whose shares and back-off weights are codes into codebooks (a compiled model file's). */
  static fromCodes(keys: Float64Array | null, start: Uint32Array, words: Int32Array, codes: LevelCodes, index = keys ? new KeyIndex(keys) : null): NgramLevel {
    const probs = new Float32Array(codes.share.length);
    for (let i = 0; i < probs.length; i++) probs[i] = codes.shareBook[codes.share[i]!]!;
    const back = new Float32Array(codes.back.length);
    for (let i = 0; i < back.length; i++) back[i] = codes.backBook[codes.back[i]!]!;
    return new NgramLevel(keys, start, back, words, probs, codes, index);
  }

  /** How many n-grams (and contexts) the level holds. */
  get size(): number {
    return this.words.length;
  }

  get contexts(): number {
    return this.back.length;
  }

  /** The context's number for its packed ids (order 2: the word id), -1 when it has no n-gram. */
  context(key: number): number {
    if (!this.index) return key >= 0 && key < this.back.length && this.start[key + 1]! > this.start[key]! ? key : -1;
    return this.index.find(key);
  }

  /** The discounted share of `w` under context `c` (0 when not kept): P(w | c) = share + back(c) · P(w | shorter context). */
  share(c: number, w: number): number {
    const i = this.position(c, w);
    return i < 0 ? 0 : this.probs[i]!;
  }

  /** Whether `w` is kept under context `c`. */
  has(c: number, w: number): boolean {
    return this.position(c, w) >= 0;
  }

  /** Where `w` is among context `c`'s n-grams, -1 when not kept. */
  position(c: number, w: number): number {
    let lo = this.start[c]!;
    let hi = this.start[c + 1]!;
    const words = this.words;
    if (hi - lo <= SCAN) {
      for (; lo < hi; lo++) if (words[lo] === w) return lo;
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = words[mid]!;
      if (x === w) return mid;
      if (x < w) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }
}

/** What a compiled model file holds of a model besides its counts: see NgramModel.tables(). */
export interface CompiledTables {
  uni: Float64Array<ArrayBuffer>;
  /** Order 2, (order 3,) the highest order. */
  levels: NgramLevel[];
  /** The discounts of orders 2 and up, for the model card. */
  discounts: [number, number, number][];
}

/** A quantized level's codes: a byte per n-gram and per context, and the codebooks they index. */
export interface LevelCodes {
  share: Uint8Array;
  shareBook: Float32Array;
  back: Uint8Array;
  backBook: Float32Array;
}

/** Keep the hash at most half full: probes stay short. */
const LOAD = 0.5;

/**
 * Packed context ids (non-negative integers below 2^53) → their number, in
 * an open-addressing table of typed arrays, built once from keys that are
 * all distinct and then only read.
 */
export class KeyIndex {
  /** Slot i holds a key at 2i (-1: empty) and its number at 2i + 1: one cache line for both. */
  readonly #slots: Float64Array;
  readonly #mask: number;

  constructor(keys: Float64Array) {
    let capacity = 16;
    while (capacity * LOAD < keys.length) capacity *= 2;
    this.#slots = new Float64Array(capacity * 2).fill(-1);
    this.#mask = capacity - 1;
    for (let n = 0; n < keys.length; n++) {
      const key = keys[n]!;
      let i = this.#slot(key);
      while (this.#slots[2 * i] !== -1) i = (i + 1) & this.#mask;
      this.#slots[2 * i] = key;
      this.#slots[2 * i + 1] = n;
    }
  }

  #slot(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.#mask;
  }

  /** The number of `key`, -1 when absent. */
  find(key: number): number {
    let i = this.#slot(key);
    for (;;) {
      const k = this.#slots[2 * i]!;
      if (k === key) return this.#slots[2 * i + 1]!;
      if (k === -1) return -1;
      i = (i + 1) & this.#mask;
    }
  }
}
