import { otsuThreshold, type GrayBitmap } from './gray-bitmap.js';

/**
 * On a gray or black-and-white scan a seal is as dark as print, so
 * coloured-ink.ts cannot tell it; its shape can. An official seal is a
 * ring of 3–4 cm (a thick outer circle, the agency's name set round inside
 * it, an emblem or star in the middle), stamped over the signer's title and
 * signature. OCR reads its letters and rings as junk words in the closing
 * block. So rings of seal size are found (a circle Hough transform on a
 * coarse copy of the page, each candidate checked: ink all round at one
 * radius, paper just outside it) and the disc is painted white, except in
 * rows where a line of print runs out of the disc on either side: the
 * signer's title or a body line crossing the seal stays to be read.
 */

/** Seal diameters (mm) looked for: Vietnamese agency seals are about 30–42 mm; a margin either side. */
const MIN_DIAMETER_MM = 26;
const MAX_DIAMETER_MM = 50;
/** The search runs on a copy at about this resolution: the outer ring (≈ 1 mm) is still 3 pixels wide, and the search is cheap. */
const WORK_DPI = 75;
/** An edge pixel (Sobel magnitude, gray levels × 4) votes for centres: a clear step from paper to ink. */
const MIN_EDGE = 160;
/** Candidates (centre peaks) checked per page: a page has one or two seals, and text's votes scatter. */
const CANDIDATES = 8;
/** Angles sampled round a candidate ring. */
const ANGLES = 180;
/** A seal's outer ring is inked at least this share of the way round (a worn stamp leaves gaps)… */
const MIN_RING = 0.85;
/** …while just outside it, this share at most: paper, but for print the seal lies over. Text in a paragraph fills a circle more evenly. */
const MAX_OUTSIDE = 0.4;
/** How far outside the ring (mm) the paper is looked for. */
const OUTSIDE_MM = 1.5;
/** Print running out of the disc: rows with ink right beside the disc, over this share of its radius… */
const BESIDE = 0.15;
/** …at least this share of it inked in the row. */
const LINE_INK = 0.1;
/** A band of such rows is a line of print when its height (mm) lies between these: a signature's strokes make a taller band, a passing stroke a thinner one. */
const MIN_LINE_MM = 1.2;
const MAX_LINE_MM = 7;
/** Rows of a line closer than this (mm) are one band: a line's accents sit apart from its letters. */
const LINE_GAP_MM = 0.5;
/** A kept line keeps this much (mm) above and below it: its accents and descenders. */
const LINE_PAD_MM = 0.8;

/** A seal found by its shape, in pixels of the image it was found in. */
export interface SealRing {
  cx: number;
  cy: number;
  /** The disc's radius: the outer ring and the paper ring OUTSIDE_MM wide around it. */
  r: number;
}

/** Round seals on a gray page (see the module comment), in pixels. */
export function findSeals(img: GrayBitmap, dpi: number): SealRing[] {
  const k = Math.max(1, Math.round(dpi / WORK_DPI));
  const small = shrink(img, k);
  const mm = dpi / k / 25.4;
  const [rMin, rMax] = [Math.floor((MIN_DIAMETER_MM / 2) * mm), Math.ceil((MAX_DIAMETER_MM / 2) * mm)];
  // a seal's ink is often paler than print (a worn or light stamp copied in gray): halfway from print's threshold to the paper counts
  const threshold = (otsuThreshold(small) + paperLevel(small)) / 2;
  const ink = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < small.width && y < small.height && small.data[y * small.width + x]! < threshold;
  const seals: SealRing[] = [];
  for (const [cx, cy] of centreVotes(small, rMin, rMax)) {
    const gap = Math.max(2, Math.round(OUTSIDE_MM * mm));
    const r = ringRadius(ink, cx, cy, rMin, rMax, gap);
    if (r === null) continue;
    // the same seal found again from a nearby peak
    if (seals.some((s) => Math.hypot(s.cx - cx * k, s.cy - cy * k) < s.r)) continue;
    // out to where the paper was found: the ring's blurred outer edge is inside, and print beside the disc is print
    seals.push({ cx: (cx + 0.5) * k, cy: (cy + 0.5) * k, r: (r + gap) * k });
  }
  return seals;
}

