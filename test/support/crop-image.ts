import { createCanvas, loadImage } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { rgbaToGray, type GrayImage } from '../../scripts/fixtures/gray-image.js';
import { pdfBytes } from '../../scripts/fixtures/pdf-bytes.js';

/** Crops a PNG (top-left x, y, width, height in pixels), on white. */
export async function cropPng(png: Buffer, x: number, y: number, width: number, height: number): Promise<Buffer> {
  const img = await loadImage(png);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, x, y, width, height, 0, 0, width, height);
  return canvas.toBuffer('image/png');
}

/** An image-only PDF (no text layer) showing `png` at `dpi`, like a scanner writes. */
export async function imageOnlyPdf(png: Buffer, widthPx: number, heightPx: number, dpi: number): Promise<Buffer> {
  const size: [number, number] = [(widthPx * 72) / dpi, (heightPx * 72) / dpi];
  const doc = new PDFDocument({ size, margin: 0, info: { CreationDate: new Date(0) } });
  const done = pdfBytes(doc);
  doc.image(png, 0, 0, { width: size[0], height: size[1] });
  doc.end();
  return done;
}

/** An image-only PDF of several pages (each PNG one page at `dpi`), like a scanner writes. */
export async function imageOnlyPdfPages(pages: readonly { png: Buffer; widthPx: number; heightPx: number }[], dpi: number): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { CreationDate: new Date(0) } });
  const done = pdfBytes(doc);
  for (const p of pages) {
    const size: [number, number] = [(p.widthPx * 72) / dpi, (p.heightPx * 72) / dpi];
    doc.addPage({ size, margin: 0 });
    doc.image(p.png, 0, 0, { width: size[0], height: size[1] });
  }
  doc.end();
  return done;
}

/** A PNG as the fixtures' gray image, for the TIFF writer. */
export async function grayImageOf(png: Buffer, dpi: number): Promise<GrayImage> {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return rgbaToGray(ctx.getImageData(0, 0, img.width, img.height).data, img.width, img.height, dpi);
}
