/**
 * A syllable trigram language model with interpolated Kneser-Ney smoothing
 * (Chen & Goodman's formulation, one discount for every order). Tokens are
 * interned to integers and n-grams packed into numeric keys, so a lookup is
 * a few Map reads: the decoder makes hundreds per syllable. Serialized as
 * trigram counts (JSON), from which the smoothing tables are rebuilt.
 */
import { NumberTable } from './number-table.js';
import { SurfaceForms, type SurfaceFormCounts } from './surface-forms.js';

const DISCOUNT = 0.75;
/** Packing base: ids stay below 2^17, so a trigram key stays below 2^51. */
const BASE = 1 << 17;

export interface NgramCounts {
  version: 1;
  /** Trigram counts c(u v w), the tokens joined by U+0001. */
  tri: [string, number][];
  /** Training tokens seen, for reports. */
  tokens: number;
  /** How often each comparison sign stood before a figure ("≥60%", "> 40"): the prior for signs an OCR confuses. */
  comparators?: Record<string, number>;
  /** Capitalisation and abbreviation spellings (see SurfaceForms). */
  forms?: SurfaceFormCounts;
}

interface Context {
  total: number;
  types: number;
}

export class NgramModel {
  readonly #ids = new Map<string, number>();
  readonly #words: string[] = [];
  readonly #tri = new Map<number, number>();
  readonly #ctxTri = new Map<number, Context>(); // c(u v ·), N1+(u v ·)
  readonly #contBi = new Map<number, number>(); // N1+(· v w)
  readonly #ctxContBi = new Map<number, Context>(); // Σ_w N1+(· v w), N1+(v ·)
  readonly #contUni = new Map<number, number>(); // N1+(· w)
  #contUniTotal = 0;
  /** The lookup tables the decoder reads, frozen by finish(): the Maps above are for counting. */
  #triT = NumberTable.of(new Map());
  #ctxTriT = NumberTable.ofPairs(new Map());
  #contBiT = NumberTable.of(new Map());
  #ctxContBiTotal = new Float64Array(0);
  #ctxContBiTypes = new Float64Array(0);
  #contUniA = new Float64Array(0);
  #liveA = new Uint8Array(0);
  /** Ids with a count left: a word whose counts were all taken away (merge -1) is unknown again. */
  readonly #live = new Set<number>();
  #tokens = 0;
  readonly #comparators = new Map<string, number>();
  /** What lower-casing forgets: capitals of names, Đ of abbreviations. */
  readonly forms = new SurfaceForms();

  /** Counts one comparison sign printed before a figure. */
  addComparator(sign: string): void {
    this.#comparators.set(sign, (this.#comparators.get(sign) ?? 0) + 1);
  }

  /** How often the training text printed `sign` before a figure. */
  comparatorCount(sign: string): number {
    return this.#comparators.get(sign) ?? 0;
  }

