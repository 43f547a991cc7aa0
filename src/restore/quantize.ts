/**
 * 8-bit codebooks for the language model's probabilities and back-off
 * weights (values in (0, 1]): the logarithms of the values are cut into 256
 * bins of equal population and each bin stands for its mean, so the
 * common values get the finest steps (KenLM's binning). A compiled model
 * file then stores one byte per n-gram instead of a float, and a model
 * finished from counts is quantized the same way, so the tables a file
 * gives and the ones its counts give are the same numbers.
 */

const LEVELS = 256;
/** The logarithm a 0 is binned at (a discount of 1 on a count of 1 leaves no share). */
const FLOOR = Math.log(1e-30);

const logOf = (x: number): number => (x > 0 ? Math.log(x) : FLOOR);

/** The codebook of `values`: 256 values, ascending, as float32. */
export function codebook(values: ArrayLike<number>): Float32Array {
  const n = values.length;
  const logs = new Float64Array(n);
  for (let i = 0; i < n; i++) logs[i] = logOf(values[i]!);
  logs.sort();
  const means: number[] = [];
  for (let b = 0; b < LEVELS; b++) {
    const [from, to] = [Math.floor((b * n) / LEVELS), Math.floor(((b + 1) * n) / LEVELS)];
    if (to <= from) continue;
    let sum = 0;
    for (let i = from; i < to; i++) sum += logs[i]!;
    const mean = sum / (to - from);
    if (means.at(-1) !== mean) means.push(mean);
  }
  // always 256 entries (a file reads them so): the last repeated when there are fewer distinct bins
  const book = new Float32Array(LEVELS);
  for (let b = 0; b < LEVELS; b++) {
    const m = means[Math.min(b, means.length - 1)] ?? FLOOR;
    book[b] = m <= FLOOR ? 0 : Math.exp(m);
  }
  return book;
}

/** Each value's code: the book's entry nearest to it in logarithm. */
export function quantize(values: ArrayLike<number>, book: Float32Array): Uint8Array {
  const logs = Float64Array.from(book, logOf);
  const codes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = logOf(values[i]!);
    let lo = 0;
    let hi = logs.length - 1;
    // the first entry at or above x, then whichever of it and the one below is nearer
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (logs[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    codes[i] = lo > 0 && x - logs[lo - 1]! < logs[lo]! - x ? lo - 1 : lo;
  }
  return codes;
}
