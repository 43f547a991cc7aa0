/**
 * OCR engines side by side (issue 6's throughput measure), same pages, same
 * run: tesseract.js (2 workers) and native tesseract 5 (Debian tesseract-ocr
 * + tesseract-ocr-vie, OMP_THREAD_LIMIT=1, two processes), both at 300 DPI,
 * and tesseract.js as the pipeline runs it (the scan's own resolution).
 * Prints pages per minute and CER against the digital fixture.
 * `npx tsx scripts/bench/ocr-engines.ts [--pages N]`
 */
import { fileURLToPath } from 'node:url';
import type { Document } from '../../schemas/index.js';
import { createNativeTesseractEngine, createTesseractEngine, haveNativeTesseract, type OcrEngine } from '../../src/ocr/index.js';
import { runDocument } from '../../src/pipeline/index.js';
import { characterErrorRate } from './ocr-scores.js';

const ROOT = new URL('../../', import.meta.url);
const path = (rel: string): string => fileURLToPath(new URL(rel, ROOT));
const SCAN = 'fixtures/scan/kh-bql-2026.scan.pdf';
const source = await runDocument(path('fixtures/pdf/kh-bql-2026.pdf'), { ocr: null });

async function measure(label: string, engine: OcrEngine, dpi: number, nativeResolution: boolean): Promise<void> {
  const t0 = performance.now();
  const doc: Document = await runDocument(path(SCAN), { ocr: engine, ocrDpi: dpi, ocrNativeResolution: nativeResolution, restoreModel: null });
  const secs = (performance.now() - t0) / 1000;
  // engines order table cells differently (native tesseract reads a table column by column), so CER is also given on the pages without tables
  const tablePages = new Set(source.tables.flatMap((t) => t.pages));
  const body = { ...doc, pages: doc.pages.filter((p) => !tablePages.has(p.number)) };
  console.log(`${label.padEnd(44)} ${(doc.source.pages / (secs / 60)).toFixed(1).padStart(6)} pages/min  CER ${(characterErrorRate(doc, source) * 100).toFixed(2)} % (pages without tables: ${(characterErrorRate(body, source) * 100).toFixed(2)} %)`);
  await engine.close();
}

console.log(`${SCAN}, ${source.source.pages} pages, 2 cores`);
await measure('tesseract.js, 2 workers, 300 DPI', await createTesseractEngine({ workers: 2 }), 300, false);
if (haveNativeTesseract()) await measure('native tesseract 5.3, 2 processes, 300 DPI', createNativeTesseractEngine({ workers: 2 }), 300, false);
else console.log('native tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-vie): skipped');
await measure("tesseract.js, 2 workers, scan's own 200 DPI", await createTesseractEngine({ workers: 2 }), 300, true);
