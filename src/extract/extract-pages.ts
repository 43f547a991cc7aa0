import type { IntakeResult, PagesResult } from '../../schemas/index.js';
import type { IssueRecorder } from '../core/index.js';
import { openPdf } from '../core/index.js';
import { readPdfPage } from './pdf-text-layer.js';
import { readTextPages } from './text-input.js';

export interface ExtractOptions {
  /** Called after each page, for progress bars. */
  onPage?: (done: number, total: number) => void;
}

/**
 * The extract stage: the text layer of a PDF, or the text of a .txt/.md
 * input, as positioned pages. Pages whose layer is empty or noisy are listed
 * in `needsOcr`; images have no layer at all, so every page needs OCR.
 */
export async function extractPages(input: IntakeResult, issues: IssueRecorder, opts: ExtractOptions = {}): Promise<PagesResult> {
  const { source, path } = input;
  if (source.kind === 'text') {
    const pages = await readTextPages(path, source.mediaType);
    opts.onPage?.(pages.length, pages.length);
    return { pages, needsOcr: [] };
  }
  if (source.kind === 'image') return { pages: [], needsOcr: [1] };

  const pdf = await openPdf(path);
  try {
    const pages = [];
    const needsOcr: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await readPdfPage(await pdf.getPage(n));
      const verdict = page.quality?.verdict;
      if (verdict === 'empty' || verdict === 'noisy') {
        needsOcr.push(n);
        issues.record(verdict === 'empty' ? 'text-layer-empty' : 'text-layer-noisy', `page ${n}: text layer is ${verdict}; the page needs OCR`, { page: n, severity: 'info' });
      }
      pages.push(page);
      opts.onPage?.(n, pdf.numPages);
    }
    return { pages, needsOcr };
  } finally {
    await pdf.destroy();
  }
}
