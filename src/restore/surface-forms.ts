import { syllablesFor } from './candidates.js';
import { syllableKey } from './syllable-inventory.js';

/** An upper-case run inside a code, not the capital of a word ("QD" and "D" of "QD-UBND/D/c", not "D" of "Dak"). */
export const UPPER_RUN = /\p{Lu}+(?!\p{Ll})/gu;

/** How many times more often a Đ spelling must have been written than the D one to replace it. */
const OVERRULE = 3;

/** The most letters D an upper-case form may have for its Đ readings to be tried (2^n variants). */
const MAX_DS = 4;

export interface SurfaceFormCounts {
  /** word → [times seen inside a clause, times of those written capitalised] */
  cased: [string, number, number][];
  /** Upper-case letter runs that are no syllable ("QĐ", "HĐND", "UBND") → times seen. */
  upper: [string, number][];
}

/**
 * What the syllable model forgets by lower-casing: how often a word is
 * written with a capital inside a clause (names: "Nguyễn", "Văn" are; "nguyên",
 * "vẫn" are not) and how abbreviations are spelled ("QĐ", "HĐND", never "QD"),
 * learned from the training text. Stripped text keeps capitals and loses
 * the stroke of Đ, so both tell readings apart the trigrams cannot.
 */
export class SurfaceForms {
  readonly #cased = new Map<string, [number, number]>();
  readonly #upper = new Map<string, number>();

  /** Counts one word seen inside a clause (not its first word), capitalised or not. */
  addWord(lower: string, capitalised: boolean): void {
    const c = this.#cased.get(lower) ?? [0, 0];
    c[0] += 1;
    if (capitalised) c[1] += 1;
    this.#cased.set(lower, c);
  }

  /** Counts an upper-case letter run when it is an abbreviation, not a syllable in capitals. */
  addUpper(run: string): void {
    if (!isAbbreviation(run)) return;
    this.#upper.set(run, (this.#upper.get(run) ?? 0) + 1);
  }

  #seen = 0;
  #capitalised = 0;

  /** log P(capitalised | word) inside a clause, smoothed toward the rate over all words (a word never seen gets that rate). */
  capitalisedLogProb(lower: string): number {
    if (this.#seen !== this.#cased.size) this.#rate();
    const rate = this.#capitalised;
    const c = this.#cased.get(lower) ?? [0, 0];
    return Math.log((c[1] + rate) / (c[0] + 1));
  }

  /** The share of words written capitalised inside clauses, over all words counted. */
  #rate(): void {
    let n = 0;
    let cap = 0;
    for (const [total, capitalised] of this.#cased.values()) {
      n += total;
      cap += capitalised;
    }
    this.#capitalised = n ? Math.max(cap / n, 1e-3) : 0.5;
    this.#seen = this.#cased.size;
  }

  /**
   * The spelling of an abbreviation whose Đ may have been stripped to D: the
   * variant the training text wrote most, when it wrote it clearly more
   * often than the run as it stands (Latin abbreviations are spelt with D:
   * "GDP", "R&D", "GD&ĐT"); the run itself otherwise.
   */
  upperForm(run: string): string {
    const ds = [...run].flatMap((ch, i) => (ch === 'D' ? [i] : []));
    if (!ds.length || ds.length > MAX_DS) return run;
    let best = run;
    let bestCount = OVERRULE * ((this.#upper.get(run) ?? 0) + 1);
    for (let mask = 1; mask < 1 << ds.length; mask++) {
      const chars = [...run];
      ds.forEach((pos, bit) => {
        if (mask & (1 << bit)) chars[pos] = 'Đ';
      });
      const variant = chars.join('');
      const n = this.#upper.get(variant) ?? 0;
      if (n > bestCount) [best, bestCount] = [variant, n];
    }
    return best;
  }

  /** Every upper-case letter run of a code put in its learned spelling: "1406/QD-UBND" → "1406/QĐ-UBND". */
  codeForm(code: string): string {
    // a capital glued to lower-case letters begins a word ("Dak"), not an abbreviation
    return code.replace(UPPER_RUN, (run) => this.upperForm(run));
  }

  toJSON(): SurfaceFormCounts {
    return { cased: [...this.#cased].map(([w, [n, cap]]) => [w, n, cap]), upper: [...this.#upper] };
  }

  merge(data: Partial<SurfaceFormCounts>, sign: 1 | -1 = 1): this {
    for (const [w, n, cap] of data.cased ?? []) {
      const c = this.#cased.get(w) ?? [0, 0];
      c[0] += sign * n;
      c[1] += sign * cap;
      if (c[0] > 0) this.#cased.set(w, c);
      else this.#cased.delete(w);
    }
    for (const [run, n] of data.upper ?? []) {
      const left = (this.#upper.get(run) ?? 0) + sign * n;
      if (left > 0) this.#upper.set(run, left);
      else this.#upper.delete(run);
    }
    return this;
  }
}

/** An upper-case run no syllable strips down to: "QĐ", "UBND", "Đ" — not "KẾ" or "HOẠCH". */
function isAbbreviation(run: string): boolean {
  return !syllablesFor(syllableKey(run)).length;
}
