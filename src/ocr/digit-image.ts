/**
 * One handwritten digit drawn the way the MNIST digits are (LeCun, Cortes,
 * Burges): its slant taken out, scaled to fit a 20×20 box keeping its
 * proportions, and set in a 28×28 square by its centre of mass; and the
 * features the digit recognizer (digit-classifier.ts) reads from that
 * square. The recognizer's training (scripts/ocr/train-digits.ts) draws
 * every MNIST digit through the same functions, so a digit cut out of a
 * scan and one of the training set look alike to it whatever their size,
 * slant or stroke.
 */

/** An image of ink levels in [0, 1] (1: ink), row by row. */
export interface InkImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** The side of the square a digit is drawn in, as MNIST's. */
export const DIGIT_SIZE = 28;
/** The box the digit is scaled to fit, as MNIST's. */
const BOX = 20;
/** A pixel counts in the digit's extent from this ink level (anti-aliased edges below it do not stretch its box). */
const EXTENT_INK = 0.2;
/** The slant taken out is at most this shear (x per y): a "1" written leaning far is still a "1", a shear beyond this is a stroke. */
const MAX_SHEAR = 1;

/** Ink level at (x, y), bilinear between pixels, nothing outside the image. */
function sample(img: InkImage, x: number, y: number): number {
  const [x0, y0] = [Math.floor(x), Math.floor(y)];
  const [fx, fy] = [x - x0, y - y0];
  const at = (u: number, v: number): number => (u < 0 || v < 0 || u >= img.width || v >= img.height ? 0 : (img.data[v * img.width + u] ?? 0));
  const top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * fx;
  const bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * fx;
  return top + (bottom - top) * fy;
}

/**
 * The digit drawn as MNIST's are: its slant (the shear that makes its
 * ink's x and y moments uncorrelated) taken out, its ink's box scaled to
 * fit BOX×BOX keeping its proportions (averaged over sub-pixels, so thin
 * strokes of a large digit stay as gray, not gaps), and moved so its
 * centre of mass lies at the square's centre. Null when there is no ink.
 */
export function normalizeDigit(img: InkImage): InkImage | null {
  let [m, mx, my] = [0, 0, 0];
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const v = img.data[y * img.width + x] ?? 0;
      [m, mx, my] = [m + v, mx + v * x, my + v * y];
    }
  if (m <= 0) return null;
  const [cx, cy] = [mx / m, my / m];
  let [vy, cxy] = [0, 0];
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const v = img.data[y * img.width + x] ?? 0;
      [vy, cxy] = [vy + v * (y - cy) ** 2, cxy + v * (x - cx) * (y - cy)];
    }
  const shear = vy > 0 ? Math.max(-MAX_SHEAR, Math.min(MAX_SHEAR, cxy / vy)) : 0;
  // the straightened ink's box: x' = x − shear·(y − cy)
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      if ((img.data[y * img.width + x] ?? 0) < EXTENT_INK) continue;
      const xs = x - shear * (y - cy);
      [x0, y0, x1, y1] = [Math.min(x0, xs), Math.min(y0, y), Math.max(x1, xs + 1), Math.max(y1, y + 1)];
    }
  if (!Number.isFinite(x0)) return null;
  const scale = BOX / Math.max(x1 - x0, y1 - y0);
  // sub-pixels per output pixel side: enough that a source pixel is sampled at least twice across
  const sub = Math.max(2, Math.min(6, Math.ceil(2 / scale)));
  const out = new Float32Array(DIGIT_SIZE * DIGIT_SIZE);
  const [ox, oy] = [(DIGIT_SIZE - (x1 - x0) * scale) / 2, (DIGIT_SIZE - (y1 - y0) * scale) / 2];
  for (let v = 0; v < DIGIT_SIZE; v++)
    for (let u = 0; u < DIGIT_SIZE; u++) {
      let s = 0;
      for (let j = 0; j < sub; j++)
        for (let i = 0; i < sub; i++) {
          const ys = (v + (j + 0.5) / sub - oy) / scale + y0;
          const xs = (u + (i + 0.5) / sub - ox) / scale + x0 + shear * (ys - cy);
          s += sample(img, xs - 0.5, ys - 0.5);
        }
      out[v * DIGIT_SIZE + u] = Math.min(1, s / (sub * sub));
    }
  return centred({ width: DIGIT_SIZE, height: DIGIT_SIZE, data: out });
}