  /** The integer id of a token (new tokens get one; past the packing limit they share the last). */
  id(token: string): number {
    let id = this.#ids.get(token);
    if (id === undefined) {
      id = Math.min(this.#words.length, BASE - 1);
      if (id === this.#words.length) {
        this.#ids.set(token, id);
        this.#words.push(token);
      }
    }
    return id;
  }

  /** Adds one sentence (tokens without boundaries). */
  addSentence(tokens: readonly string[]): void {
    const seq = ['<s>', '<s>', ...tokens, '</s>'].map((t) => this.id(t));
    for (let i = 2; i < seq.length; i++) {
      const k = ((seq[i - 2] ?? 0) * BASE + (seq[i - 1] ?? 0)) * BASE + (seq[i] ?? 0);
      this.#tri.set(k, (this.#tri.get(k) ?? 0) + 1);
    }
    this.#tokens += tokens.length;
  }

  /** Recomputes the smoothing tables; call after adding sentences. */
  finish(): this {
    for (const m of [this.#ctxTri, this.#contBi, this.#ctxContBi, this.#contUni]) m.clear();
    this.#live.clear();
    this.#contUniTotal = 0;
    for (const [k, c] of this.#tri) {
      const w = k % BASE;
      const uv = (k - w) / BASE;
      const v = uv % BASE;
      this.#live.add(w).add(v).add((uv - v) / BASE);
      const ctx = this.#ctxTri.get(uv) ?? { total: 0, types: 0 };
      ctx.total += c;
      ctx.types += 1;
      this.#ctxTri.set(uv, ctx);
      const vw = v * BASE + w;
      this.#contBi.set(vw, (this.#contBi.get(vw) ?? 0) + 1);
    }
    for (const [vw, n] of this.#contBi) {
      const w = vw % BASE;
      const v = (vw - w) / BASE;
      const ctx = this.#ctxContBi.get(v) ?? { total: 0, types: 0 };
      ctx.total += n;
      ctx.types += 1;
      this.#ctxContBi.set(v, ctx);
      this.#contUni.set(w, (this.#contUni.get(w) ?? 0) + 1);
      this.#contUniTotal += 1;
    }
    this.#triT = NumberTable.of(this.#tri);
    this.#ctxTriT = NumberTable.ofPairs(this.#ctxTri);
    this.#contBiT = NumberTable.of(this.#contBi);
    const n = this.#words.length;
    [this.#ctxContBiTotal, this.#ctxContBiTypes, this.#contUniA] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    for (const [v, c] of this.#ctxContBi) [this.#ctxContBiTotal[v], this.#ctxContBiTypes[v]] = [c.total, c.types];
    for (const [w, c] of this.#contUni) this.#contUniA[w] = c;
    this.#liveA = new Uint8Array(n);
    for (const id of this.#live) this.#liveA[id] = 1;
    return this;
  }

  /** log P(w | u v) by token ids (-1: a token never seen), interpolated down to a uniform floor over `vocabulary` words. */
  logProbIds(u: number, v: number, w: number, vocabulary = 20000): number {
    return this.logProbsIds(u, v, [w], this.bigramProbs(v, [w], vocabulary))[0]!;
  }

  /**
   * P(w | v) for each w, interpolated with the continuation unigram (a
   * probability, not a log): every history that ends in v shares it, so the
   * decoder computes it once per slot and previous word.
   */
  bigramProbs(v: number, ws: readonly number[], vocabulary = 20000): Float64Array {
    const out = new Float64Array(ws.length);
    const total = v >= 0 ? (this.#ctxContBiTotal[v] ?? 0) : 0;
    const types = v >= 0 ? (this.#ctxContBiTypes[v] ?? 0) : 0;
    const floor = 1 / vocabulary;
    const norm = this.#contUniTotal + 1;
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      const uni = ((w >= 0 ? (this.#contUniA[w] ?? 0) : 0) + floor) / norm;
      out[i] = total > 0 ? Math.max((w >= 0 ? this.#contBiT.get(v * BASE + w) : 0) - DISCOUNT, 0) / total + ((DISCOUNT * types) / total) * uni : uni;
    }
    return out;
  }

  /** log P(w | u v) for each w, given their P(w | v) from bigramProbs: the trigram context is looked up once. */
  logProbsIds(u: number, v: number, ws: readonly number[], bi: Float64Array): Float64Array {
    const out = new Float64Array(ws.length);
    const slot = u >= 0 && v >= 0 ? this.#ctxTriT.find(u * BASE + v) : -1;
    if (slot < 0) {
      for (let i = 0; i < ws.length; i++) out[i] = Math.log(bi[i]!);
      return out;
    }
    const total = this.#ctxTriT.first(slot);
    const back = (DISCOUNT * this.#ctxTriT.second(slot)) / total;
    const base = (u * BASE + v) * BASE;
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      const c = w >= 0 ? this.#triT.get(base + w) : 0;
      out[i] = Math.log(Math.max(c - DISCOUNT, 0) / total + back * bi[i]!);
    }
    return out;
  }

  /** Whether the training text has `v w` side by side at all. */
  seenPair(v: string, w: string): boolean {
    const a = this.known(v);
    const b = this.known(w);
    return a >= 0 && b >= 0 && this.#contBiT.get(a * BASE + b) > 0;
  }

  /** The id of a known token, -1 for one never seen (no new id is made). */
  known(token: string): number {
    const id = this.#ids.get(token);
    return id !== undefined && this.#liveA[id] === 1 ? id : -1;
  }

  /** log P(w) with no context: how likely a word is at all. */
  unigramLogProb(w: string): number {
    return this.logProbIds(-1, -1, this.known(w));
  }

  /** log P(w | u v) by tokens. */
  logProb(u: string, v: string, w: string, vocabulary = 20000): number {
    return this.logProbIds(this.known(u), this.known(v), this.known(w), vocabulary);
  }

  get tokens(): number {
    return this.#tokens;
  }

  toJSON(): NgramCounts {
    const tri: [string, number][] = [];
    for (const [k, c] of this.#tri) {
      const w = k % BASE;
      const uv = (k - w) / BASE;
      tri.push([[this.#words[(uv - (uv % BASE)) / BASE], this.#words[uv % BASE], this.#words[w]].join('\u0001'), c]);
    }
    return { version: 1, tri, tokens: this.#tokens, comparators: Object.fromEntries(this.#comparators), forms: this.forms.toJSON() };
  }

  /** Every trigram count as token ids [u, v, w, count], and the words the ids stand for: the compact form of the shipped model. */
  trigramIds(): { words: readonly string[]; quads: Uint32Array } {
    const quads = new Uint32Array(this.#tri.size * 4);
    let i = 0;
    for (const [k, c] of this.#tri) {
      const w = k % BASE;
      const uv = (k - w) / BASE;
      quads.set([(uv - (uv % BASE)) / BASE, uv % BASE, w, c], i);
      i += 4;
    }
    return { words: this.#words, quads };
  }

  /** Adds (sign 1) or takes away (sign -1: the model without one document) counts given as ids into `words`. */
  mergeIds(words: readonly string[], quads: Uint32Array, sign: 1 | -1 = 1): this {
    const ids = words.map((w) => this.id(w));
    for (let i = 0; i < quads.length; i += 4) {
      const key = ((ids[quads[i]!] ?? 0) * BASE + (ids[quads[i + 1]!] ?? 0)) * BASE + (ids[quads[i + 2]!] ?? 0);
      const left = (this.#tri.get(key) ?? 0) + sign * quads[i + 3]!;
      if (left > 0) this.#tri.set(key, left);
      else this.#tri.delete(key);
    }
    return this;
  }

  /** Adds or takes away another model's counts of every kind; call finish() after. */
  merge(other: NgramModel, sign: 1 | -1 = 1): this {
    const { words, quads } = other.trigramIds();
    this.mergeIds(words, quads, sign);
    this.#tokens += sign * other.#tokens;
    for (const [k, n] of other.#comparators) this.#comparators.set(k, Math.max(0, (this.#comparators.get(k) ?? 0) + sign * n));
    this.forms.merge(other.forms.toJSON(), sign);
    return this;
  }

  /** Sets what the compact form carries beside the trigrams. */
  setExtras(tokens: number, comparators: Record<string, number>, forms: Partial<SurfaceFormCounts>): this {
    this.#tokens = tokens;
    for (const [sign, n] of Object.entries(comparators)) this.#comparators.set(sign, n);
    this.forms.merge(forms);
    return this;
  }

  static fromJSON(data: NgramCounts): NgramModel {
    const m = new NgramModel();
    for (const [k, c] of data.tri) {
      const [u = '', v = '', w = ''] = k.split('\u0001');
      const key = (m.id(u) * BASE + m.id(v)) * BASE + m.id(w);
      m.#tri.set(key, (m.#tri.get(key) ?? 0) + c);
    }
    return m.setExtras(data.tokens, data.comparators ?? {}, data.forms ?? {}).finish();
  }
}
