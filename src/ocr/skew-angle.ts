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
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < img.height; y += step)
    for (let x = 0; x < img.width; x += step) if ((img.data[y * img.width + x] ?? 255) < threshold) xs.push(x), ys.push(y);
  if (xs.length < 500) return 0;
  const bins = new Float64Array(Math.ceil((img.height + img.width) / step) + 2);
  let best = 0;
  let bestScore = -1;
  for (let tenth = -maxDegrees * 10; tenth <= maxDegrees * 10; tenth++) {
    const a = (tenth / 10) * (Math.PI / 180);
    const [sin, cos] = [Math.sin(a), Math.cos(a)];
    bins.fill(0);
    const offset = img.width * Math.abs(sin);
    for (let i = 0; i < xs.length; i++) {
      // the row a pixel falls in once the page is turned back by angle a
      const row = Math.floor(((ys[i] ?? 0) * cos + (xs[i] ?? 0) * sin + offset) / step);
      bins[row] = (bins[row] ?? 0) + 1;
    }
    let score = 0;
    for (const b of bins) score += b * b;
    if (score > bestScore) {
      bestScore = score;
      best = tenth / 10;
    }
  }
  return best;
}
