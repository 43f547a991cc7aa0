import { z } from 'zod';

/**
 * A rectangle on a page in PDF points (1/72 inch), origin at the page's
 * top-left corner, y growing downwards — the orientation a reader (and the
 * review page's image crop) uses. OCR pixel boxes are converted to points.
 */
export const Box = z.object({
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
});
export type Box = z.infer<typeof Box>;

/** A confidence in [0, 1]; 1 means certain. */
export const Confidence = z.number().min(0).max(1);
