import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RgbaBitmap } from './gray-bitmap.js';
import type { PageImage } from './ocr-engine.js';

/**
 * Renders one PDF page to a PNG at `dpi` (pdfjs-dist drawing on
 * @napi-rs/canvas), on white, as a scanner would have seen it.
 */
export async function renderPdfPage(pdf: PDFDocumentProxy, pageNumber: number, dpi: number): Promise<PageImage> {
  const canvas = await drawPage(pdf, pageNumber, dpi);
  return { bytes: canvas.toBuffer('image/png'), dpi };
}

/**
 * Renders one PDF page at `dpi` as renderPdfPage does, and gives its pixels
 * as they are: the OCR's preparation reads pixels, and a PNG encoded here
 * only to be decoded there cost more than half a second a page.
 */
export async function renderPdfPagePixels(pdf: PDFDocumentProxy, pageNumber: number, dpi: number): Promise<RgbaBitmap> {
  const canvas = await drawPage(pdf, pageNumber, dpi);
  return { width: canvas.width, height: canvas.height, data: canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data };
}

async function drawPage(pdf: PDFDocumentProxy, pageNumber: number, dpi: number): Promise<Canvas> {
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
  return canvas;
}
