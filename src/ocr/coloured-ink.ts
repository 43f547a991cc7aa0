import { rgbaToGray, type GrayBitmap, type RgbaBitmap } from './gray-bitmap.js';

/**
 * Official documents are printed in black; what a scan shows in red or blue
 * is ink put on the paper afterwards: round seals and stamps (red), and
 * signatures, initials and handwritten numbers or dates (blue pen). OCR
 * reads such ink as junk ("Ấ thẽ", "SẼSiá") and, where a seal lies over
 * printed text, as a garble of both. So coloured ink is painted white before
 * OCR, by colour alone: chroma (max − min of R, G, B) high both in absolute
 * terms and against the pixel's brightness, and hue red/magenta or
 * blue/violet. Black print lying over a seal stays dark and grey, so it is
 * kept and read.
 */

/** A pixel is coloured when max − min of its channels reaches this… */
const MIN_CHROMA = 60;
/** …and this share of its brightest channel (a dark grey JPEG fringe is not). */
const MIN_CHROMA_SHARE = 0.35;
/** A pixel next to masked ink that is this coloured goes too: the ink's soft, compressed edge. */
const EDGE_CHROMA = 30;
/** Inside a region of ink, a pixel this tinted and at least this bright is ink too (print under it is darker). */
const PALE_CHROMA = 20;
const PALE_MIN = 140;
/** Inside a region of ink, anything paler than print is ink or paper: painted white, so the ink's faint rings leave no specks. */
const PALE_LUMA = 150;
/** …in regions at least this tall and wide (inches). */
const PALE_REGION_INCH = 0.3;
/** Less coloured ink than this share of the page is scanner noise: left alone. */
const MIN_SHARE = 0.00003;
/** Masked regions are reported on a grid of cells this many pixels wide (at the page's resolution: about 1/20 inch at 150 dpi). */
const CELL = 8;

export type InkColour = 'red' | 'blue';

/** A region of masked ink, in pixels. */
export interface InkRegion {
  colour: InkColour;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Masked pixels in the region. */
  pixels: number;
  /**
   * For a blue region the size of a few handwritten figures (a number or a
   * day filled into a printed blank): the ink alone, its pixels' gray levels
   * on white paper, cut to the region (same box). Kept so that the figures
   * can be read after the page's print (handwritten-fields.ts); absent on
   * other regions.
   */
  ink?: GrayBitmap;
}

export interface MaskedInk {
  /** The page in gray levels (luma), the coloured ink painted white (paper). */
  gray: GrayBitmap;
  /** Regions masked, largest first; empty when nothing was. */
  regions: InkRegion[];
}

/** Hue class of an RGB pixel: red/magenta, blue/violet, or neither (green, yellow, grey). */
export function inkColour(r: number, g: number, b: number): InkColour | null {
  const max = Math.max(r, g, b);
  const chroma = max - Math.min(r, g, b);
  if (chroma < MIN_CHROMA || chroma < MIN_CHROMA_SHARE * max) return null;
  return hueClass(r, g, b, max, chroma);
}

function hueClass(r: number, g: number, b: number, max: number, chroma: number): InkColour | null {
  let hue: number;
  if (max === r) hue = (((g - b) / chroma) * 60 + 360) % 360;
  else if (max === g) hue = ((b - r) / chroma) * 60 + 120;
  else hue = ((r - g) / chroma) * 60 + 240;
  // red seals run from orange-red to pink; blue pens from cyan-blue to violet
  if (hue >= 320 || hue <= 25) return 'red';
  if (hue >= 190 && hue < 290) return 'blue';
  return null;
}

/**
 * The page in gray levels with its red and blue ink painted white (see the
 * module comment), and where that ink was: the one way coloured ink leaves
 * a page before OCR (prepare-image.ts). A page with (almost) no coloured
 * ink is only turned to gray.
 */
export function maskColouredInk(rgba: RgbaBitmap, dpi: number): MaskedInk {
  const found = findInk(rgba.data, rgba.width, rgba.height, dpi);
  const regions = (found?.regions ?? []).map((r) => (found && figureSized(r, dpi) ? { ...r, ink: inkAlone(rgba, found.mask, r) } : r));
  return { gray: rgbaToGray(rgba, found?.mask), regions };
}

/** Handwritten figures filled into a blank: 0.08–0.6 inch tall (a line of writing), at most 2 inches wide. */
const FIGURES_INCH = { minHeight: 0.08, maxHeight: 0.6, maxWidth: 2 };

/** Whether a region is blue and the size of a few handwritten figures (FIGURES_INCH). */
function figureSized(r: InkRegion, dpi: number): boolean {
  const [w, h] = [(r.x1 - r.x0) / dpi, (r.y1 - r.y0) / dpi];
  return r.colour === 'blue' && h >= FIGURES_INCH.minHeight && h <= FIGURES_INCH.maxHeight && w <= FIGURES_INCH.maxWidth;
}

/** The blue ink of a region alone: its pixels' gray levels, everything else (print, paper) white. */
function inkAlone(rgba: RgbaBitmap, mask: Uint8Array, r: InkRegion): GrayBitmap {
  const [w, h] = [r.x1 - r.x0, r.y1 - r.y0];
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (r.y0 + y) * rgba.width + r.x0 + x;
      if (mask[i] !== 2) continue;
      data[y * w + x] = ((rgba.data[4 * i] ?? 0) * 299 + (rgba.data[4 * i + 1] ?? 0) * 587 + (rgba.data[4 * i + 2] ?? 0) * 114) / 1000;
    }
  return { width: w, height: h, data };
}

