import { otsuThreshold, type GrayBitmap } from './gray-bitmap.js';

/**
 * The page's skew in degrees (counter-clockwise positive), by projection
 * profiles: text lines and table rules are horizontal when the squared
 * row sums of ink are largest. Searched in ±`maxDegrees` at 0.1° on a
 * subsample of ink pixels, which keeps it well under a second a page.
 */
export function estimateSkew(img: GrayBitmap, maxDegrees = 3): number {
  const threshold = otsuThreshold(img);
  const step = Math.max(1, Math.round(img.width / 1200));
  const { width, height, data } = img;
  // the ink pixels' coordinates, in typed arrays: the search below reads them 61 times
  let count = 0;
  for (let y = 0; y < height; y += step) for (let x = 0; x < width; x += step) if (data[y * width + x]! < threshold) count++;
  if (count < 500) return 0;
  const xs = new Int32Array(count);
  const ys = new Int32Array(count);
  for (let y = 0, n = 0; y < height; y += step)
    for (let x = 0; x < width; x += step) if (data[y * width + x]! < threshold) (xs[n] = x), (ys[n] = y), n++;
  const bins = new Float64Array(Math.ceil((height + width) / step) + 2);
  let best = 0;
  let bestScore = -1;
  for (let tenth = -maxDegrees * 10; tenth <= maxDegrees * 10; tenth++) {
    const a = (tenth / 10) * (Math.PI / 180);
    const [sin, cos] = [Math.sin(a), Math.cos(a)];
    bins.fill(0);
    const offset = width * Math.abs(sin);
    // the row a pixel falls in once the page is turned back by angle a (the division skipped at step 1: the same number)
    if (step === 1)
      for (let i = 0; i < count; i++) {
        const row = Math.floor(ys[i]! * cos + xs[i]! * sin + offset);
        bins[row] = bins[row]! + 1;
      }
    else
      for (let i = 0; i < count; i++) {
        const row = Math.floor((ys[i]! * cos + xs[i]! * sin + offset) / step);
        bins[row] = bins[row]! + 1;
      }
    let score = 0;
    for (let b = 0; b < bins.length; b++) score += bins[b]! * bins[b]!;
    if (score > bestScore) {
      bestScore = score;
      best = tenth / 10;
    }
  }
  return best;
}
