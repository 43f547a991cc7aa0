import type { GrayBitmap } from './gray-bitmap.js';

/** A point in pixels. */
export type Point = readonly [number, number];

/** A quadrilateral's corners in pixels: top-left, top-right, bottom-right, bottom-left. */
export type Quad = readonly [Point, Point, Point, Point];

/**
 * The projective map (3 × 3, row-major, last entry 1) that takes the corners
 * of a `width` × `height` rectangle (top-left first, clockwise) to `quad`:
 * what a camera does to a flat page. Null when the quad is degenerate.
 */
export function homography(width: number, height: number, quad: Quad): number[] | null {
  const from: Point[] = [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ];
  // x = (a u + b v + c) / (g u + h v + 1), y = (d u + e v + f) / (g u + h v + 1): two linear equations a corner
  const rows: number[][] = [];
  for (let k = 0; k < 4; k++) {
    const [u, v] = from[k]!;
    const [x, y] = quad[k]!;
    rows.push([u, v, 1, 0, 0, 0, -u * x, -v * x, x]);
    rows.push([0, 0, 0, u, v, 1, -u * y, -v * y, y]);
  }
  const h = solve(rows);
  return h ? [...h, 1] : null;
}

/** Gaussian elimination with partial pivoting on an n × (n + 1) augmented matrix; null when singular. */
function solve(m: number[][]): number[] | null {
  const n = m.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-12) return null;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * The part of `img` inside `quad` drawn as an upright `width` × `height`
 * rectangle (bilinear sampling, paper outside the image): a photographed
 * page seen square-on, as a scanner would have given it.
 */
export function warpGray(img: GrayBitmap, quad: Quad, width: number, height: number): GrayBitmap | null {
  const h = homography(width, height, quad);
  if (!h) return null;
  const [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
  const { width: w, height: ht, data: src } = img;
  const at = (x: number, y: number): number => (x >= 0 && y >= 0 && x < w && y < ht ? src[y * w + x]! : 255);
  const data = new Uint8Array(width * height);
  for (let v = 0; v < height; v++) {
    const vc = v + 0.5;
    for (let u = 0; u < width; u++) {
      const uc = u + 0.5;
      const z = g * uc + hh * vc + 1;
      // pixel centres sit at .5: the source point less half a pixel is the top-left of the 2 × 2 read
      const sx = (a * uc + b * vc + c) / z - 0.5;
      const sy = (d * uc + e * vc + f) / z - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * fx;
      const bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * fx;
      data[v * width + u] = top + (bottom - top) * fy + 0.5;
    }
  }
  return { width, height, data };
}
