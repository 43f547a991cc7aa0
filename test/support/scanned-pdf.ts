import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPdf } from '../../src/core/index.js';
import { renderPdfPage } from '../../src/ocr/index.js';
import { cropPng, imageOnlyPdfPages } from './crop-image.js';
import { makePdf } from './make-pdf.js';

/**
 * A small scanned PDF: each page's lines are typeset, rendered at 300 DPI,
 * cropped to the text (so OCR stays quick) and put back as an image-only page.
 */
export async function scannedPdf(pages: readonly string[][]): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-ingest-scan-'));
  try {
    const images = [];
    for (const [i, lines] of pages.entries()) {
      const path = join(dir, `p${i}.pdf`);
      writeFileSync(path, await makePdf(lines));
      const pdf = await openPdf(path);
      const page = await renderPdfPage(pdf, 1, 300);
      await pdf.destroy();
      const height = 120 + lines.length * 75;
      images.push({ png: await cropPng(page.bytes, 250, 250, 1500, height), widthPx: 1500, heightPx: height });
    }
    return await imageOnlyPdfPages(images, 300);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