/**
 * The mask (1 = red, 2 = blue) and its regions, or null when the page has
 * less coloured ink than MIN_SHARE.
 */
function findInk(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, dpi: number): { mask: Uint8Array; regions: InkRegion[] } | null {
  // only regions the size of a seal or a signature have their pale pixels cleared: beside a thin
  // coloured rule or a few digits that would thin the print around them
  const minSide = dpi * PALE_REGION_INCH;
  const n = width * height;
  const mask = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = inkColour(rgba[4 * i] ?? 0, rgba[4 * i + 1] ?? 0, rgba[4 * i + 2] ?? 0);
    if (c) (mask[i] = c === 'red' ? 1 : 2), count++;
  }
  if (count < MIN_SHARE * n) return null;
  // the ink's edge: a paler, less coloured ring that would stay as specks
  const edge: number[] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (mask[i]) continue;
      const { r, g, b, max, chroma } = pixelAt(rgba, i);
      if (chroma < EDGE_CHROMA || chroma < MIN_CHROMA_SHARE * max / 2) continue;
      const near = (x > 0 && mask[i - 1]) || (x < width - 1 && mask[i + 1]) || (y > 0 && mask[i - width]) || (y < height - 1 && mask[i + width]);
      if (near && hueClass(r, g, b, max, chroma) !== null) edge.push(i);
    }
  for (const i of edge) mask[i] = mask[i - 1] || mask[i + 1] || mask[i - width] || mask[i + width] || 1;
  const regions = inkRegions(mask, width, height);
  // within a region, paler pixels are the same ink, thinly laid (a seal's worn ring, a pen's
  // light stroke) or paper; dark ones are print under the ink and stay
  for (const r of regions.filter((g) => g.x1 - g.x0 >= minSide && g.y1 - g.y0 >= minSide))
    for (let y = r.y0; y < r.y1; y++)
      for (let x = r.x0; x < r.x1; x++) {
        const i = y * width + x;
        if (mask[i]) continue;
        const { r: red, g, b, max, chroma } = pixelAt(rgba, i);
        const luma = (red * 299 + g * 587 + b * 114) / 1000;
        if (luma >= PALE_LUMA || (max >= PALE_MIN && chroma >= PALE_CHROMA && hueClass(red, g, b, max, chroma) !== null)) mask[i] = r.colour === 'red' ? 1 : 2;
      }
  return { mask, regions };
}

/**
 * Groups the mask into regions: cells of CELL × CELL pixels holding ink,
 * joined when they touch (8-neighbours, one empty cell bridged, so a seal's
 * ring and its letters are one region), each with its bounding box.
 */
function inkRegions(mask: Uint8Array, width: number, height: number): InkRegion[] {
  const cw = Math.ceil(width / CELL);
  const ch = Math.ceil(height / CELL);
  const cells = new Int32Array(cw * ch);
  const colour = new Uint8Array(cw * ch);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const m = mask[y * width + x];
      if (!m) continue;
      const c = Math.floor(y / CELL) * cw + Math.floor(x / CELL);
      cells[c] = (cells[c] ?? 0) + 1;
      colour[c] = m;
    }
  const seen = new Uint8Array(cw * ch);
  const regions: InkRegion[] = [];
  for (let start = 0; start < cells.length; start++) {
    if (!cells[start] || seen[start]) continue;
    const stack = [start];
    seen[start] = 1;
    let [cx0, cy0, cx1, cy1, pixels, red] = [Infinity, Infinity, -1, -1, 0, 0];
    while (stack.length) {
      const c = stack.pop()!;
      const cx = c % cw;
      const cy = (c - cx) / cw;
      [cx0, cy0, cx1, cy1] = [Math.min(cx0, cx), Math.min(cy0, cy), Math.max(cx1, cx), Math.max(cy1, cy)];
      pixels += cells[c] ?? 0;
      if (colour[c] === 1) red += cells[c] ?? 0;
      for (let dy = -2; dy <= 2; dy++)
        for (let dx = -2; dx <= 2; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= cw || ny >= ch) continue;
          const k = ny * cw + nx;
          if (cells[k] && !seen[k]) (seen[k] = 1), stack.push(k);
        }
    }
    regions.push({ colour: red * 2 >= pixels ? 'red' : 'blue', x0: cx0 * CELL, y0: cy0 * CELL, x1: Math.min(width, (cx1 + 1) * CELL), y1: Math.min(height, (cy1 + 1) * CELL), pixels });
  }
  return regions.sort((a, b) => b.pixels - a.pixels);
}

/** Pixel i of an RGBA buffer: its channels, brightest channel and chroma (brightest less darkest). */
function pixelAt(rgba: Uint8Array | Uint8ClampedArray, i: number): { r: number; g: number; b: number; max: number; chroma: number } {
  const r = rgba[4 * i] ?? 0;
  const g = rgba[4 * i + 1] ?? 0;
  const b = rgba[4 * i + 2] ?? 0;
  const max = Math.max(r, g, b);
  return { r, g, b, max, chroma: max - Math.min(r, g, b) };
}
