import { otsuThreshold, type GrayBitmap } from './gray-bitmap.js';
import { warpGray, type Point, type Quad } from './perspective.js';

/**
 * A phone photo of a page shows the sheet as a bright quadrilateral on a
 * darker background (a desk, a hand), seen at an angle: a trapezoid,
 * perhaps turned. OCR reads lines that run askew and shrink towards the far
 * edge badly, and deskew (skew-angle.ts, ±3°) only turns. So the sheet's
 * outline is found and the sheet drawn square-on, as a scanner would have
 * given it. A scan, whose paper fills the frame, must never be touched:
 * every test below is there to keep it so (the outline must be a clear,
 * convex, paper-bright quadrilateral on a clearly darker background, and
 * not already upright).
 */

/** Side of the blocks (inches) the outline is looked for in: about 1 mm, more than a stroke, so print inside the sheet reads as paper. */
const BLOCK_INCH = 0.04;
/** The sheet must be this much brighter (gray levels) than what lies around it… */
const MIN_CONTRAST = 50;
/** …cover at least this share of the frame (less is a photo of a desk, not of a page)… */
const MIN_PAGE_SHARE = 0.2;
/** …and leave at least this share to the background (a scan's dark scanner edge is less). */
const MIN_BACKGROUND_SHARE = 0.04;
/** The sheet's blocks and its quadrilateral overlap at least this much (intersection over union): it is a four-sided sheet. */
const MIN_FIT = 0.92;
/** Corners of a sheet seen at a workable angle: between these (degrees). */
const MIN_CORNER_ANGLE = 60;
const MAX_CORNER_ANGLE = 120;
/** A corner this far (share of the sheet's diagonal) from where an upright sheet's corner would be makes the page worth drawing again; less is a skew that deskew undoes. */
const MIN_CORNER_SHIFT = 0.015;

/** A photographed sheet drawn square-on, and where its corners were in the photo. */
export interface RectifiedPhoto {
  gray: GrayBitmap;
  /** The resolution that makes the sheet as wide (or tall) as the frame was: page coordinates stay on the page. */
  dpi: number;
  corners: Quad;
}

/**
 * The sheet of a page photo, drawn upright (see the module comment), or
 * null when the image is not such a photo: nothing to do.
 */
export function rectifyPagePhoto(img: GrayBitmap, dpi: number): RectifiedPhoto | null {
  const corners = findSheet(img, dpi);
  if (!corners) return null;
  const [tl, tr, br, bl] = corners;
  const width = Math.round(Math.max(dist(tl, tr), dist(bl, br)));
  const height = Math.round(Math.max(dist(tl, bl), dist(tr, br)));
  const gray = warpGray(img, corners, width, height);
  if (!gray) return null;
  return { gray, dpi: dpi * Math.max(width / img.width, height / img.height), corners };
}

/** The sheet's corners (top-left, top-right, bottom-right, bottom-left) in a page photo, or null when the image is none. */
export function findSheet(img: GrayBitmap, dpi: number): Quad | null {
  const map = blockMap(img, Math.max(4, Math.round(dpi * BLOCK_INCH)));
  const { cols, rows, size } = map;
  const t = otsuThreshold({ width: cols, height: rows, data: map.data });
  const sheet = filledSheet(map, t);
  if (!sheet) return null;
  let [inside, paper, outside, background] = [0, 0, 0, 0];
  for (let i = 0; i < sheet.length; i++)
    if (sheet[i]) (inside++, (paper += map.data[i]!));
    else (outside++, (background += map.data[i]!));
  const total = cols * rows;
  if (inside < MIN_PAGE_SHARE * total || outside < MIN_BACKGROUND_SHARE * total) return null;
  if (paper / inside - background / outside < MIN_CONTRAST) return null;
  const coarse = extremeCorners(sheet, cols, rows);
  const quad = refineCorners(sheet, cols, rows, coarse) ?? coarse;
  if (!convexWithAngles(quad) || fit(sheet, cols, rows, quad) < MIN_FIT || !askew(quad)) return null;
  // block centres to pixels
  return quad.map(([x, y]) => [x * size, y * size] as Point) as unknown as Quad;
}

interface BlockMap {
  cols: number;
  rows: number;
  size: number;
  /** Per block, its brightest pair of neighbouring pixels (mean): paper wherever a block holds any. */
  data: Uint8Array;
}

