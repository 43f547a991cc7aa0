/**
 * A syllable trigram language model with interpolated Kneser-Ney smoothing
 * (Chen & Goodman's formulation, one discount for every order). Tokens are
 * interned to integers and n-grams packed into numeric keys, so a lookup is
 * a few typed-array reads (NumberTable): the decoder makes hundreds per
 * syllable. Serialized as trigram counts (quadruples of ids, or JSON), from
 * which the smoothing tables are rebuilt.
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

export class NgramModel {
  readonly #ids = new Map<string, number>();
  readonly #words: string[] = [];
  /**
   * The trigram counts while they change (training, merging), keyed by
   * packed ids; null once finish() has frozen them into #quads. A loaded
   * model never builds this Map: 576k boxed keys cost ~1 s and ~100 MB.
   */
  #tri: Map<number, number> | null = new Map();
  /** The frozen trigram counts as [u, v, w, count] quadruples, one per distinct trigram. */
  #quads: Uint32Array = new Uint32Array(0);
  #contUniTotal = 0;
  /** The lookup tables the decoder reads, built by finish(). */
  #triT = new NumberTable(false);
  #ctxTriT = new NumberTable(true); // c(u v ·), N1+(u v ·)
  #contBiT = new NumberTable(false); // N1+(· v w)
  #ctxContBiTotal = new Float64Array(0); // Σ_w N1+(· v w)
  #ctxContBiTypes = new Float64Array(0); // N1+(v ·)
  #contUniA = new Float64Array(0); // N1+(· w)
  /** Ids with a count left: a word whose counts were all taken away (merge -1) is unknown again. */
  #liveA = new Uint8Array(0);
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

  /** The counts in their changeable form, thawed from the frozen quadruples when needed. */
  #counts(): Map<number, number> {
    if (this.#tri) return this.#tri;
    const tri = new Map<number, number>();
    const q = this.#quads;
    for (let i = 0; i < q.length; i += 4) tri.set((q[i]! * BASE + q[i + 1]!) * BASE + q[i + 2]!, q[i + 3]!);
    return (this.#tri = tri);
  }

  /** Adds one sentence (tokens without boundaries). */
  addSentence(tokens: readonly string[]): void {
    const tri = this.#counts();
    const seq = ['<s>', '<s>', ...tokens, '</s>'].map((t) => this.id(t));
    for (let i = 2; i < seq.length; i++) {
      const k = ((seq[i - 2] ?? 0) * BASE + (seq[i - 1] ?? 0)) * BASE + (seq[i] ?? 0);
      tri.set(k, (tri.get(k) ?? 0) + 1);
    }
    this.#tokens += tokens.length;
  }

  /** Freezes the counts and rebuilds the smoothing tables; call after adding sentences. */
  finish(): this {
    if (this.#tri) this.#quads = quadsOf(this.#tri);
    this.#tri = null;
    const q = this.#quads;
    const n = this.#words.length;
    // sized for every trigram: the contexts and pairs are fewer, and growing costs more than the slack
    this.#triT = new NumberTable(false, q.length / 4);
    this.#ctxTriT = new NumberTable(true, q.length / 4);
    this.#contBiT = new NumberTable(false, q.length / 4);
    this.#liveA = new Uint8Array(n);
    for (let i = 0; i < q.length; i += 4) {
      const u = q[i]!;
      const v = q[i + 1]!;
      const w = q[i + 2]!;
      const c = q[i + 3]!;
      this.#liveA[u] = this.#liveA[v] = this.#liveA[w] = 1;
      const uv = u * BASE + v;
      this.#triT.add(uv * BASE + w, c);
      this.#ctxTriT.add(uv, c, 1);
      this.#contBiT.add(v * BASE + w, 1);
    }
    [this.#ctxContBiTotal, this.#ctxContBiTypes, this.#contUniA] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    this.#contUniTotal = 0;
    this.#contBiT.forEach((vw, count) => {
      const w = vw % BASE;
      const v = (vw - w) / BASE;
      this.#ctxContBiTotal[v]! += count;
      this.#ctxContBiTypes[v]! += 1;
      this.#contUniA[w]! += 1;
      this.#contUniTotal += 1;
    });
    return this;
  }

  /**
   * log P(w | u v) by token ids (-1: a token never seen), interpolated down
   * to a uniform floor over `vocabulary` words. The same sums as
   * bigramProbs and logProbsIds for one word, without their arrays: the
   * confidences ask for one word in many contexts.
   */
  logProbIds(u: number, v: number, w: number, vocabulary = 20000): number {
    const total = v >= 0 ? (this.#ctxContBiTotal[v] ?? 0) : 0;
    const uni = ((w >= 0 ? (this.#contUniA[w] ?? 0) : 0) + 1 / vocabulary) / (this.#contUniTotal + 1);
    const bi = total > 0 ? Math.max((w >= 0 ? this.#contBiT.get(v * BASE + w) : 0) - DISCOUNT, 0) / total + ((DISCOUNT * (this.#ctxContBiTypes[v] ?? 0)) / total) * uni : uni;
    const slot = u >= 0 && v >= 0 ? this.#ctxTriT.find(u * BASE + v) : -1;
    if (slot < 0) return Math.log(bi);
    const ctx = this.#ctxTriT.first(slot);
    const c = w >= 0 ? this.#triT.get((u * BASE + v) * BASE + w) : 0;
    return Math.log(Math.max(c - DISCOUNT, 0) / ctx + ((DISCOUNT * this.#ctxTriT.second(slot)) / ctx) * bi);
  }

  /**
   * P(w | v) for each w, interpolated with the continuation unigram (a
   * probability, not a log): every history that ends in v shares it, so the
   * decoder computes it once per slot and previous word.
   */
  bigramProbs(v: number, ws: ArrayLike<number>, vocabulary = 20000): Float64Array {
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

  /**
   * log P(w | u v) for each w of `ws`, given their P(w | v) from
   * bigramProbs, written into `out` (the decoder reuses one array): the
   * trigram context is looked up once.
   */
  logProbsInto(u: number, v: number, ws: Int32Array, bi: Float64Array, out: Float64Array): void {
    const slot = u >= 0 && v >= 0 ? this.#ctxTriT.find(u * BASE + v) : -1;
    if (slot < 0) {
      for (let i = 0; i < ws.length; i++) out[i] = Math.log(bi[i]!);
      return;
    }
    const total = this.#ctxTriT.first(slot);
    const back = (DISCOUNT * this.#ctxTriT.second(slot)) / total;
    const base = (u * BASE + v) * BASE;
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      const c = w >= 0 ? this.#triT.get(base + w) : 0;
      out[i] = Math.log(Math.max(c - DISCOUNT, 0) / total + back * bi[i]!);
    }
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
    const { quads: q } = this.trigramIds();
    const tri: [string, number][] = [];
    for (let i = 0; i < q.length; i += 4) tri.push([[this.#words[q[i]!], this.#words[q[i + 1]!], this.#words[q[i + 2]!]].join('\u0001'), q[i + 3]!]);
    return { version: 1, tri, tokens: this.#tokens, comparators: Object.fromEntries(this.#comparators), forms: this.forms.toJSON() };
  }

  /** Every trigram count as token ids [u, v, w, count], and the words the ids stand for: the compact form of the shipped model. */
  trigramIds(): { words: readonly string[]; quads: Uint32Array } {
    return { words: this.#words, quads: this.#tri ? quadsOf(this.#tri) : this.#quads };
  }

  /**
   * A model from its compact form (words and quadruples of ids into them,
   * one per distinct trigram, as trigramIds() gives): the counts are taken
   * frozen as they are, with no Map built. Call setExtras() and finish().
   */
  static fromIds(words: readonly string[], quads: Uint32Array): NgramModel {
    const m = new NgramModel();
    for (const w of words) m.id(w);
    if (m.#words.length !== words.length || quads.some((id, i) => i % 4 !== 3 && id >= words.length)) return new NgramModel().mergeIds(words, quads);
    m.#tri = null;
    m.#quads = quads;
    return m;
  }

  /** Adds (sign 1) or takes away (sign -1: the model without one document) counts given as ids into `words`. */
  mergeIds(words: readonly string[], quads: Uint32Array, sign: 1 | -1 = 1): this {
    const ids = words.map((w) => this.id(w));
    const tri = this.#counts();
    for (let i = 0; i < quads.length; i += 4) {
      const key = ((ids[quads[i]!] ?? 0) * BASE + (ids[quads[i + 1]!] ?? 0)) * BASE + (ids[quads[i + 2]!] ?? 0);
      const left = (tri.get(key) ?? 0) + sign * quads[i + 3]!;
      if (left > 0) tri.set(key, left);
      else tri.delete(key);
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
    const tri = m.#counts();
    for (const [k, c] of data.tri) {
      const [u = '', v = '', w = ''] = k.split('\u0001');
      const key = (m.id(u) * BASE + m.id(v)) * BASE + m.id(w);
      tri.set(key, (tri.get(key) ?? 0) + c);
    }
    return m.setExtras(data.tokens, data.comparators ?? {}, data.forms ?? {}).finish();
  }
}

/** A count Map's entries as [u, v, w, count] quadruples. */
function quadsOf(tri: ReadonlyMap<number, number>): Uint32Array {
  const quads = new Uint32Array(tri.size * 4);
  let i = 0;
  for (const [k, c] of tri) {
    const w = k % BASE;
    const uv = (k - w) / BASE;
    quads[i++] = (uv - (uv % BASE)) / BASE;
    quads[i++] = uv % BASE;
    quads[i++] = w;
    quads[i++] = c;
  }
  return quads;
}
