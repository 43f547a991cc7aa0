import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editDistance, openPdf } from '../../src/core/index.js';
import { createTesseractEngine, languageDataPath, renderPdfPage, type OcrEngine } from '../../src/ocr/index.js';
import { runDocument } from '../../src/pipeline/index.js';
import { cropPng, grayImageOf, imageOnlyPdf } from '../support/crop-image.js';
import { turnPng } from '../../src/ocr/gray-bitmap.js';
import { encodeGrayTiff } from '../../scripts/fixtures/tiff-gray.js';
import { makePdf } from '../support/make-pdf.js';

const LINES = ['KẾ HOẠCH', 'Ủy ban nhân dân thành phố Hải Phòng', 'về phát triển khoa học, công nghệ,', 'đổi mới sáng tạo và chuyển đổi số'];
const DPI = 300;

/** Character error rate: edit distance over the reference length. */
const cer = (reference: string, hypothesis: string): number => editDistance(reference, hypothesis) / [...reference].length;

/** Real tesseract.js with the Vietnamese model from npm, on a small crop so the test stays fast. */
describe('OCR of a scanned crop (tesseract.js, vie)', () => {
  let engine: OcrEngine;
  let dir: string;
  let crop: Buffer;
  const size = { width: 1500, height: 420 };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ingest-ocr-'));
    const pdfPath = join(dir, 'digital.pdf');
    writeFileSync(pdfPath, await makePdf(LINES));
    const pdf = await openPdf(pdfPath);
    const page = await renderPdfPage(pdf, 1, DPI);
    await pdf.destroy();
    crop = await cropPng(page.bytes, 250, 250, size.width, size.height);
    engine = await createTesseractEngine({ workers: 1 });
  });
  afterAll(async () => engine?.close());

  it('reads a page image input with positioned words, CER ≤ 2%', async () => {
    const png = join(dir, 'crop.png');
    writeFileSync(png, crop);
    const doc = await runDocument(png, { ocr: engine });
    const page = doc.pages[0];
    expect(page?.origin).toBe('ocr');
    expect(cer(LINES.join('\n'), page?.text ?? '')).toBeLessThanOrEqual(0.02);
    expect(page?.words.length).toBeGreaterThan(15);
    for (const w of page?.words ?? []) {
      expect(w.box).not.toBeNull();
      expect(w.confidence).toBeGreaterThan(0);
    }
  });

  it('OCRs the image-only page of a PDF and records why', async () => {
    const pdf = join(dir, 'scan.pdf');
    writeFileSync(pdf, await imageOnlyPdf(crop, size.width, size.height, DPI));
    const doc = await runDocument(pdf, { ocr: engine });
    expect(doc.pages[0]?.origin).toBe('ocr');
    expect(doc.issues.map((i) => i.code)).toContain('text-layer-empty');
    expect(cer(LINES.join('\n'), doc.pages[0]?.text ?? '')).toBeLessThanOrEqual(0.02);
    // word boxes are in points on the page, inside it
    const box = doc.pages[0]?.words[0]?.box;
    expect(box?.x1).toBeLessThanOrEqual(doc.pages[0]?.width ?? 0);
  });

  it('reads the crop with the fast model too (--ocr-model fast), from its own data, not the best model\'s', async () => {
    expect(languageDataPath('vie', 'fast')).not.toBe(languageDataPath('vie', 'best'));
    expect(() => languageDataPath('xyz', 'fast')).toThrow(/no fast OCR model/u);
    const png = join(dir, 'crop-fast.png');
    writeFileSync(png, crop);
    const fast = await createTesseractEngine({ workers: 1, model: 'fast', cacheDir: join(dir, 'cache') });
    try {
      expect(fast.name).toContain('fast');
      const page = (await runDocument(png, { ocr: fast })).pages[0];
      expect(page?.origin).toBe('ocr');
      expect(cer(LINES.join('\n'), page?.text ?? '')).toBeLessThanOrEqual(0.03);
    } finally {
      await fast.close();
    }
  });

  it('turns a page scanned sideways upright before reading it, and records it', async () => {
    const lines = [
      'Căn cứ Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển',
      'khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;',
      'Ủy ban nhân dân thành phố ban hành Kế hoạch với các nội dung sau:',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Tạo chuyển biến mạnh mẽ trong nhận thức và hành động của các cấp.',
      '2. Xác định rõ nhiệm vụ, giải pháp, tiến độ và trách nhiệm của từng cơ quan.',
    ];
    const pdfPath = join(dir, 'sideways-source.pdf');
    writeFileSync(pdfPath, await makePdf(lines));
    const pdf = await openPdf(pdfPath);
    const rendered = await renderPdfPage(pdf, 1, DPI);
    await pdf.destroy();
    const upright = await cropPng(rendered.bytes, 250, 250, 2000, 700);
    const read = async (name: string, png: Buffer, w: number, h: number) => {
      const path = join(dir, name);
      writeFileSync(path, await imageOnlyPdf(png, w, h, DPI));
      return (await runDocument(path, { ocr: engine })).pages[0];
    };
    const straight = await read('upright.pdf', upright, 2000, 700);
    const sideways = await read('sideways.pdf', await turnPng(upright, 90), 700, 2000);
    expect(straight?.repairs).not.toContain('turned(90°)');
    expect(sideways?.repairs).toContain('turned(90°)');
    // read as well as the same crop scanned upright, and as wide as the text reads
    expect(cer(straight?.text ?? '', sideways?.text ?? '')).toBeLessThanOrEqual(0.01);
    for (const phrase of ['Căn cứ Nghị quyết số 57-NQ/TW', 'đổi mới sáng tạo và chuyển đổi số quốc gia;', 'MỤC ĐÍCH, YÊU CẦU']) expect(sideways?.text).toContain(phrase);
    expect(sideways?.width).toBeGreaterThan(sideways?.height ?? Infinity);
  });

  it('reads every page of a multi-page TIFF, in order', async () => {
    // page 2 shows the first two lines only, so the pages cannot be told apart by accident
    const pdfPath = join(dir, 'first-lines.pdf');
    writeFileSync(pdfPath, await makePdf(LINES.slice(0, 2)));
    const pdf = await openPdf(pdfPath);
    const rendered = await renderPdfPage(pdf, 1, DPI);
    await pdf.destroy();
    const second = await cropPng(rendered.bytes, 250, 250, size.width, size.height);
    const tif = join(dir, 'two pages.tif');
    writeFileSync(tif, encodeGrayTiff([await grayImageOf(crop, DPI), await grayImageOf(second, DPI)]));
    const doc = await runDocument(tif, { ocr: engine });
    expect(doc.source.pages).toBe(2);
    expect(doc.pages.map((p) => p.origin)).toEqual(['ocr', 'ocr']);
    expect(cer(LINES.join('\n'), doc.pages[0]?.text ?? '')).toBeLessThanOrEqual(0.02);
    expect(cer(LINES.slice(0, 2).join('\n'), doc.pages[1]?.text ?? '')).toBeLessThanOrEqual(0.05);
  });
});