/** The paper's gray level: the median of the pixels lighter than Otsu's threshold. */
function paperLevel(img: GrayBitmap): number {
  const t = otsuThreshold(img);
  const hist = new Uint32Array(256);
  let n = 0;
  for (const v of img.data) if (v >= t) (hist[v]!++, n++);
  for (let v = 255, seen = 0; v >= 0; v--) if ((seen += hist[v]!) >= n / 2) return v;
  return 255;
}

/** The image shrunk by a whole factor (box average). */
function shrink(img: GrayBitmap, k: number): GrayBitmap {
  if (k === 1) return img;
  const [w, h] = [Math.floor(img.width / k), Math.floor(img.height / k)];
  const sums = new Uint32Array(w * h);
  const src = img.data;
  for (let y = 0; y < h * k; y++) {
    const row = ((y / k) | 0) * w;
    const start = y * img.width;
    for (let bx = 0, x = 0; bx < w; bx++) {
      let s = 0;
      for (const end = x + k; x < end; x++) s += src[start + x]!;
      sums[row + bx]! += s;
    }
  }
  const data = new Uint8Array(w * h);
  for (let i = 0; i < data.length; i++) data[i] = sums[i]! / (k * k);
  return { width: w, height: h, data };
}

/**
 * Centre candidates, strongest first: every clear edge votes, at each radius
 * in range, for the points along its gradient on both sides (a circle's
 * edges all point at its centre), and the peaks of the smoothed votes are
 * taken, no two closer than the smallest radius.
 */
function centreVotes(img: GrayBitmap, rMin: number, rMax: number): [number, number][] {
  const { width: w, height: h, data } = img;
  const votes = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const gx = data[i - w + 1]! + 2 * data[i + 1]! + data[i + w + 1]! - data[i - w - 1]! - 2 * data[i - 1]! - data[i + w - 1]!;
      const gy = data[i + w - 1]! + 2 * data[i + w]! + data[i + w + 1]! - data[i - w - 1]! - 2 * data[i - w]! - data[i - w + 1]!;
      // most pixels are flat paper or flat ink: ruled out on the squared magnitude, without a square root
      if (gx * gx + gy * gy < MIN_EDGE * MIN_EDGE) continue;
      const mag = Math.hypot(gx, gy);
      if (mag < MIN_EDGE) continue;
      const [dx, dy] = [gx / mag, gy / mag];
      for (let r = rMin; r <= rMax; r++) {
        // ink lies on either side of an edge: both ways along the gradient
        let vx = Math.round(x + r * dx);
        let vy = Math.round(y + r * dy);
        if (vx >= 0 && vy >= 0 && vx < w && vy < h) votes[vy * w + vx]! += 1;
        vx = Math.round(x - r * dx);
        vy = Math.round(y - r * dy);
        if (vx >= 0 && vy >= 0 && vx < w && vy < h) votes[vy * w + vx]! += 1;
      }
    }
  // 3 × 3 sums: a ring's votes land on a pixel or its neighbours
  const smooth = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      let s = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += votes[(y + dy) * w + x + dx]!;
      smooth[y * w + x] = s;
    }
  // local maxima only, strongest first
  const order: number[] = [];
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const v = smooth[i]!;
      if (v > 0 && v >= smooth[i - 1]! && v >= smooth[i + 1]! && v >= smooth[i - w]! && v >= smooth[i + w]!) order.push(i);
    }
  order.sort((a, b) => smooth[b]! - smooth[a]!);
  const peaks: [number, number][] = [];
  for (const i of order) {
    const [x, y] = [i % w, Math.floor(i / w)];
    if (peaks.some(([px, py]) => Math.hypot(px - x, py - y) < rMin)) continue;
    peaks.push([x, y]);
    if (peaks.length === CANDIDATES) break;
  }
  return peaks;
}

