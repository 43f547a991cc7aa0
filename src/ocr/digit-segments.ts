import type { Box } from '../../schemas/index.js';
import type { InkImage } from './digit-image.js';
import type { GrayBitmap } from './gray-bitmap.js';

/**
 * A few handwritten figures (the ink of a blank, gray on white) cut into
 * one image per figure, left to right, for the digit recognizer: the ink's
 * connected pieces; pieces one above the other (a "5" whose bar the pen
 * lifted from, a stroke the scan broke) joined; a piece as wide as two
 * figures (figures written touching) cut where least ink runs down it; and,
 * kept apart from the figures, what is no figure: a dot or a short stroke
 * (much lower than the figures), and a slash (a straight stroke leaning far).
 */

/** A pixel is ink from this level (the ink mask leaves paper at 255). */
const INK_BELOW = 200;
/** A piece lower than this share of the tallest piece is a dot, a tick or a tail, not a figure. */
const MIN_FIGURE_HEIGHT = 0.5;
/** A mark between figures at least this share of the tallest piece high or wide is more than a dot (see `figurePieces`). */
const SMALL_FIGURE = 0.3;
/** Two pieces whose spans across overlap this much of the narrower one belong to one figure. */
const SAME_FIGURE_OVERLAP = 0.5;
/** A figure is at most this wide for its height; a wider piece is figures written touching. */
const MAX_FIGURE_ASPECT = 1.05;
/** Of touching figures, each is taken to be about this wide for its height (how many there are; the recognizer tries other counts when unsure, handwritten-digits.ts). */
const TYPICAL_ASPECT = 0.8;
/** A slash leans at least this far from upright (x per y: 35°)… */
const SLASH_LEAN = 0.7;
/** …and is straight and thin: its ink's spread across its line at most this share of its spread along it (variances). */
const SLASH_STRAIGHT = 0.02;

/** One figure's ink, where it lies in the image. */
export interface FigureInk {
  box: Box;
  ink: InkImage;
}

/** The figures of an ink image, left to right, and how many marks were left out as no figure. */
export interface Segmented {
  figures: FigureInk[];
  /** Dots, short strokes and tails left out. */
  specks: number;
  /** Slashes left out. */
  slashes: number;
}

interface Piece {
  box: Box;
  /** Pixel indices (y × width + x) of the ink. */
  pixels: number[];
}

/** The image's ink in connected pieces (8-neighbours). */
function pieces(img: GrayBitmap): Piece[] {
  const { width: w, height: h } = img;
  const label = new Int32Array(w * h).fill(-1);
  const out: Piece[] = [];
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== -1 || (img.data[start] ?? 255) >= INK_BELOW) continue;
    const piece: Piece = { box: { x0: Infinity, y0: Infinity, x1: -1, y1: -1 }, pixels: [] };
    const stack = [start];
    label[start] = out.length;
    while (stack.length) {
      const p = stack.pop()!;
      const [x, y] = [p % w, Math.floor(p / w)];
      piece.pixels.push(p);
      piece.box = { x0: Math.min(piece.box.x0, x), y0: Math.min(piece.box.y0, y), x1: Math.max(piece.box.x1, x + 1), y1: Math.max(piece.box.y1, y + 1) };
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const [nx, ny] = [x + dx, y + dy];
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const q = ny * w + nx;
          if (label[q] === -1 && (img.data[q] ?? 255) < INK_BELOW) (label[q] = out.length), stack.push(q);
        }
    }
    out.push(piece);
  }
  return out;
}

const wide = (b: Box): number => b.x1 - b.x0;
const tall = (b: Box): number => b.y1 - b.y0;
const union = (a: Box, b: Box): Box => ({ x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) });

/** Whether a piece is a slash: a thin straight stroke leaning forward far ("/"), not a "1" (upright, or with a hook or foot off its line). */
function isSlash(piece: Piece, w: number): boolean {
  const n = piece.pixels.length;
  if (n < 3) return false;
  let [mx, my] = [0, 0];
  for (const p of piece.pixels) [mx, my] = [mx + (p % w), my + Math.floor(p / w)];
  [mx, my] = [mx / n, my / n];
  let [vx, vy, cxy] = [0, 0, 0];
  for (const p of piece.pixels) {
    const [dx, dy] = [(p % w) - mx, Math.floor(p / w) - my];
    [vx, vy, cxy] = [vx + dx * dx, vy + dy * dy, cxy + dx * dy];
  }
  // a slash's x falls as y grows: its lean (x per y) is negative
  if (vy <= 0 || -cxy / vy < SLASH_LEAN) return false;
  // its ink's spread across its line against along it (the covariance's eigenvalues)
  const [t, d] = [(vx + vy) / 2, Math.sqrt(((vx - vy) / 2) ** 2 + cxy * cxy)];
  return (t - d) / (t + d) <= SLASH_STRAIGHT;
}

/** A piece's ink (or the part of it between two columns) as ink levels, cut to its box. */
function inkOf(img: GrayBitmap, pixels: readonly number[]): FigureInk | null {
  if (!pixels.length) return null;
  const w = img.width;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
  for (const p of pixels) [x0, y0, x1, y1] = [Math.min(x0, p % w), Math.min(y0, Math.floor(p / w)), Math.max(x1, (p % w) + 1), Math.max(y1, Math.floor(p / w) + 1)];
  const ink: InkImage = { width: x1 - x0, height: y1 - y0, data: new Float32Array((x1 - x0) * (y1 - y0)) };
  for (const p of pixels) ink.data[(Math.floor(p / w) - y0) * ink.width + (p % w) - x0] = (255 - (img.data[p] ?? 255)) / 255;
  return { box: { x0, y0, x1, y1 }, ink };
}

