import type { DocumentDraft, PageReading, StageName } from '../../schemas/index.js';
import { IssueLog, type Deadline } from '../core/index.js';
import { extractPages } from '../extract/index.js';
import { intakeFile, type IntakeOptions } from '../intake/index.js';
import { ocrPages, type OcrEngine, type PageRenderer } from '../ocr/index.js';
import { timed } from './stage-timer.js';

export interface ReadOptions extends IntakeOptions {
  /** PDFs with more pages are refused. Default 2,000. */
  maxPages?: number;
  /** Pages with a side longer than this (PDF points) are left unread, with an error. Default 14,400. */
  maxPagePoints?: number;
  /** Text lines longer than this (characters) are split. Default 2,000. */
  maxLineChars?: number;
  /** Time for one page's text layer or OCR (ms). Default 120,000. */
  pageTimeMs?: number;
  /** The document's time budget, checked between pages and stages. Default: none. */
  deadline?: Deadline;
  /** Progress: the stage running and, within it, pages done of total. */
  onProgress?: (stage: StageName, done: number, total: number) => void;
}

export interface OcrRunOptions {
  /** OCR engine for pages without a usable text layer; null disables OCR (recorded as an error on such pages). */
  ocr: OcrEngine | null;
  /** Render resolution for OCR of PDF pages. Default 300. */
  ocrDpi?: number;
  /** Render a scanned page at its own resolution when lower than ocrDpi. Default true. */
  ocrNativeResolution?: boolean;
  /** Each page read with its median text line shrunk to this many pixels (ocr-pages.ts `lineHeight`). Default null: as rendered. */
  ocrLineHeight?: number | null;
  /** Renders and decodes pages for OCR. Default: a sandboxed renderer (child processes) for this call. */
  renderer?: PageRenderer;
  /** A PDF page whose renderer crashed: "record" (default; the page fails alone) or "throw". */
  onRenderFailure?: 'record' | 'throw';
  onProgress?: (stage: StageName, done: number, total: number) => void;
  /** Time for one page's rendering and OCR (ms). Default 120,000. */
  pageTimeMs?: number;
  /** The document's time budget, checked before each page. Default: none. */
  deadline?: Deadline;
}

/**
 * The read half's first step: intake checks the file (throws InputError when
 * it cannot be processed), extract reads its text layer and says which pages
 * need OCR.
 */
export async function readDocument(path: string, opts: ReadOptions = {}): Promise<DocumentDraft> {
  const log = new IssueLog();
  const stages: DocumentDraft['stages'] = [];
  const intake = await timed(stages, 'intake', () => intakeFile(path, opts));
  const pages = await timed(stages, 'extract', () =>
    extractPages(intake, log.forStage('extract'), {
      maxPages: opts.maxPages,
      maxPagePoints: opts.maxPagePoints,
      maxLineChars: opts.maxLineChars,
      pageTimeMs: opts.pageTimeMs,
      deadline: opts.deadline,
      onPage: (done, total) => opts.onProgress?.('extract', done, total),
    }),
  );
  return { intake: { ...intake, source: { ...intake.source, pages: pages.pages.length } }, pages, issues: log.all(), stages };
}

/**
 * OCRs the listed pages of a draft (default: every page that needs it) and
 * returns them as readings; the draft is left as it is. A queue runs this
 * with one page per job; in process it runs over all pages at once so the
 * engine's workers stay busy.
 */
export async function readPagesByOcr(draft: DocumentDraft, opts: OcrRunOptions, only?: readonly number[]): Promise<PageReading[]> {
  const wanted = only ? draft.pages.needsOcr.filter((n) => only.includes(n)) : draft.pages.needsOcr;
  if (only && wanted.length !== only.length) throw new Error(`pages ${only.join(', ')} do not all need OCR`);
  const log = new IssueLog();
  const start = performance.now();
  const done = await ocrPages(draft.intake, { ...draft.pages, needsOcr: wanted }, log.forStage('ocr'), {
    engine: opts.ocr,
    dpi: opts.ocrDpi,
    nativeResolution: opts.ocrNativeResolution,
    lineHeight: opts.ocrLineHeight,
    renderer: opts.renderer,
    onRenderFailure: opts.onRenderFailure,
    onPage: (d, t) => opts.onProgress?.('ocr', d, t),
    pageTimeMs: opts.pageTimeMs,
    deadline: opts.deadline,
  });
  const ms = Math.round(performance.now() - start);
  const issues = log.all();
  return wanted.map((n) => ({
    page: done.pages.find((p) => p.number === n)!,
    issues: issues.filter((i) => i.page === n || i.page === null),
    ms: ms / wanted.length,
  }));
}

/** Puts OCR readings into the draft: their pages replace the text-layer ones and no longer need OCR. */
export function mergeReadings(draft: DocumentDraft, readings: readonly PageReading[]): DocumentDraft {
  const byNumber = new Map(readings.map((r) => [r.page.number, r]));
  const ocrMs = readings.reduce((sum, r) => sum + r.ms, 0);
  return {
    ...draft,
    pages: {
      ...draft.pages,
      pages: draft.pages.pages.map((p) => byNumber.get(p.number)?.page ?? p),
      needsOcr: draft.pages.needsOcr.filter((n) => !byNumber.has(n)),
    },
    issues: [...draft.issues, ...dedupe(readings.flatMap((r) => r.issues))],
    stages: readings.length ? [...draft.stages, { stage: 'ocr', ms: Math.round(ocrMs * 10) / 10 }] : draft.stages,
  };
}

/** Document-wide issues come back with every page of a batch: keep one of each. */
function dedupe<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = JSON.stringify(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
