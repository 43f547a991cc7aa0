import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { pdfBytes } from '../../../scripts/fixtures/pdf-bytes.js';
import { openPdf } from '../../../src/core/index.js';
import { renderPdfPagePixels } from '../../../src/ocr/render-page.js';
import { renderScanImage } from '../../../src/ocr/render-scan-image.js';

/** A scan-like page image: lines of dark text on a slightly gray paper, with a red mark. */
function scanImage(format: 'image/jpeg' | 'image/png'): Buffer {
  const canvas = createCanvas(500, 700);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f4f4f0';
  ctx.fillRect(0, 0, 500, 700);
  ctx.fillStyle = '#111111';
  ctx.font = '22px sans-serif';
  for (let y = 60; y < 600; y += 40) ctx.fillText('Ủy ban nhân dân thành phố', 30, y);
  ctx.fillStyle = '#d01010';
  ctx.fillRect(350, 600, 80, 60);
  return format === 'image/jpeg' ? canvas.toBuffer('image/jpeg', 90) : canvas.toBuffer('image/png');
}

/** A one-page PDF showing `image` over the whole page at 100 dpi, and whatever `more` draws on it. */
async function pdfOf(image: Buffer, more: (doc: PDFKit.PDFDocument) => void = () => {}): Promise<string> {
  const size: [number, number] = [(500 * 72) / 100, (700 * 72) / 100];
  const doc = new PDFDocument({ size, margin: 0, info: { CreationDate: new Date(0) } });
  const done = pdfBytes(doc);
  doc.image(image, 0, 0, { width: size[0], height: size[1] });
  more(doc);
  doc.end();
  const path = join(mkdtempSync(join(tmpdir(), 'plan-ingest-scan-image-')), 'scan.pdf');
  writeFileSync(path, await done);
  return path;
}

async function both(path: string): Promise<{ fast: Awaited<ReturnType<typeof renderScanImage>>; pdfjs: Awaited<ReturnType<typeof renderPdfPagePixels>> }> {
  const pdf = await openPdf(path);
  try {
    const file = readFileSync(path);
    return { fast: await renderScanImage(pdf, file, file.toString('latin1'), 1, 100), pdfjs: await renderPdfPagePixels(pdf, 1, 100) };
  } finally {
    await pdf.destroy();
  }
}

describe('a scanned page drawn from its own image', () => {
  it('draws a page that is one JPEG as pdfjs renders it (same size, same pixels within JPEG decoders’ rounding)', async () => {
    const { fast, pdfjs } = await both(await pdfOf(scanImage('image/jpeg')));
    expect(fast).not.toBeNull();
    expect([fast!.width, fast!.height]).toEqual([pdfjs.width, pdfjs.height]);
    let diff = 0;
    for (let i = 0; i < pdfjs.data.length; i++) diff += Math.abs(fast!.data[i]! - pdfjs.data[i]!);
    expect(diff / pdfjs.data.length).toBeLessThan(1.5);
    // the red mark is there, in colour (the coloured-ink step needs it)
    const at = (4 * (630 * fast!.width + 390)) as number;
    expect(fast!.data[at]).toBeGreaterThan(150);
    expect(fast!.data[at + 1]).toBeLessThan(80);
  });

  it('leaves to pdfjs a page that draws anything besides its image (here, text)', async () => {
    const { fast } = await both(await pdfOf(scanImage('image/jpeg'), (doc) => doc.fontSize(12).text('Số 12/KH-UBND', 20, 20)));
    expect(fast).toBeNull();
  });

  it('leaves to pdfjs an image it does not decode itself (a PNG stored with a predictor)', async () => {
    const { fast } = await both(await pdfOf(scanImage('image/png')));
    expect(fast).toBeNull();
  });
});
