import { OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Ruling } from '../../schemas/index.js';
import type { TextRun } from '../core/index.js';
import { annotationRuns } from './pdf-annotation-text.js';
import { apply, multiply, type Matrix } from './pdf-matrix.js';

/** pdfjs DrawOPS inside a constructPath's path data. */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;
/** A filled rectangle thinner than this (points) is a rule, not a shaded area. */
const THIN = 2.5;
/** Segments shorter than this are glyph parts or ticks, not borders. */
const MIN_LENGTH = 4;

export interface PageGraphics {
  rulings: Ruling[];
  /** Largest share of the page covered by one painted image: ~1 for a scanned page. */
  imageCoverage: number;
  /** Resolution of that image as drawn (pixels per inch), null when there is none. */
  imageDpi: number | null;
  /** Text printed by annotations' appearances (e-signature fields with the number and day), placed on the page. */
  annotationText: TextRun[];
}

/**
 * What the page draws besides text: its horizontal and vertical rules
 * (stroked path segments, and filled rectangles thin enough to be lines, as
 * many PDF producers draw table borders), and how much of it one image
 * covers (a scan, possibly under an invisible OCR text layer). Coordinates
 * go through the current transformation matrix and the viewport, so they
 * land in top-left points.
 */
export async function readGraphics(page: PDFPageProxy): Promise<PageGraphics> {
  const viewport = page.getViewport({ scale: 1 });
  const ops = await page.getOperatorList();
  const stack: Matrix[] = [];
  let ctm = viewport.transform as Matrix;
  const out: Ruling[] = [];
  let imageCoverage = 0;
  let imageDpi: number | null = null;
  const pageArea = viewport.width * viewport.height;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      // an image is drawn into the unit square under the current matrix
      const corners = [apply(ctm, 0, 0), apply(ctm, 1, 1)];
      const area = Math.abs(((corners[1]?.[0] ?? 0) - (corners[0]?.[0] ?? 0)) * ((corners[1]?.[1] ?? 0) - (corners[0]?.[1] ?? 0)));
      const coverage = Math.min(1, area / pageArea);
      if (coverage > imageCoverage) {
        imageCoverage = coverage;
        // paintImageXObject's arguments are [id, width px, height px]: the scan's own resolution
        const widthPx = typeof args[1] === 'number' ? args[1] : 0;
        const widthPt = Math.abs((corners[1]?.[0] ?? 0) - (corners[0]?.[0] ?? 0));
        imageDpi = widthPx && widthPt ? Math.round((widthPx * 72) / widthPt) : null;
      }
    } else if (fn === OPS.constructPath) {
      const [paintOp, data] = args as [number, [ArrayLike<number> | null]];
      const path = data?.[0];
      if (!path) continue;
      const stroke = paintOp === OPS.stroke || paintOp === OPS.closeStroke || paintOp === OPS.fillStroke || paintOp === OPS.eoFillStroke;
      const fill = paintOp === OPS.fill || paintOp === OPS.eoFill || paintOp === OPS.fillStroke || paintOp === OPS.eoFillStroke;
      for (const poly of polylines(path, ctm)) {
        if (stroke) out.push(...segmentsOf(poly));
        else if (fill) out.push(...thinRect(poly));
      }
    }
  }
  return { rulings: out, imageCoverage, imageDpi, annotationText: annotationRuns(ops, viewport.transform) };
}

/** Splits path data into polylines (curves break them: they are not rules). */
function polylines(path: ArrayLike<number>, ctm: Matrix): [number, number][][] {
  const polys: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let k = 0; k < path.length; ) {
    const op = path[k];
    if (op === MOVE_TO || op === LINE_TO) {
      const p = apply(ctm, path[k + 1] ?? 0, path[k + 2] ?? 0);
      if (op === MOVE_TO && cur.length) polys.push(cur), (cur = []);
      cur.push(p);
      k += 3;
    } else if (op === CLOSE) {
      if (cur.length && cur[0]) cur.push(cur[0]);
      k += 1;
    } else {
      if (cur.length) polys.push(cur), (cur = []);
      k += op === CURVE_TO ? 7 : op === QUAD_TO ? 5 : 1;
    }
  }
  if (cur.length) polys.push(cur);
  return polys;
}

function segmentsOf(poly: [number, number][]): Ruling[] {
  const out: Ruling[] = [];
  for (let j = 1; j < poly.length; j++) {
    const [x0, y0] = poly[j - 1] ?? [0, 0];
    const [x1, y1] = poly[j] ?? [0, 0];
    if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) >= MIN_LENGTH) out.push({ orientation: 'h', at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) >= MIN_LENGTH) out.push({ orientation: 'v', at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  }
  return out;
}

function thinRect(poly: [number, number][]): Ruling[] {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 <= THIN && x1 - x0 >= MIN_LENGTH) return [{ orientation: 'h', at: (y0 + y1) / 2, from: x0, to: x1 }];
  if (x1 - x0 <= THIN && y1 - y0 >= MIN_LENGTH) return [{ orientation: 'v', at: (x0 + x1) / 2, from: y0, to: y1 }];
  return [];
}
