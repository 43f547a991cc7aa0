import { readFile } from 'node:fs/promises';
import type { IntakeResult, Page, PagesResult } from '../../schemas/index.js';
import type { IssueRecorder } from '../core/index.js';
import { measureTextQuality, openPdf } from '../core/index.js';
import type { OcrEngine } from './ocr-engine.js';
import { ocrResultToPage } from './ocr-page.js';
import { renderPdfPage } from './render-page.js';

export interface OcrOptions {
  /** The engine; when null, pages that need OCR keep their (bad or empty) layer and an issue says so. */
  engine: OcrEngine | null;
  /** Render resolution for PDF pages. Default 300. */
  dpi?: number;
  /** Resolution assumed for image inputs that do not say. Default 300. */
  imageDpi?: number;
  onPage?: (done: number, total: number) => void;
}

/**
 * The OCR stage: every page listed in `needsOcr` is rendered (PDF) or taken
 * as is (image input) and read by the engine; its text-layer version is
 * replaced, and the reason is recorded on the document.
 */
export async function ocrPages(input: IntakeResult, pages: PagesResult, issues: IssueRecorder, opts: OcrOptions): Promise<PagesResult> {
  if (!pages.needsOcr.length) return pages;
  if (!opts.engine) {
    for (const n of pages.needsOcr) issues.record('ocr-disabled', `page ${n} needs OCR but OCR is disabled`, { page: n, severity: 'error' });
    return pages;
  }
  const engine = opts.engine;
  const out = new Map<number, Page>(pages.pages.map((p) => [p.number, p]));
  let done = 0;
  if (input.source.kind === 'image') {
    const dpi = opts.imageDpi ?? 300;
    const result = await engine.recognize({ bytes: await readFile(input.path), dpi });
    out.set(1, withQuality(ocrResultToPage(1, result, dpi, { width: null, height: null })));
    if (input.source.mediaType === 'image/tiff') issues.record('tiff-first-page-only', 'only the first page of a TIFF is read', { page: 1, severity: 'info' });
    opts.onPage?.(1, 1);
  } else {
    const dpi = opts.dpi ?? 300;
    const pdf = await openPdf(input.path);
    try {
      for (const n of pages.needsOcr) {
        const before = out.get(n);
        const result = await engine.recognize(await renderPdfPage(pdf, n, dpi));
        out.set(n, withQuality(ocrResultToPage(n, result, dpi, { width: before?.width ?? null, height: before?.height ?? null })));
        opts.onPage?.(++done, pages.needsOcr.length);
      }
    } finally {
      await pdf.destroy();
    }
  }
  for (const page of out.values())
    if (page.origin === 'ocr' && page.quality?.verdict === 'empty') issues.record('blank-page', `page ${page.number} has no text`, { page: page.number, severity: 'info' });
  return { pages: [...out.values()].sort((a, b) => a.number - b.number), needsOcr: [] };
}

const withQuality = (page: Page): Page => ({ ...page, quality: measureTextQuality(page.text) });
