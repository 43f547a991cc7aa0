import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Why a PDF page is too large to read, or null. Its size is its view box
 * times its UserUnit (PDF points, 1/72 in). The PDF format itself bounds a
 * side at 14,400 points (200 in); a page claiming more (a million points
 * square) would be drawn, and OCR'd, at that size.
 */
export function pageSizeIssue(page: PDFPageProxy, maxPoints: number): string | null {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  const unit = page.userUnit || 1;
  const width = Math.abs(x1 - x0) * unit;
  const height = Math.abs(y1 - y0) * unit;
  if (width <= maxPoints && height <= maxPoints) return null;
  return `the page is ${Math.round(width)} × ${Math.round(height)} points, above the ${maxPoints}-point limit for a side`;
}
