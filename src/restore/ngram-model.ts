/**
 * A syllable n-gram language model (order 3 or 4) with interpolated
 * Kneser-Ney smoothing: modified (Chen & Goodman: three discounts D1, D2,
 * D3+ per order, estimated from that order's count-of-counts) or the plain
 * form (one discount, 0.75). Lower orders count continuations (how many
 * distinct words came before), the highest order counts occurrences.
 *
 * What is kept is the highest order's counts, every one: all lower orders
 * and the smoothing are derived from them when the model is frozen
 * (finish(); a model file may carry the derived lower orders' counts
 * beside them, to load faster). So counts stay additive: a document's counts can be taken
 * away again exactly (leave-one-out), users' texts added on top. Pruning
 * happens in the lookup tables only: a highest-order n-gram seen fewer than
 * `minCount` times is left out and its probability mass goes to the lower
 * order (count cut-off), so the tables the decoder reads stay small.
 *
 * Tokens are interned to integers; each order's tables are flat typed
 * arrays (NgramLevel: a context found by one hash lookup, the words under it
 * sorted), so a lookup is a few array reads: the decoder makes hundreds per
 * syllable, every reading of a word under the same context.
 */
import { NgramLevel, type CompiledTables } from './ngram-level.js';
export type { CompiledTables } from './ngram-level.js';
import { SurfaceForms, type SurfaceFormCounts } from './surface-forms.js';
import { buildBigrams, buildLevel } from './kneser-ney.js';
import { continuationRows, ID_BASE as BASE, TupleCounts } from './tuple-counts.js';

/** How the model smooths and prunes; written into the model file. */
export interface ModelShape {
  order: 3 | 4;
  /** Modified Kneser-Ney (three discounts per order from count-of-counts) or one discount of 0.75. */
  modified: boolean;
  /** Highest-order n-grams seen fewer times than this are left out of the lookup tables (1: none). */
  minCount: number;
  /** Probabilities and back-off weights on 8-bit codebooks (quantize.ts), as a compiled model file stores them. */
  quantized?: boolean;
}

/**
 * A model trained in memory (tests, users' texts without a shipped model):
 * trigrams, interpolated Kneser-Ney, nothing pruned, exact. The shipped
 * file is order 4 (scripts/model/build-model.ts SHIPPED_SHAPE, models/README.md);
 * texts trained on top of it take its shape.
 */
export const DEFAULT_SHAPE: ModelShape = { order: 3, modified: false, minCount: 1 };

const EMPTY_LEVEL = new NgramLevel(null, new Uint32Array(1), new Float32Array(0), new Int32Array(0), new Float32Array(0));

export class NgramModel {
  readonly shape: ModelShape;
  readonly #ids = new Map<string, number>();
  readonly #words: string[] = [];
  /**
   * The highest-order counts while they change (training, merging); null
   * once finish() has frozen them into #rows. A loaded model never builds
   * it: it is thawed only when counts are added or taken away.
   */
  #counts: TupleCounts | null;
  /** The frozen highest-order counts as rows [id × order, count], sorted by ids. */
  #rows: Uint32Array = new Uint32Array(0);
  /** Where the frozen counts come from when a compiled file was loaded: read only when they are asked for (training, taking away, writing). */
  #rowsLater: (() => Uint32Array) | null = null;
  /** Whether the lookup tables are those of the counts as they are (a compiled file's, or finish()'s). */
  #current = false;
  /** derivedRows() as a model file carried them, used by the next finish() unless the counts changed first. */
  #derived: Uint32Array[] | null = null;
  #tokens = 0;
  /** The discounts each order used (index: order), for the model card. */
  readonly discounts: [number, number, number][] = [];

  // The lookup tables the decoder reads, built by finish(). Each stores what
  // the formula needs: an n-gram its discounted share (c − D) / total, a
  // context its back-off weight (the discounted mass over the total).
  #uni = new Float64Array(0); // continuation count of w
  #uniNorm = 1;
  #two = EMPTY_LEVEL; // contexts: v
  #three = EMPTY_LEVEL; // contexts u·v (order 4: the order below the highest)
  #top = EMPTY_LEVEL; // the highest order's contexts, packed ids
  /** Ids with a count left: a word whose counts were all taken away (merge -1) is unknown again. */
  #liveA = new Uint8Array(0);
  readonly #comparators = new Map<string, number>();
  /** What lower-casing forgets: capitals of names, Đ of abbreviations. */
  readonly forms = new SurfaceForms();