/**
 * Cuts a piece as wide as `n` figures into n at the columns where least of
 * its ink runs, each looked for around where an even cut would fall.
 */
function cut(piece: Piece, w: number, n: number): number[][] {
  const { x0, x1 } = piece.box;
  const column = new Array<number>(x1 - x0).fill(0);
  for (const p of piece.pixels) column[(p % w) - x0]! += 1;
  const cuts: number[] = [];
  const step = (x1 - x0) / n;
  for (let k = 1; k < n; k++) {
    const around = Math.round(x0 + k * step);
    let best = around;
    for (let x = Math.round(around - step / 3); x <= Math.round(around + step / 3); x++) if (x > x0 && x < x1 && (column[x - x0] ?? Infinity) < (column[best - x0] ?? Infinity)) best = x;
    cuts.push(best);
  }
  const bounds = [x0, ...cuts, x1];
  return bounds.slice(1).map((end, i) => piece.pixels.filter((p) => p % w >= bounds[i]! && p % w < end));
}

/** A piece of ink that holds figures: how many it looks like by its width, and the piece cut into any number of them. */
export interface FigurePiece {
  box: Box;
  /** How many figures its width makes it (TYPICAL_ASPECT each when wider than one figure can be). */
  count: number;
  /** Its ink cut into n figures; null when a part is no figure (lower than one: a tail). */
  cut(n: number): FigureInk[] | null;
}

/** The ink's pieces that hold figures, left to right, and how many marks were left out as no figure (see the module's note). */
export function figurePieces(img: GrayBitmap): { pieces: FigurePiece[]; specks: number; slashes: number; doubtful: number } {
  const all = pieces(img);
  if (!all.length) return { pieces: [], specks: 0, slashes: 0, doubtful: 0 };
  const top = Math.max(...all.map((p) => tall(p.box)));
  let specks = 0;
  let slashes = 0;
  const big: Piece[] = [];
  // pieces lying over one another's span are one figure (parts of a figure are lower than a figure: joined before they are judged)
  const sorted = [...all].sort((a, b) => a.box.x0 - b.box.x0);
  for (const p of sorted) {
    const host = big.find((q) => {
      const overlap = Math.min(q.box.x1, p.box.x1) - Math.max(q.box.x0, p.box.x0);
      return overlap > SAME_FIGURE_OVERLAP * Math.min(wide(q.box), wide(p.box));
    });
    if (host) (host.box = union(host.box, p.box)), host.pixels.push(...p.pixels);
    else big.push({ box: { ...p.box }, pixels: [...p.pixels] });
  }
  const out: FigurePiece[] = [];
  const ordered = big.sort((a, b) => a.box.x0 - b.box.x0);
  const low: Piece[] = [];
  for (const [i, p] of ordered.entries()) {
    if (tall(p.box) < MIN_FIGURE_HEIGHT * top) {
      specks++;
      low.push(p);
      continue;
    }
    // a slash ends the figures ("197/"): only the last piece can be one, a "1" leaning as far stands among figures
    if (i === ordered.length - 1 && out.length && isSlash(p, img.width)) {
      slashes++;
      continue;
    }
    const count = wide(p.box) > MAX_FIGURE_ASPECT * tall(p.box) ? Math.max(2, Math.round(wide(p.box) / (TYPICAL_ASPECT * tall(p.box)))) : 1;
    out.push({
      box: p.box,
      count,
      cut: (n) => {
        const parts = (n > 1 ? cut(p, img.width, n) : [p.pixels]).map((part) => inkOf(img, part));
        // a part of a cut piece lower than a figure is a tail the pen drew on (a flourish after the last figure)
        const figures = parts.filter((f): f is FigureInk => !!f && tall(f.box) >= MIN_FIGURE_HEIGHT * top);
        const tails = parts.length - figures.length;
        if (!figures.length || (tails && parts.indexOf(parts.find((f) => !f || tall(f.box) < MIN_FIGURE_HEIGHT * top)!) !== parts.length - 1)) return null;
        return figures;
      },
    });
  }
  // a mark lower than a figure but bigger than a dot between two figures may be a figure written small: it is not
  // left out quietly (the figures either side would be read as one number without it)
  const [first, last] = [out[0]?.box.x1 ?? Infinity, out.at(-1)?.box.x0 ?? -Infinity];
  const doubtful = low.filter((p) => p.box.x0 >= first - 1 && p.box.x1 <= last + 1 && Math.max(wide(p.box), tall(p.box)) >= SMALL_FIGURE * top).length;
  return { pieces: out, specks, slashes, doubtful };
}

/** The figures of an ink image, each piece cut by its width alone (see `figurePieces`). */
export function segmentFigures(img: GrayBitmap): Segmented {
  const found = figurePieces(img);
  const figures = found.pieces.flatMap((p) => p.cut(p.count) ?? []);
  return { figures, specks: found.specks, slashes: found.slashes };
}
