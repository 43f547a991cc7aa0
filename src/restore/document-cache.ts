/**
 * What a document has already said: the word pairs it was decoded to with
 * confidence. Names and terms repeat within a document ("Bàu Trâm", "chỉ
 * số cải cách hành chính") and the general model may know them less than
 * the document does, so where the decoder was unsure it weighs each
 * reading of a word also by how often the document wrote that reading
 * after the same previous word: a cache model interpolated with the
 * trigram model (Kuhn & De Mori's cache, over word pairs).
 */

/**
 * A word decoded at least this sure is the document's evidence (a pair
 * enters the cache when both its words are); a clause with a word decoded
 * less sure is decoded again with the cache. One threshold: no word is
 * both, so none argues for itself.
 */
export const CACHE_CONFIDENCE = 0.9;
/**
 * The cache's share of the interpolation. Leaving out each realdev text and
 * seed plan in turn (82k syllables), any share from 0.3 to 0.7 restores
 * within 10 syllables of the others.
 */
export const CACHE_WEIGHT = 0.5;

export class DocumentCache {
  /** previous word id → word id → times written */
  readonly #pairs = new Map<number, Map<number, number>>();
  readonly #keep: number;
  readonly #mix: number;
  readonly #logKeep: number;

  constructor(readonly weight = CACHE_WEIGHT, readonly confidence = CACHE_CONFIDENCE) {
    this.#keep = 1 - weight;
    this.#mix = weight;
    this.#logKeep = Math.log(1 - weight);
  }

  /** Every word of a cached pair, either side. */
  readonly #words = new Set<number>();

  /** Counts the pair `v w` (model ids; unseen words, id < 0, are not told apart and are left out). */
  add(v: number, w: number): void {
    if (v < 0 || w < 0) return;
    this.#words.add(v).add(w);
    let row = this.#pairs.get(v);
    if (!row) this.#pairs.set(v, (row = new Map()));
    row.set(w, (row.get(w) ?? 0) + 1);
  }

  /** Whether the document wrote `w` in a cached pair: a reading it never wrote gains nothing from it. */
  has(w: number): boolean {
    return this.#words.has(w);
  }

  get size(): number {
    return this.#pairs.size;
  }

  /**
   * Turns `lm` (log P(w | u v) of each reading `ids`) into
   * log((1 − λ)·P + λ·share), share being the reading's part of what the
   * document wrote after v among these readings (0 when it wrote none of them).
   */
  mix(v: number, ids: Int32Array, lm: Float64Array): void {
    const row = this.#pairs.get(v);
    let total = 0;
    if (row) for (let c = 0; c < ids.length; c++) total += row.get(ids[c]!) ?? 0;
    if (!total) {
      for (let c = 0; c < ids.length; c++) lm[c] = lm[c]! + this.#logKeep;
      return;
    }
    for (let c = 0; c < ids.length; c++) lm[c] = Math.log(this.#keep * Math.exp(lm[c]!) + (this.#mix * (row!.get(ids[c]!) ?? 0)) / total);
  }

  /** mix() for one reading `w` (log-probability `lp`) among the readings `ids` of its slot. */
  mixOne(v: number, w: number, ids: Int32Array, lp: number): number {
    const row = this.#pairs.get(v);
    let total = 0;
    if (row) for (let c = 0; c < ids.length; c++) total += row.get(ids[c]!) ?? 0;
    if (!total) return lp + this.#logKeep;
    return Math.log(this.#keep * Math.exp(lp) + (this.#mix * (row!.get(w) ?? 0)) / total);
  }
}
