import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/core/index.js';
import { createNativeTesseractEngine, haveNativeTesseract, renderPdfPage } from '../../src/ocr/index.js';
import { runDocument } from '../../src/pipeline/index.js';
import { cropPng } from '../support/crop-image.js';
import { makePdf } from '../support/make-pdf.js';

/** The optional native engine (Debian tesseract-ocr + tesseract-ocr-vie); skipped where it is not installed. */
describe.skipIf(!haveNativeTesseract())('native tesseract engine', () => {
  it('reads a page image into positioned words, like the bundled engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ingest-native-'));
    writeFileSync(join(dir, 'p.pdf'), await makePdf(['Ủy ban nhân dân thành phố Hải Phòng', 'đổi mới sáng tạo và chuyển đổi số']));
    const pdf = await openPdf(join(dir, 'p.pdf'));
    const page = await renderPdfPage(pdf, 1, 300);
    await pdf.destroy();
    writeFileSync(join(dir, 'crop.png'), await cropPng(page.bytes, 250, 250, 1500, 250));
    const engine = createNativeTesseractEngine({ workers: 1 });
    const doc = await runDocument(join(dir, 'crop.png'), { ocr: engine });
    expect(doc.pages[0]?.text).toContain('thành phố Hải Phòng');
    expect(doc.pages[0]?.words.every((w) => w.box && w.confidence > 0)).toBe(true);
  });
});