/**
 * The radius of a seal's outer ring round (cx, cy): the largest radius in
 * range inked MIN_RING of the way round (a pixel of slack either way), with
 * paper OUTSIDE_MM beyond it (at most MAX_OUTSIDE inked); null when none.
 */
function ringRadius(ink: (x: number, y: number) => boolean, cx: number, cy: number, rMin: number, rMax: number, gap: number): number | null {
  const dirs = Array.from({ length: ANGLES }, (_, a) => [Math.cos((2 * Math.PI * a) / ANGLES), Math.sin((2 * Math.PI * a) / ANGLES)] as const);
  const coverage = (r: number, slack: number): number => {
    let hit = 0;
    for (const [dx, dy] of dirs) {
      for (let d = r - slack; d <= r + slack; d++)
        if (ink(Math.round(cx + d * dx), Math.round(cy + d * dy))) {
          hit++;
          break;
        }
    }
    return hit / ANGLES;
  };
  for (let r = rMax; r >= rMin; r--) {
    if (coverage(r, 1) < MIN_RING) continue;
    if (coverage(r + gap, 0) > MAX_OUTSIDE || coverage(r + gap + 1, 0) > MAX_OUTSIDE) continue;
    return r;
  }
  return null;
}

/**
 * The page with its seals painted white, rows that carry a line of print
 * out of the disc excepted (see the module comment). The image is copied
 * only when there is a seal.
 */
export function maskSeals(img: GrayBitmap, dpi: number, seals: readonly SealRing[]): GrayBitmap {
  if (!seals.length) return img;
  const data = new Uint8Array(img.data);
  const { width: w, height: h } = img;
  const threshold = Math.min(otsuThreshold(img), 160);
  for (const { cx, cy, r } of seals) {
    const [y0, y1] = [Math.max(0, Math.floor(cy - r)), Math.min(h - 1, Math.ceil(cy + r))];
    const beside = Math.max(2, Math.round(BESIDE * r));
    // rows where print runs on right beside the disc, on the left or the right
    const printed = new Uint8Array(y1 - y0 + 1);
    const inked = (y: number, from: number, to: number): boolean => {
      let n = 0;
      for (let x = Math.max(0, Math.floor(from)); x < Math.min(w, Math.ceil(to)); x++) if (img.data[y * w + x]! < threshold) n++;
      return n >= LINE_INK * beside;
    };
    for (let y = y0; y <= y1; y++) {
      const half = Math.sqrt(Math.max(0, r * r - (y - cy) ** 2));
      if (inked(y, cx - half - beside, cx - half) || inked(y, cx + half, cx + half + beside)) printed[y - y0] = 1;
    }
    const keep = keptLines(printed, dpi / 25.4);
    for (let y = y0; y <= y1; y++) {
      if (keep[y - y0]) continue;
      const half = Math.sqrt(Math.max(0, r * r - (y - cy) ** 2));
      for (let x = Math.max(0, Math.floor(cx - half)); x <= Math.min(w - 1, Math.ceil(cx + half)); x++) data[y * w + x] = 255;
    }
  }
  return { width: w, height: h, data };
}

/** The rows (of a seal's span) to keep: bands of `printed` rows as tall as a line of print, padded (see the constants). */
function keptLines(printed: Uint8Array, pxPerMm: number): Uint8Array {
  const keep = new Uint8Array(printed.length);
  const [gap, pad] = [Math.round(LINE_GAP_MM * pxPerMm), Math.round(LINE_PAD_MM * pxPerMm)];
  for (let i = 0; i < printed.length; i++) {
    if (!printed[i]) continue;
    // the band: printed rows, gaps under LINE_GAP_MM bridged
    let end = i;
    for (let j = i + 1; j < printed.length && j - end <= gap + 1; j++) if (printed[j]) end = j;
    const height = (end - i + 1) / pxPerMm;
    if (height >= MIN_LINE_MM && height <= MAX_LINE_MM) for (let j = Math.max(0, i - pad); j <= Math.min(printed.length - 1, end + pad); j++) keep[j] = 1;
    i = end;
  }
  return keep;
}