/** The image in blocks of `size` pixels, each as bright as the paper in it (print between paper reads as paper; a lone bright speck of noise does not). */
function blockMap(img: GrayBitmap, size: number): BlockMap {
  const cols = Math.ceil(img.width / size);
  const rows = Math.ceil(img.height / size);
  const data = new Uint8Array(cols * rows);
  const { width, height, data: px } = img;
  // each column's block, worked out once rather than divided out for every pixel
  const column = new Int32Array(width);
  for (let x = 0; x < width; x++) column[x] = Math.floor(x / size);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / size) * cols;
    for (let x = 0, i = y * width; x + 1 < width; x++, i++) {
      const v = (px[i]! + px[i + 1]!) >> 1;
      const b = row + column[x]!;
      if (v > data[b]!) data[b] = v;
    }
  }
  return { cols, rows, size, data };
}

/**
 * The sheet as blocks: the largest 4-connected run of paper-bright blocks
 * with its holes filled (print too dark for a block, a photo on the page),
 * or null when there is none.
 */
function filledSheet(map: BlockMap, threshold: number): Uint8Array | null {
  const { cols, rows, data } = map;
  const n = cols * rows;
  const label = new Int32Array(n).fill(-1);
  let best = -1;
  let bestSize = 0;
  const stack: number[] = [];
  for (let s = 0; s < n; s++) {
    if (data[s]! <= threshold || label[s] !== -1) continue;
    let count = 0;
    label[s] = s;
    stack.push(s);
    while (stack.length) {
      const i = stack.pop()!;
      count++;
      for (const j of neighbours(i, cols, rows)) if (data[j]! > threshold && label[j] === -1) (label[j] = s), stack.push(j);
    }
    if (count > bestSize) (bestSize = count), (best = s);
  }
  if (best < 0) return null;
  // what the background reaches from the frame's edge without crossing the sheet is outside; the rest is the sheet
  const outside = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const [x, y] = [i % cols, Math.floor(i / cols)];
    if ((x === 0 || y === 0 || x === cols - 1 || y === rows - 1) && label[i] !== best) (outside[i] = 1), stack.push(i);
  }
  while (stack.length) {
    const i = stack.pop()!;
    for (const j of neighbours(i, cols, rows)) if (!outside[j] && label[j] !== best) (outside[j] = 1), stack.push(j);
  }
  return outside.map((o) => (o ? 0 : 1));
}

function neighbours(i: number, cols: number, rows: number): number[] {
  const x = i % cols;
  const out: number[] = [];
  if (x > 0) out.push(i - 1);
  if (x < cols - 1) out.push(i + 1);
  if (i >= cols) out.push(i - cols);
  if (i < (rows - 1) * cols) out.push(i + cols);
  return out;
}

/** The sheet's outermost blocks along the diagonals: its corners, for a sheet turned less than 45°. */
function extremeCorners(sheet: Uint8Array, cols: number, rows: number): Quad {
  let [tl, tr, br, bl] = [[0, 0], [0, 0], [0, 0], [0, 0]] as Point[];
  let [minSum, maxDiff, maxSum, minDiff] = [Infinity, -Infinity, -Infinity, Infinity];
  for (let y = 0; y < rows; y++)
    for (let x = 0; x < cols; x++) {
      if (!sheet[y * cols + x]) continue;
      const [cx, cy] = [x + 0.5, y + 0.5];
      if (cx + cy < minSum) (minSum = cx + cy), (tl = [cx, cy]);
      if (cx + cy > maxSum) (maxSum = cx + cy), (br = [cx, cy]);
      if (cx - cy > maxDiff) (maxDiff = cx - cy), (tr = [cx, cy]);
      if (cx - cy < minDiff) (minDiff = cx - cy), (bl = [cx, cy]);
    }
  return [tl!, tr!, br!, bl!];
}

/**
 * Corners from the sheet's four edges: each edge a straight line fitted
 * (least squares, perpendicular) through the boundary blocks along the
 * middle of that side, and the corners where the lines meet. A corner block
 * alone is off by up to a block; an edge's hundred blocks are not.
 */
