import type { Box } from '../../schemas/index.js';
import type { GrayBitmap } from './gray-bitmap.js';

/**
 * Images of a few handwritten figures cut out of a page, drawn the ways
 * handwritten-fields.ts reads them: cut tight with a white margin, scaled,
 * in gray or black, bolder, smaller.
 */

/** White margin around the ink, in share of its height: the engine finds a line badly when ink touches the edge. */
const MARGIN = 0.35;

/**
 * The same ink (cut tight, `tightCrop`) drawn five ways: its gray levels;
 * every ink pixel black; black and a pixel bolder; and the first two at
 * half the size. A reading of handwriting the engine really recognizes
 * survives all of them; one it guessed changes from one to the next
 * ("294", "204", "94").
 * @param inkBelow gray level under which a pixel is ink in the black renderings (255: anything not paper)
 */
export function renderings(ink: GrayBitmap, inkBelow: number): GrayBitmap[] {
  const black = { ...ink, data: ink.data.map((v) => (v < inkBelow ? 0 : 255)) };
  return [ink, black, bolder(black), half(ink), half(black)];
}

/** Every ink pixel's neighbours inked too: strokes a pixel bolder. */
function bolder(g: GrayBitmap): GrayBitmap {
  const data = new Uint8Array(g.data);
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++) {
      if ((g.data[y * g.width + x] ?? 255) === 255) continue;
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        const [nx, ny] = [x + dx, y + dy];
        if (nx >= 0 && ny >= 0 && nx < g.width && ny < g.height) data[ny * g.width + nx] = Math.min(data[ny * g.width + nx] ?? 255, g.data[y * g.width + x] ?? 255);
      }
    }
  return { ...g, data };
}

/** The image scaled by `f` (bilinear), paper beyond its edges. */
export function resize(g: GrayBitmap, f: number): GrayBitmap {
  if (Math.abs(f - 1) < 0.1) return g;
  const [w, h] = [Math.max(1, Math.round(g.width * f)), Math.max(1, Math.round(g.height * f))];
  const data = new Uint8Array(w * h);
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= g.width || y >= g.height ? 255 : (g.data[y * g.width + x] ?? 255));
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const [sx, sy] = [(x + 0.5) / f - 0.5, (y + 0.5) / f - 0.5];
      const [x0, y0] = [Math.floor(sx), Math.floor(sy)];
      const [fx, fy] = [sx - x0, sy - y0];
      const top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * fx;
      const bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * fx;
      data[y * w + x] = Math.round(top + (bottom - top) * fy);
    }
  return { width: w, height: h, data };
}

/** The image at half its size, each pixel the darkest of the four it covers (thin strokes kept). */
function half(g: GrayBitmap): GrayBitmap {
  const [w, h] = [Math.max(1, g.width >> 1), Math.max(1, g.height >> 1)];
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const at = (dx: number, dy: number): number => g.data[Math.min(g.height - 1, 2 * y + dy) * g.width + Math.min(g.width - 1, 2 * x + dx)] ?? 255;
      data[y * w + x] = Math.min(at(0, 0), at(1, 0), at(0, 1), at(1, 1));
    }
  return { width: w, height: h, data };
}


/** The box (inclusive pixels) of an image's ink, anything not white; null when there is none. */
export function inkBounds(g: GrayBitmap): Box | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++)
      if ((g.data[y * g.width + x] ?? 255) < 255) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

/** The ink's bounding box with a white margin of MARGIN × its height; null when there is no ink. */
export function tightCrop(g: GrayBitmap): GrayBitmap | null {
  const b = inkBounds(g);
  if (!b) return null;
  const { x0, y0, x1, y1 } = b;
  const pad = Math.round((y1 - y0 + 1) * MARGIN);
  const [w, h] = [x1 - x0 + 1 + 2 * pad, y1 - y0 + 1 + 2 * pad];
  const data = new Uint8Array(w * h).fill(255);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) data[(y - y0 + pad) * w + x - x0 + pad] = g.data[y * g.width + x] ?? 255;
  return { width: w, height: h, data };
}