  constructor(shape: ModelShape = DEFAULT_SHAPE) {
    this.shape = { ...shape };
    this.#counts = new TupleCounts(shape.order);
  }

  get order(): number {
    return this.shape.order;
  }

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

  /** The counts in their changeable form, thawed from the frozen rows when needed. */
  #thawed(): TupleCounts {
    this.#derived = null;
    this.#current = false;
    if (this.#counts) return this.#counts;
    const rows = this.#frozenRows();
    const counts = new TupleCounts(this.order, rows.length / (this.order + 1));
    counts.addRows(rows, 1);
    this.#rows = new Uint32Array(0);
    return (this.#counts = counts);
  }

  /** Adds one sentence (tokens without boundaries). */
  addSentence(tokens: readonly string[]): void {
    const counts = this.#thawed();
    const seq = [...new Array<string>(this.order - 1).fill('<s>'), ...tokens, '</s>'].map((t) => this.id(t));
    for (let i = 0; i + this.order <= seq.length; i++) counts.add(seq, i, 1);
    this.#tokens += tokens.length;
  }

  /** The frozen counts, read from the file the first time they are asked for. */
  #frozenRows(): Uint32Array {
    if (this.#rowsLater) [this.#rows, this.#rowsLater] = [this.#rowsLater(), null];
    return this.#rows;
  }

  /** Freezes the counts and rebuilds every order and the smoothing from them; call after adding sentences. */
  finish(): this {
    if (this.#current && !this.#counts) return this;
    const n = Math.max(this.#words.length, 1);
    if (this.#counts) this.#rows = this.#counts.rows(n);
    this.#counts = null;
    const rows = this.#frozenRows();
    const N = this.order;
    const { modified, minCount } = this.shape;
    let level = buildLevel(rows, N, minCount, modified);
    [this.#top, this.discounts[N]] = [level.level, level.discounts];
    const [below, two] = this.#derived ?? this.derivedRows();
    this.#derived = null;
    if (N === 4) {
      level = buildLevel(below!, 3, 1, modified);
      [this.#three, this.discounts[3]] = [level.level, level.discounts];
    }
    const low = buildBigrams(two!, this.#words.length, modified);
    [this.#two, this.#uni, this.#uniNorm, this.discounts[2]] = [low.level, low.uni, low.uniNorm, low.discounts];
    if (this.shape.quantized) [this.#top, this.#three, this.#two] = [this.#top.quantized(), N === 4 ? this.#three.quantized() : this.#three, this.#two.quantized()];
    this.#current = true;
    this.#setLive();
    return this;
  }

  /** Which ids have a count left (see #liveA). */
  #setLive(): void {
    // every token of a sentence is predicted by the words before it, so a word with counts left has a continuation count; <s> is never predicted
    this.#liveA = Uint8Array.from(this.#uni, (c) => (c > 0 ? 1 : 0));
    if (this.#uni.some((c) => c > 0)) this.#liveA[this.id('<s>')] = 1;
  }

  /**
   * The continuation counts of the orders below the highest, as sorted rows
   * [ids, count]: order 3 then order 2 for an order-4 model, order 2 alone
   * for an order-3 one. Derived from the counts alone, so a model file may
   * carry them to spare a loader the sorting (see fromIds).
   */
  derivedRows(): Uint32Array[] {
    const n = Math.max(this.#words.length, 1);
    const { rows } = this.ngramIds();
    const start = this.#ids.get('<s>') ?? -1;
    const below = continuationRows(rows, this.order + 1, this.order - 1, n, start);
    return this.order === 4 ? [below, continuationRows(below, 4, 2, n, start)] : [below, below];
  }

  /** P(w) of the continuation unigram, floored by a uniform share of `vocabulary` words. */
  #p1(w: number, vocabulary: number): number {
    return ((w >= 0 ? (this.#uni[w] ?? 0) : 0) + 1 / vocabulary) / this.#uniNorm;
  }

  /** P(w | v) given P(w). */
  #p2(v: number, w: number, p1: number): number {
    const c = v >= 0 ? this.#two.context(v) : -1;
    return c < 0 ? p1 : (w >= 0 ? this.#two.share(c, w) : 0) + this.#two.back[c]! * p1;
  }

  /** P(w | u v) of order 3 below a highest order 4, given P(w | v). */
  #p3(u: number, v: number, w: number, p2: number): number {
    const c = u >= 0 && v >= 0 ? this.#three.context(u * BASE + v) : -1;
    return c < 0 ? p2 : (w >= 0 ? this.#three.share(c, w) : 0) + this.#three.back[c]! * p2;
  }

  /** The highest order's context (t) u v, -1 when unseen or pruned. */
  #topContext(t: number, u: number, v: number): number {
    if (u < 0 || v < 0) return -1;
    if (this.order === 3) return this.#top.context(u * BASE + v);
    return t < 0 ? -1 : this.#top.context((t * BASE + u) * BASE + v);
  }

  /**
   * log P(w | t u v) by token ids (-1: a token never seen; t is not read by
   * an order-3 model), interpolated down to a uniform floor over
   * `vocabulary` words. The same sums as bigramProbs and logProbsInto
   * for one word, without their arrays: the confidences ask
   * for one word in many contexts.
   */
  logProbIds(t: number, u: number, v: number, w: number, vocabulary = 20000): number {
    let p = this.#p2(v, w, this.#p1(w, vocabulary));
    if (this.order === 4) p = this.#p3(u, v, w, p);
    const c = this.#topContext(t, u, v);
    if (c < 0) return Math.log(p);
    return Math.log((w >= 0 ? this.#top.share(c, w) : 0) + this.#top.back[c]! * p);
  }

  /**
   * P(w | v) for each w (probabilities, not logs): every history that ends
   * in v shares it, so the decoder computes it once per slot and previous word.
   */
  bigramProbs(v: number, ws: ArrayLike<number>, vocabulary = 20000): Float64Array {
    const out = new Float64Array(ws.length);
    for (let i = 0; i < ws.length; i++) out[i] = this.#p2(v, ws[i]!, this.#p1(ws[i]!, vocabulary));
    return out;
  }

  /**
   * log P(w | t u v) for each w of `ws`, given their P(w | v) from
   * bigramProbs, written into `out` (the decoder reuses one array): each
   * order's context is looked up once.
   */
  logProbsInto(t: number, u: number, v: number, ws: Int32Array, bi: Float64Array, out: Float64Array): void {
    this.lowerProbsInto(u, v, ws, bi, out, 0);
    const c = this.topContext(t, u, v);
    if (c >= 0) this.topLogProbsInto(c, ws, out, 0, out);
    else for (let i = 0; i < ws.length; i++) out[i] = Math.log(out[i]!);
  }

  /**
   * P(w | u v) of the order below the highest (order 4: the trigrams; order
   * 3: P(w | v), `bi` itself) for each w of `ws`, as probabilities, into
   * out[at ..]. Every history that ends in u v shares them: the decoder
   * computes them once per such group of its states.
   */
  lowerProbsInto(u: number, v: number, ws: Int32Array, bi: Float64Array, out: Float64Array, at: number): void {
    const n = ws.length;
    const three = this.#three;
    const c3 = this.order === 4 && u >= 0 && v >= 0 ? three.context(u * BASE + v) : -1;
    if (c3 < 0) {
      for (let i = 0; i < n; i++) out[at + i] = bi[i]!;
      return;
    }
    const back3 = three.back[c3]!;
    for (let i = 0; i < n; i++) {
      const w = ws[i]!;
      out[at + i] = (w >= 0 ? three.share(c3, w) : 0) + back3 * bi[i]!;
    }
  }

  /** The highest order's context (t) u v, -1 when unseen or pruned: then P(w | t u v) is lowerProbsInto's. */
  topContext(t: number, u: number, v: number): number {
    return this.#topContext(t, u, v);
  }

  /** log P(w | t u v) for each w of `ws` into `out`, from the highest order's context `c` (≥ 0) and lowerProbsInto's probabilities at lower[at ..]. */
  topLogProbsInto(c: number, ws: Int32Array, lower: Float64Array, at: number, out: Float64Array): void {
    const top = this.#top;
    const back = top.back[c]!;
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      out[i] = Math.log((w >= 0 ? top.share(c, w) : 0) + back * lower[at + i]!);
    }
  }

  /** Whether the training text has `v w` side by side at all. */
  seenPair(v: string, w: string): boolean {
    const a = this.known(v);
    const b = this.known(w);
    const c = a >= 0 && b >= 0 ? this.#two.context(a) : -1;
    return c >= 0 && this.#two.has(c, b);
  }

  /** The id of a known token, -1 for one never seen (no new id is made). */
  known(token: string): number {
    const id = this.#ids.get(token);
    return id !== undefined && this.#liveA[id] === 1 ? id : -1;
  }

  /** log P(w) with no context: how likely a word is at all. */
  unigramLogProb(w: string): number {
    return this.logProbIds(-1, -1, -1, this.known(w));
  }

  /** log P(w | u v) by tokens (what came before u is not known). */
  logProb(u: string, v: string, w: string, vocabulary = 20000): number {
    return this.logProbIds(-1, this.known(u), this.known(v), this.known(w), vocabulary);
  }

  get tokens(): number {
    return this.#tokens;
  }

  /** How many lookup entries the frozen model holds per order (pruning's effect), for reports. */
  tableSizes(): Record<string, number> {
    return { [`${this.order}-grams kept`]: this.#top.size, [`${this.order}-gram contexts kept`]: this.#top.contexts, ...(this.order === 4 ? { '3-grams': this.#three.size } : {}), '2-grams': this.#two.size };
  }

  /** What the compact form carries beside the n-grams. */
  extras(): { comparators: Record<string, number>; forms: SurfaceFormCounts } {
    return { comparators: Object.fromEntries(this.#comparators), forms: this.forms.toJSON() };
  }

  /** Every highest-order count as rows of ids [id × order, count], sorted, and the words the ids stand for: the compact form of the shipped model. */
  ngramIds(): { words: readonly string[]; rows: Uint32Array } {
    return { words: this.#words, rows: this.#counts ? this.#counts.rows(Math.max(this.#words.length, 1)) : this.#frozenRows() };
  }

  /**
   * A model from its compact form (words and sorted rows of ids into them,
   * as ngramIds() gives): the counts are taken frozen as they are, with no
   * table of counts built. Call setExtras() and finish().
   */
  static fromIds(words: readonly string[], rows: Uint32Array, shape: ModelShape, derived: Uint32Array[] | null = null): NgramModel {
    const m = new NgramModel(shape);
    for (const w of words) m.id(w);
    if (m.#words.length !== words.length) return m.mergeIds(words, rows);
    m.#counts = null;
    m.#rows = rows;
    m.#derived = derived && derived.length === 2 ? derived : null;
    return m;
  }

  /**
   * The lookup tables as they are (a quantized model's codes with them), for a
   * compiled model file: the continuation unigram counts and orders 2 to the highest.
   */
  tables(): CompiledTables {
    return { uni: this.#uni, levels: this.order === 4 ? [this.#two, this.#three, this.#top] : [this.#two, this.#top], discounts: this.discounts.slice(2) };
  }

  /**
   * A model from a compiled file: the words, the lookup tables as they were
   * written, and where its counts are to be read from when asked for. Call
   * setExtras(); no finish() is needed.
   */
  static fromTables(words: readonly string[], shape: ModelShape, tables: CompiledTables, rows: () => Uint32Array): NgramModel {
    const m = new NgramModel(shape);
    for (const w of words) m.id(w);
    if (m.#words.length !== words.length) throw new Error('language model file has repeated words');
    m.#counts = null;
    m.#rowsLater = rows;
    m.#uni = tables.uni;
    m.#uniNorm = tables.levels[0]!.size + 1;
    [m.#two, m.#three, m.#top] = tables.levels.length === 3 ? (tables.levels as [NgramLevel, NgramLevel, NgramLevel]) : [tables.levels[0]!, EMPTY_LEVEL, tables.levels[1]!];
    tables.discounts.forEach((d, k) => (m.discounts[k + 2] = d));
    m.#current = true;
    m.#setLive();
    return m;
  }

  /** Adds (sign 1) or takes away (sign -1: the model without one document) counts given as rows of ids into `words`. */
  mergeIds(words: readonly string[], rows: Uint32Array, sign: 1 | -1 = 1): this {
    const ids = words.map((w) => this.id(w));
    this.#thawed().addRows(rows, sign, ids);
    return this;
  }

  /** Adds or takes away another model's counts of every kind (both of the same order); call finish() after. */
  merge(other: NgramModel, sign: 1 | -1 = 1): this {
    if (other.order !== this.order) throw new Error(`cannot merge an order-${other.order} model into an order-${this.order} one`);
    const { words, rows } = other.ngramIds();
    this.mergeIds(words, rows, sign);
    this.#tokens += sign * other.#tokens;
    for (const [k, n] of other.#comparators) this.#comparators.set(k, Math.max(0, (this.#comparators.get(k) ?? 0) + sign * n));
    this.forms.merge(other.forms.toJSON(), sign);
    return this;
  }

  /** Sets what the compact form carries beside the n-grams. */
  setExtras(tokens: number, comparators: Record<string, number>, forms: Partial<SurfaceFormCounts>): this {
    this.#tokens = tokens;
    for (const [sign, n] of Object.entries(comparators)) this.#comparators.set(sign, n);
    this.forms.merge(forms);
    return this;
  }
}
