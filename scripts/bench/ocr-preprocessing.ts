/**
 * Does a preprocessing step pay? (issue 6: speed without losing accuracy.)
 * Reads pages of a scanned fixture three ways with one tesseract.js worker:
 * the prepared page as the pipeline hands it over, the same cropped to its
 * ink (margin cropping), and binarized at Otsu's threshold; prints time per
 * page and CER against the digital fixture's pages.
 * `npx tsx scripts/bench/ocr-preprocessing.ts [pages…]` (default 2 3 4 13 of the kh-bql scan)
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { fileURLToPath } from 'node:url';
import { editDistance, openPdf } from '../../src/core/index.js';
import { otsuThreshold } from '../../src/ocr/gray-bitmap.js';
import { createTesseractEngine, renderPdfPage, type OcrEngine, type PageImage } from '../../src/ocr/index.js';
import { ocrResultToPage } from '../../src/ocr/ocr-page.js';
import { prepareImage } from '../../src/ocr/prepare-image.js';
import { runDocument } from '../../src/pipeline/index.js';

const ROOT = new URL('../../', import.meta.url);
const path = (rel: string): string => fileURLToPath(new URL(rel, ROOT));
const SCAN = 'fixtures/scan/kh-bql-2026.scan.pdf';
const DPI = 200;
const REPEATS = 2;
const pages = process.argv.slice(2).map(Number);
if (!pages.length) pages.push(2, 3, 4, 13);

const source = await runDocument(path('fixtures/pdf/kh-bql-2026.pdf'), { ocr: null });
const flat = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
const engine: OcrEngine = await createTesseractEngine({ workers: 1 });
const pdf = await openPdf(path(SCAN));
const totals = new Map<string, { ms: number; errors: number }>();
let length = 0;
let area = 0;

for (const n of pages) {
  const prepared = await prepareImage(await renderPdfPage(pdf, n, DPI));
  const gray = prepared.gray!;
  const threshold = Math.min(otsuThreshold(gray), 160);
  const img = await loadImage(prepared.image.bytes);
  // the ink's bounding box, 30 px of margin kept
  let [x0, y0, x1, y1] = [gray.width, gray.height, 0, 0];
  for (let y = 0; y < gray.height; y++)
    for (let x = 0; x < gray.width; x++)
      if (gray.data[y * gray.width + x]! < threshold) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  [x0, y0, x1, y1] = [Math.max(0, x0 - 30), Math.max(0, y0 - 30), Math.min(gray.width, x1 + 30), Math.min(gray.height, y1 + 30)];
  area += ((x1 - x0) * (y1 - y0)) / (gray.width * gray.height);
  const cropped = createCanvas(x1 - x0, y1 - y0);
  cropped.getContext('2d').drawImage(img, x0, y0, x1 - x0, y1 - y0, 0, 0, x1 - x0, y1 - y0);
  const binary = createCanvas(img.width, img.height);
  const ctx = binary.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height);
  for (let i = 0; i < data.data.length; i += 4) data.data[i] = data.data[i + 1] = data.data[i + 2] = data.data[i]! < threshold ? 0 : 255;
  ctx.putImageData(data, 0, 0);
  const variants: [string, PageImage][] = [
    ['prepared gray page (the pipeline)', prepared.image],
    ['cropped to its ink', { bytes: cropped.toBuffer('image/png'), dpi: DPI }],
    ["binarized at Otsu's threshold", { bytes: binary.toBuffer('image/png'), dpi: DPI }],
  ];
  const reference = flat(source.pages.find((p) => p.number === n)?.text ?? '');
  length += reference.length;
  for (const [name, image] of variants) {
    const total = totals.get(name) ?? { ms: 0, errors: 0 };
    for (let r = 0; r < REPEATS; r++) {
      const t0 = performance.now();
      const result = await engine.recognize(image);
      total.ms += performance.now() - t0;
      if (r === 0) total.errors += editDistance(reference, flat(ocrResultToPage(n, result, DPI, { width: null, height: null }).text));
    }
    totals.set(name, total);
  }
}
await engine.close();
await pdf.destroy();
console.log(`${SCAN}, pages ${pages.join(', ')}, one worker, ${DPI} DPI; the ink covers ${((area / pages.length) * 100).toFixed(0)} % of a page`);
for (const [name, t] of totals) console.log(`${name.padEnd(36)} ${(t.ms / pages.length / REPEATS).toFixed(0).padStart(6)} ms a page  CER ${((t.errors / length) * 100).toFixed(2)} %`);
