import { readFile } from 'node:fs/promises';
import { DEFAULT_LIMITS, DOCX_MEDIA_TYPE, type IntakeResult, type Page, type PagesResult } from '../../schemas/index.js';
import type { Deadline, IssueRecorder } from '../core/index.js';
import { InputError, measureTextQuality, openPdf, seconds, tiffPageCount, withinTime } from '../core/index.js';
import { pageSizeIssue } from './page-size.js';
import { readPdfPage } from './pdf-text-layer.js';
import { readTextPages } from './text-input.js';
import { readDocxPages } from './docx-input.js';

function imagePage(number: number): Page {
  return {
    number, width: null, height: null, origin: 'ocr', text: '', words: [], lines: [], rulings: [], blocks: [],
    quality: measureTextQuality(''), repairs: [], originalText: null,
  };
}


/** Pages asked of pdfjs ahead of the one being read. */
const READ_AHEAD = 4;
/** Above this share of the page covered by one image, the page is a scan. */
const SCAN_COVERAGE = 0.5;

/**
 * Why a page's text layer is not used as is: empty (image-only scan), noisy
 * (English-model OCR of Vietnamese), or without diacritics over a scanned
 * image (an OCR layer, better read again than restored). A digital page
 * typed without diacritics keeps its layer and goes to restoration.
 */
function ocrReason(verdict: string | undefined, imageCoverage: number): { code: string; why: string } | null {
  if (verdict === 'empty') return { code: 'text-layer-empty', why: 'text layer is empty' };
  if (verdict === 'noisy') return { code: 'text-layer-noisy', why: 'text layer is noisy' };
  if (verdict === 'no-diacritics' && imageCoverage > SCAN_COVERAGE) return { code: 'text-layer-over-scan', why: 'text layer without diacritics over a scanned image' };
  return null;
}

export interface ExtractOptions {
  /** Called after each page, for progress bars. */
  onPage?: (done: number, total: number) => void;
  /** Documents with more pages are refused before any page is read. Default 2,000. */
  maxPages?: number;
  /** A page with a side longer than this (PDF points) is left empty with an error. Default 14,400. */
  maxPagePoints?: number;
  /** A page whose text layer takes longer than this to read (ms) is left empty with an error. Default 120,000. */
  pageTimeMs?: number;
  /** Text lines longer than this (characters) are split, with an issue. Default 2,000. */
  maxLineChars?: number;
  /** The document's time budget, checked before each page. Default: none. */
  deadline?: Deadline;
}

/** No plan has this many pages; a PDF that says so is a mistake or an attack (100,000 pages in 600 KB). */
export const DEFAULT_MAX_PAGES = DEFAULT_LIMITS.maxPages;

/**
 * The extract stage: the text layer of a PDF, or the text of a .txt/.md
 * or Word .docx input, as positioned pages. Pages whose layer is empty or noisy are listed
 * in `needsOcr`; images have no layer at all, so every page needs OCR.
 */
export async function extractPages(input: IntakeResult, issues: IssueRecorder, opts: ExtractOptions = {}): Promise<PagesResult> {
  const { source, path } = input;
  if (source.kind === 'text') {
    const pages =
      source.mediaType === DOCX_MEDIA_TYPE
        ? await readDocxPages(path)
        : await readTextPages(path, source.mediaType, {
            maxLineChars: opts.maxLineChars,
            onSplit: (lines, longest) =>
              issues.record('long-lines-split', `${lines} line(s) longer than ${opts.maxLineChars ?? DEFAULT_LIMITS.maxLineChars} characters (the longest ${longest}) split at sentence ends or spaces`, { severity: 'warning' }),
          });
    opts.onPage?.(pages.length, pages.length);
    return { pages, needsOcr: [], scanDpi: {} };
  }
  // an image has no text layer: OCR fills its page (every page of a multi-page TIFF)
  if (source.kind === 'image') {
    const count = source.mediaType === 'image/tiff' ? await tiffPagesIn(path) : 1;
    const numbers = Array.from({ length: count }, (_, i) => i + 1);
    return { pages: numbers.map(imagePage), needsOcr: numbers, scanDpi: {} };
  }

  const pdf = await openPdf(path);
  try {
    const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
    if (pdf.numPages > maxPages) throw new InputError('too-many-pages', `the PDF has ${pdf.numPages} pages, above the ${maxPages}-page limit`);
    const pages = [];
    const needsOcr: number[] = [];
    const scanDpi: Record<string, number> = {};
    // pdfjs answers through a message loop in this thread: asking for the next few pages while one is read
    // overlaps its waits (pages still come out in order)
    const reading = new Map<number, Promise<PageRead>>();
    const maxPoints = opts.maxPagePoints ?? DEFAULT_LIMITS.maxPagePoints;
    const pageTimeMs = opts.pageTimeMs ?? DEFAULT_LIMITS.pageTimeMs;
    const readAt = (n: number): Promise<PageRead> => {
      // a page larger than any paper is not read: its content would be drawn (and OCR'd) at that size
      const read = pdf.getPage(n).then((p): Promise<PageRead> => {
        const tooLarge = pageSizeIssue(p, maxPoints);
        return tooLarge ? Promise.resolve({ skipped: tooLarge, code: 'page-too-large' }) : readPdfPage(p);
      });
      read.catch(() => undefined); // a page read ahead that fails is reported when its turn comes, not as unhandled
      return read;
    };
    for (let n = 1; n <= pdf.numPages; n++) {
      opts.deadline?.check(`page ${n} of ${pdf.numPages}`);
      for (let k = n; k < n + READ_AHEAD && k <= pdf.numPages; k++) if (!reading.has(k)) reading.set(k, readAt(k));
      const next = reading.get(n)!;
      reading.delete(n);
      const outcome = await withinTime(next, pageTimeMs);
      const read: PageRead = outcome.timedOut ? { skipped: `its text layer took longer than the ${seconds(pageTimeMs)} limit per page`, code: 'page-time-limit' } : outcome.value;
      if ('skipped' in read) {
        issues.record(read.code, `page ${n}: ${read.skipped}; not read`, { page: n, severity: 'error' });
        pages.push(unreadPage(n));
        opts.onPage?.(n, pdf.numPages);
        continue;
      }
      const { page, imageCoverage, imageDpi } = read;
      if (imageDpi && imageCoverage > SCAN_COVERAGE) scanDpi[String(n)] = imageDpi;
      const reason = ocrReason(page.quality?.verdict, imageCoverage);
      if (reason) {
        needsOcr.push(n);
        issues.record(reason.code, `page ${n}: ${reason.why}; the page needs OCR`, { page: n, severity: 'info' });
      }
      pages.push(page);
      opts.onPage?.(n, pdf.numPages);
    }
    return { pages, needsOcr, scanDpi };
  } finally {
    await pdf.destroy();
  }
}

/** A page read, or why it was not (`skipped`, with its issue code). */
type PageRead = Awaited<ReturnType<typeof readPdfPage>> | { skipped: string; code: string };

/** A page left unread (too large, too slow): no text, not OCR'd; an error says why. */
function unreadPage(number: number): Page {
  return { ...imagePage(number), origin: 'text-layer' };
}

/** Pages of a TIFF; one when its directories cannot be read (the OCR stage then says why). */
async function tiffPagesIn(path: string): Promise<number> {
  try {
    return Math.max(1, tiffPageCount(await readFile(path)));
  } catch {
    return 1;
  }
}