/** The image moved (bilinear) so its centre of mass lies at its centre. */
function centred(img: InkImage): InkImage {
  let [m, mx, my] = [0, 0, 0];
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const v = img.data[y * img.width + x] ?? 0;
      [m, mx, my] = [m + v, mx + v * (x + 0.5), my + v * (y + 0.5)];
    }
  if (m <= 0) return img;
  const [dx, dy] = [img.width / 2 - mx / m, img.height / 2 - my / m];
  const data = new Float32Array(img.width * img.height);
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) data[y * img.width + x] = sample(img, x - dx, y - dy);
  return { ...img, data };
}

/** Thickens (radius > 0) or thins (radius < 0) every stroke by |radius| pixels: the largest (smallest) ink level within the radius. */
export function strokeWidth(img: InkImage, radius: number): InkImage {
  let cur = img;
  for (let k = 0; k < Math.abs(radius); k++) {
    const data = new Float32Array(cur.data.length);
    for (let y = 0; y < cur.height; y++)
      for (let x = 0; x < cur.width; x++) {
        let v = cur.data[y * cur.width + x] ?? 0;
        for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
          const [nx, ny] = [x + dx, y + dy];
          const n = nx < 0 || ny < 0 || nx >= cur.width || ny >= cur.height ? 0 : (cur.data[ny * cur.width + nx] ?? 0);
          v = radius > 0 ? Math.max(v, n) : Math.min(v, n);
        }
        data[y * cur.width + x] = v;
      }
    cur = { ...cur, data };
  }
  return cur;
}

/** Cells of the orientation histograms: CELLS×CELLS over the square. */
const CELLS = 7;
/** Gradient directions, over the full circle (ink's edge and paper's edge differ). */
const BINS = 8;
/** The square's pixels averaged over 2×2 (14×14), then the histograms. */
export const FEATURE_COUNT = (DIGIT_SIZE / 2) ** 2 + CELLS * CELLS * BINS;

/**
 * What the recognizer reads of a normalized digit: its ink at half
 * resolution, and, cell by cell, how much of the ink's edge runs in each
 * of BINS directions (a histogram of oriented gradients: robust to how
 * thick the stroke is and where exactly it lies in its cell), square-rooted
 * and scaled to unit length.
 */
export function digitFeatures(img: InkImage): Float32Array {
  const f = new Float32Array(FEATURE_COUNT);
  const n = DIGIT_SIZE;
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= n || y >= n ? 0 : (img.data[y * n + x] ?? 0));
  for (let y = 0; y < n / 2; y++) for (let x = 0; x < n / 2; x++) f[y * (n / 2) + x] = (at(2 * x, 2 * y) + at(2 * x + 1, 2 * y) + at(2 * x, 2 * y + 1) + at(2 * x + 1, 2 * y + 1)) / 4;
  const base = (n / 2) ** 2;
  const cell = n / CELLS;
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      // Sobel
      const gx = at(x + 1, y - 1) + 2 * at(x + 1, y) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x - 1, y) - at(x - 1, y + 1);
      const gy = at(x - 1, y + 1) + 2 * at(x, y + 1) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x, y - 1) - at(x + 1, y - 1);
      const mag = Math.hypot(gx, gy);
      if (mag < 1e-3) continue;
      const a = ((Math.atan2(gy, gx) / (2 * Math.PI)) * BINS + BINS) % BINS;
      const b0 = Math.floor(a);
      const w1 = a - b0;
      const c = Math.floor(y / cell) * CELLS + Math.floor(x / cell);
      f[base + c * BINS + b0] = (f[base + c * BINS + b0] ?? 0) + mag * (1 - w1);
      f[base + c * BINS + ((b0 + 1) % BINS)] = (f[base + c * BINS + ((b0 + 1) % BINS)] ?? 0) + mag * w1;
    }
  let norm = 0;
  for (let i = base; i < f.length; i++) {
    f[i] = Math.sqrt(f[i] ?? 0);
    norm += (f[i] ?? 0) ** 2;
  }
  // unit length, scaled to the pixels' range (a histogram entry of a plain cell is then about as large as an inked pixel)
  const k = norm > 0 ? 6 / Math.sqrt(norm) : 0;
  for (let i = base; i < f.length; i++) f[i] = (f[i] ?? 0) * k;
  return f;
}
