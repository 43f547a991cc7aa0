import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPdf } from '../../src/core/index.js';
import { createTesseractEngine, renderPdfPage, type OcrEngine } from '../../src/ocr/index.js';
import { runDocument } from '../../src/pipeline/index.js';
import { cropPng, imageOnlyPdf } from '../support/crop-image.js';

const SCAN = new URL('../../fixtures/scan/kh-tu-57.scan.pdf', import.meta.url).pathname;
const DPI = 200;
/** Rows 12-15 of the indicator table on page 41 of the scanned fixture, all eleven columns, in pixels at 200 DPI. */
const CROP = { x: 150, y: 260, width: 2100, height: 650 };

/**
 * Real tesseract.js on four ruled table rows of a 200 DPI scan: targets set
 * as "≥ 75%" (a sign the Vietnamese model lacks) and narrow agency cells
 * ("Sở Khoa học và Công nghệ"), which a page read as one block garbles.
 */
describe('OCR of a scanned table crop (tesseract.js, vie)', () => {
  let engine: OcrEngine;
  let text: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ingest-ocr-table-'));
    const pdf = await openPdf(SCAN);
    const page = await renderPdfPage(pdf, 41, DPI);
    await pdf.destroy();
    const crop = await cropPng(page.bytes, CROP.x, CROP.y, CROP.width, CROP.height);
    const path = join(dir, 'rows.pdf');
    writeFileSync(path, await imageOnlyPdf(crop, CROP.width, CROP.height, DPI));
    engine = await createTesseractEngine({ workers: 1 });
    const doc = await runDocument(path, { ocr: engine });
    text = doc.pages[0]?.text ?? '';
  });
  afterAll(async () => engine?.close());

  it('reads "≥" from its pixels, with the space after it', () => {
    for (const target of ['≥ 90%', '≥ 75%', '≥ 95%', '≥ 70%']) expect(text).toContain(target);
    // "80-90%" stands in the same row: a range, no sign
    expect(text).toMatch(/80-90%/u);
    expect(text).not.toMatch(/(^|\s)(z>?|=|>)\s?\d/mu);
  });

  it('reads narrow agency cells with their spaces', () => {
    expect(text).not.toMatch(/Khoahọ|Khoahọoc|SởKhoa/u);
    expect(text.match(/Sở Khoa học/gu)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(text.match(/Sở Giáo dục/gu)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });
});
