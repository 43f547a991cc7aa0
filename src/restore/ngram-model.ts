/**
 * A syllable trigram language model with interpolated Kneser-Ney smoothing
 * (Chen & Goodman's formulation, one discount per order). Counts are kept as
 * maps keyed by joined tokens; serialized as JSON arrays, which load fast.
 */
const SEP = '\u0001';
const DISCOUNT = 0.75;

export interface NgramCounts {
  version: 1;
  /** Trigram counts c(u v w). */
  tri: [string, number][];
  /** Training tokens seen, for reports. */
  tokens: number;
}

export class NgramModel {
  readonly #tri = new Map<string, number>();
  // derived tables
  readonly #ctxTri = new Map<string, { total: number; types: number }>(); // c(u v ·), N1+(u v ·)
  readonly #contBi = new Map<string, number>(); // N1+(· v w)
  readonly #ctxContBi = new Map<string, { total: number; types: number }>(); // Σ_w N1+(· v w), N1+(v ·)
  readonly #contUni = new Map<string, number>(); // N1+(· w)
  #contUniTotal = 0;
  #tokens = 0;

  /** Adds one sentence (tokens without boundaries). */
  addSentence(tokens: readonly string[]): void {
    const seq = ['<s>', '<s>', ...tokens, '</s>'];
    for (let i = 2; i < seq.length; i++) this.#tri.set(key(seq[i - 2], seq[i - 1], seq[i]), (this.#tri.get(key(seq[i - 2], seq[i - 1], seq[i])) ?? 0) + 1);
    this.#tokens += tokens.length;
  }

  /** Recomputes the smoothing tables; call after adding sentences. */
  finish(): this {
    this.#ctxTri.clear();
    this.#contBi.clear();
    this.#ctxContBi.clear();
    this.#contUni.clear();
    const biTypes = new Set<string>();
    for (const [k, c] of this.#tri) {
      const [u, v, w] = k.split(SEP) as [string, string, string];
      const ctx = this.#ctxTri.get(key(u, v)) ?? { total: 0, types: 0 };
      ctx.total += c;
      ctx.types += 1;
      this.#ctxTri.set(key(u, v), ctx);
      const bi = key(v, w);
      this.#contBi.set(bi, (this.#contBi.get(bi) ?? 0) + 1);
      biTypes.add(bi);
    }
    for (const bi of biTypes) {
      const [v, w] = bi.split(SEP) as [string, string];
      const n = this.#contBi.get(bi) ?? 0;
      const ctx = this.#ctxContBi.get(v) ?? { total: 0, types: 0 };
      ctx.total += n;
      ctx.types += 1;
      this.#ctxContBi.set(v, ctx);
      this.#contUni.set(w, (this.#contUni.get(w) ?? 0) + 1);
      this.#contUniTotal += 1;
    }
    return this;
  }

  /** log P(w | u v), interpolated down to a uniform floor over `vocabulary` words. */
  logProb(u: string, v: string, w: string, vocabulary = 20000): number {
    const uni = ((this.#contUni.get(w) ?? 0) + 1 / vocabulary) / (this.#contUniTotal + 1);
    const cb = this.#ctxContBi.get(v);
    let bi = uni;
    if (cb) bi = Math.max((this.#contBi.get(key(v, w)) ?? 0) - DISCOUNT, 0) / cb.total + ((DISCOUNT * cb.types) / cb.total) * uni;
    const ct = this.#ctxTri.get(key(u, v));
    let tri = bi;
    if (ct) tri = Math.max((this.#tri.get(key(u, v, w)) ?? 0) - DISCOUNT, 0) / ct.total + ((DISCOUNT * ct.types) / ct.total) * bi;
    return Math.log(tri);
  }

  /** How many distinct contexts a word was seen after: 0 for a word never seen. */
  seen(w: string): number {
    return this.#contUni.get(w) ?? 0;
  }

  get tokens(): number {
    return this.#tokens;
  }

  toJSON(): NgramCounts {
    return { version: 1, tri: [...this.#tri.entries()], tokens: this.#tokens };
  }

  static fromJSON(data: NgramCounts): NgramModel {
    const m = new NgramModel();
    for (const [k, c] of data.tri) m.#tri.set(k, c);
    m.#tokens = data.tokens;
    return m.finish();
  }
}

const key = (...parts: (string | undefined)[]): string => parts.join(SEP);
