import { readFile } from 'node:fs/promises';
import type { IntakeResult, Page, PagesResult } from '../../schemas/index.js';
import type { IssueRecorder } from '../core/index.js';
import { measureTextQuality, openPdf } from '../core/index.js';
import type { OcrEngine, PageImage } from './ocr-engine.js';
import { prepareImage } from './prepare-image.js';
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
 * as is (image input), prepared (blank pages skipped, skew measured and
 * undone, table rules found) and read by the engine; its text-layer version
 * is replaced, and what was done is recorded on the page.
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
  const read = async (n: number, image: PageImage, mediaType: string, size: { width: number | null; height: number | null }): Promise<Page> => {
    const prepared = await prepareImage(image, mediaType);
    if (prepared.blank) {
      issues.record('blank-page', `page ${n} is blank; not OCR'd`, { page: n, severity: 'info' });
      return withQuality({ ...ocrResultToPage(n, { lines: [], widthPx: null, heightPx: null }, image.dpi, size), repairs: ['blank'] });
    }
    const page = ocrResultToPage(n, await engine.recognize(prepared.image), image.dpi, size);
    return withQuality({ ...page, rulings: prepared.rulings, repairs: prepared.skew ? [`deskew(${prepared.skew.toFixed(1)}°)`] : [] });
  };
  if (input.source.kind === 'image') {
    const dpi = opts.imageDpi ?? 300;
    out.set(1, await read(1, { bytes: await readFile(input.path), dpi }, input.source.mediaType, { width: null, height: null }));
    if (input.source.mediaType === 'image/tiff') issues.record('tiff-first-page-only', 'only the first page of a TIFF is read', { page: 1, severity: 'info' });
    opts.onPage?.(1, 1);
  } else {
    const dpi = opts.dpi ?? 300;
    const pdf = await openPdf(input.path);
    try {
      for (const n of pages.needsOcr) {
        const before = out.get(n);
        out.set(n, await read(n, await renderPdfPage(pdf, n, dpi), 'image/png', { width: before?.width ?? null, height: before?.height ?? null }));
        opts.onPage?.(++done, pages.needsOcr.length);
      }
    } finally {
      await pdf.destroy();
    }
  }
  return { pages: [...out.values()].sort((a, b) => a.number - b.number), needsOcr: [] };
}

const withQuality = (page: Page): Page => ({ ...page, quality: measureTextQuality(page.text) });
