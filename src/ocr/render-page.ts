import { createCanvas } from '@napi-rs/canvas';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageImage } from './ocr-engine.js';

/**
 * Renders one PDF page to a PNG at `dpi` (pdfjs-dist drawing on
 * @napi-rs/canvas), on white, as a scanner would have seen it.
 */
export async function renderPdfPage(pdf: PDFDocumentProxy, pageNumber: number, dpi: number): Promise<PageImage> {
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // pdfjs types its canvas for the DOM; @napi-rs/canvas implements the same 2D API.
  const params = { canvasContext: ctx, canvas, viewport } as unknown as Parameters<PDFPageProxy['render']>[0];
  await page.render(params).promise;
  page.cleanup();
  return { bytes: canvas.toBuffer('image/png'), dpi };
}