function refineCorners(sheet: Uint8Array, cols: number, rows: number, quad: Quad): Quad | null {
  const sides: Point[][] = [[], [], [], []];
  for (let y = 0; y < rows; y++)
    for (let x = 0; x < cols; x++) {
      const i = y * cols + x;
      if (!sheet[i]) continue;
      const edge = x === 0 || y === 0 || x === cols - 1 || y === rows - 1 || !sheet[i - 1] || !sheet[i + 1] || !sheet[i - cols] || !sheet[i + cols];
      if (!edge) continue;
      const p: Point = [x + 0.5, y + 0.5];
      for (let k = 0; k < 4; k++) {
        const a = quad[k]!;
        const b = quad[(k + 1) % 4]!;
        const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
        const len2 = dx * dx + dy * dy;
        if (!len2) continue;
        const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
        const off = Math.abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / Math.sqrt(len2);
        // the middle of the side, away from the corners' rounding, and near the side
        if (t > 0.1 && t < 0.9 && off <= 2) sides[k]!.push(p);
      }
    }
  const lines = sides.map(fitLine);
  if (lines.some((l) => !l)) return null;
  const out: Point[] = [];
  for (let k = 0; k < 4; k++) {
    const p = meet(lines[(k + 3) % 4]!, lines[k]!);
    if (!p) return null;
    out.push(p);
  }
  return out as unknown as Quad;
}

/** A line through points: a point on it and its unit direction (principal axis), or null with too few points. */
function fitLine(points: Point[]): { p: Point; d: Point } | null {
  if (points.length < 5) return null;
  let [mx, my] = [0, 0];
  for (const [x, y] of points) (mx += x), (my += y);
  [mx, my] = [mx / points.length, my / points.length];
  let [sxx, sxy, syy] = [0, 0, 0];
  for (const [x, y] of points) (sxx += (x - mx) ** 2), (sxy += (x - mx) * (y - my)), (syy += (y - my) ** 2);
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { p: [mx, my], d: [Math.cos(angle), Math.sin(angle)] };
}

function meet(a: { p: Point; d: Point }, b: { p: Point; d: Point }): Point | null {
  const den = a.d[0] * b.d[1] - a.d[1] * b.d[0];
  if (Math.abs(den) < 1e-9) return null;
  const t = ((b.p[0] - a.p[0]) * b.d[1] - (b.p[1] - a.p[1]) * b.d[0]) / den;
  return [a.p[0] + t * a.d[0], a.p[1] + t * a.d[1]];
}

/** Convex, clockwise on screen, every corner between MIN_CORNER_ANGLE and MAX_CORNER_ANGLE. */
function convexWithAngles(q: Quad): boolean {
  for (let k = 0; k < 4; k++) {
    const [p, c, n] = [q[(k + 3) % 4]!, q[k]!, q[(k + 1) % 4]!];
    const [ax, ay, bx, by] = [p[0] - c[0], p[1] - c[1], n[0] - c[0], n[1] - c[1]];
    // y runs down: clockwise on screen is a negative cross product of (to previous, to next)
    if (ax * by - ay * bx >= 0) return false;
    const angle = (Math.acos((ax * bx + ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by))) * 180) / Math.PI;
    if (angle < MIN_CORNER_ANGLE || angle > MAX_CORNER_ANGLE) return false;
  }
  return true;
}

/** Intersection over union of the sheet's blocks and the quadrilateral's. */
function fit(sheet: Uint8Array, cols: number, rows: number, q: Quad): number {
  let [both, either] = [0, 0];
  for (let y = 0; y < rows; y++)
    for (let x = 0; x < cols; x++) {
      const a = sheet[y * cols + x] === 1;
      const b = insideQuad(q, x + 0.5, y + 0.5);
      if (a && b) both++;
      if (a || b) either++;
    }
  return either ? both / either : 0;
}

function insideQuad(q: Quad, x: number, y: number): boolean {
  for (let k = 0; k < 4; k++) {
    const [a, b] = [q[k]!, q[(k + 1) % 4]!];
    if ((b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]) < 0) return false;
  }
  return true;
}

/** Whether some corner lies MIN_CORNER_SHIFT of the diagonal or more from the upright box around the sheet: a trapezoid or a turned sheet. */
function askew(q: Quad): boolean {
  const xs = q.map((p) => p[0]);
  const ys = q.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const box: Point[] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
  const diagonal = Math.hypot(x1 - x0, y1 - y0);
  return q.some((p, k) => dist(p, box[k]!) >= MIN_CORNER_SHIFT * diagonal);
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
