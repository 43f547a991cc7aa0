import type { Box } from '../../schemas/index.js';

/**
 * One string drawn at one position in one font — a pdfjs text item, or an
 * OCR word — in top-left page coordinates, points.
 */
export interface TextRun {
  text: string;
  /** Left edge and baseline. */
  x: number;
  baseline: number;
  width: number;
  fontSize: number;
  fontName: string | null;
  bold: boolean;
  /** How sure the reader is of the text (OCR); 1 for a text layer. */
  confidence?: number;
}

/** The run's box: ascent ≈ 0.8 em above the baseline, descent ≈ 0.25 em below. */
export function runBox(run: TextRun): Box {
  return { x0: run.x, y0: run.baseline - run.fontSize * 0.8, x1: run.x + run.width, y1: run.baseline + run.fontSize * 0.25 };
}

/** The smallest box holding all of `boxes`. */
export function unionBox(boxes: readonly Box[]): Box | null {
  if (!boxes.length) return null;
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}
