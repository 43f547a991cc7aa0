import type { IntakeResult, Page, PagesResult } from '../../schemas/index.js';
import { DEFAULT_LIMITS } from '../../schemas/index.js';
import type { Deadline, IssueRecorder } from '../core/index.js';
import { InputError, isChildFailure, isInputError, measureTextQuality, seconds, withinTime } from '../core/index.js';
import type { OcrEngine } from './ocr-engine.js';
import type { PreparedImage } from './prepare-image.js';
import { readComparisonSigns } from './comparison-signs.js';
import { splitWordsAtRules } from './words-at-rules.js';
import { rereadGarbledCells } from './cell-reread.js';
import { readHandwrittenFields, type HandwrittenField, type HandwrittenReading } from './handwritten-fields.js';
import type { OcrResult } from './ocr-engine.js';
import { ocrResultToPage } from './ocr-page.js';
import { createSandboxedRenderer, type PageRenderer } from './page-renderer.js';
import { recognizeAtLineHeight } from './page-read-scale.js';

export interface OcrOptions {
  /** The engine; when null, pages that need OCR keep their (bad or empty) layer and an issue says so. */
  engine: OcrEngine | null;
  /** Render resolution for PDF pages (the most; scanned pages are rendered at their own resolution when lower). Default 300. */
  dpi?: number;
  /** Render a scanned page at its own resolution when that is lower than `dpi`. Default true. */
  nativeResolution?: boolean;
  /**
   * Reads each page with its median text line shrunk to this many pixels
   * (ink from the accents' tops to the descenders; page-read-scale.ts):
   * less work for the engine, at some cost in accuracy (measured in
   * BENCHMARKS.md; assignment tables suffer most). Never enlarges a page;
   * table cells re-read alone keep the full resolution. Default null:
   * pages are read as rendered.
   */
  lineHeight?: number | null;
  /** Resolution assumed for image inputs that do not say. Default 300. */
  imageDpi?: number;
  /** Pages in flight at once (rendering and OCR). Default 3: two engine workers busy and one page being rendered. */
  concurrency?: number;
  /**
   * Renders and decodes the pages (page-renderer.ts). Default: a sandboxed
   * renderer (child processes) started for this call and stopped after it;
   * callers that process many documents pass one they keep.
   */
  renderer?: PageRenderer;
  /**
   * What a PDF page whose renderer crashed or ran out of time does:
   * "record" (default) keeps the page as it was, with an error issue saying
   * why, and the document goes on (a partial success); "throw" rejects (a
   * queue's page job that will be retried). An image input is the whole
   * document: its failure always rejects.
   */
  onRenderFailure?: 'record' | 'throw';
  onPage?: (done: number, total: number) => void;
  /**
   * Rendering and reading one page may take this long (ms); a page over it
   * keeps its layer, with an error. The work goes on in the background
   * here (a renderer in a child process is killed instead). Default 120,000.
   */
  pageTimeMs?: number;
  /** The document's time budget, checked before each page. Default: none. */
  deadline?: Deadline;
}

/** Runs `fn` over `items` with at most `limit` running at a time. */
async function eachConcurrently<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(runners);
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
  // the engine's workers load their model while the first page is rendered and prepared, not after
  engine.warm?.();
  const renderer = opts.renderer ?? createSandboxedRenderer({ children: 1 });
  const out = new Map<number, Page>(pages.pages.map((p) => [p.number, p]));
  let done = 0;
  const pageTimeMs = opts.pageTimeMs ?? DEFAULT_LIMITS.pageTimeMs;
  /**
   * Runs one page's work within its time; a page over it keeps what it had,
   * and an error says why. The renderer's child is killed at the same limit
   * (a ChildFailure); what runs here (the engine) is no longer waited for.
   */
  const timedPage = async (n: number, work: () => Promise<Page | null>): Promise<void> => {
    opts.deadline?.check(`OCR of page ${n}`);
    const outcome = await withinTime(work(), pageTimeMs);
    if (outcome.timedOut) issues.record('ocr-time-limit', `page ${n}: OCR took longer than the ${seconds(pageTimeMs)} limit per page; not read`, { page: n, severity: 'error' });
    else if (outcome.value) out.set(n, outcome.value);
  };
  const read = async (n: number, prepared: PreparedImage, size: { width: number | null; height: number | null }): Promise<Page> => {
    const image = prepared.image;
    if (prepared.blank) {
      issues.record('blank-page', `page ${n} is blank; not OCR'd`, { page: n, severity: 'info' });
      return withQuality({ ...ocrResultToPage(n, { lines: [], widthPx: null, heightPx: null }, image.dpi, size), repairs: ['blank'] });
    }
    // garbled table cells are read again alone, words run over an erased column rule are cut there,
    // and comparison signs the model lacks are read from their pixels
    const { result: first, scale } = await recognizeAtLineHeight(engine, image, opts.lineHeight ?? null);
    const reread = await rereadGarbledCells(first, image, prepared.rulings, engine);
    // figures written by hand into the number's and the date's blanks, whose blue ink was painted out, are read alone
    const hand = await handwrittenFields(n, reread, prepared, engine, issues);
    const words = splitWordsAtRules(hand.result, prepared.rulings, image.dpi);
    // a page turned a quarter upright is as wide as it was tall
    const quarter = prepared.orientation === 90 || prepared.orientation === 270;
    const page = ocrResultToPage(n, readComparisonSigns(words, prepared.gray), image.dpi, quarter ? { width: size.height, height: size.width } : size, prepared.rulings);
    const steps = [...(prepared.orientation ? [`turned(${prepared.orientation}°)`] : []), ...(prepared.photo ? ['photo-rectified'] : []), ...(prepared.skew ? [`deskew(${prepared.skew.toFixed(1)}°)`] : []), ...inkMasked(n, prepared, issues), ...sealsMasked(n, prepared, issues), ...(scale < 1 ? [`read-scaled(${scale.toFixed(2)}, ${Math.round(image.dpi * scale)} dpi)`] : []), ...hand.steps];
    return withQuality({ ...page, rulings: prepared.rulings, repairs: [...steps, ...page.repairs] });
  };
  const { path, source } = input;
  try {
    if (source.kind === 'image') {
      const dpi = opts.imageDpi ?? 300;
      const tiff = source.mediaType === 'image/tiff';
      for (const n of pages.needsOcr) {
        // the image is the whole document: if it cannot be decoded, the file cannot be processed
        // (a crashed decoder is said as such: it may be retried, and the reason names the crash)
        const unreadable = (cause: unknown): never => {
          if (isChildFailure(cause) || isInputError(cause)) throw cause;
          throw new InputError('unreadable', `cannot read the image${tiff ? ` (page ${n})` : ''}: ${String((cause as Error)?.message ?? cause)}`, { cause });
        };
        await timedPage(n, async () => {
          const prepared = await renderer.prepare({ path, kind: 'image', mediaType: source.mediaType, page: n, dpi }, { timeoutMs: pageTimeMs }).catch(unreadable);
          return read(n, prepared, { width: null, height: null }).catch(unreadable);
        });
        opts.onPage?.(++done, pages.needsOcr.length);
      }
    } else {
      const dpi = opts.dpi ?? 300;
      // pages are rendered and read a few at a time, so every engine worker has work
      await eachConcurrently(pages.needsOcr, opts.concurrency ?? 3, async (n) => {
        const before = out.get(n);
        // a scanned page is rendered at its own resolution (within 150…dpi): more pixels than the scan has add only work
        const native = opts.nativeResolution === false ? undefined : pages.scanDpi?.[String(n)];
        const renderDpi = native ? Math.min(dpi, Math.max(150, native)) : dpi;
        await timedPage(n, async () => {
          let prepared: PreparedImage;
          try {
            prepared = await renderer.prepare({ path, kind: 'pdf', mediaType: source.mediaType, page: n, dpi: renderDpi }, { timeoutMs: pageTimeMs });
          } catch (error) {
            if (!isChildFailure(error) || opts.onRenderFailure === 'throw') throw error;
            // one page that crashes the renderer (or outlives its time) costs that page, not the document
            issues.record('ocr-page-failed', `page ${n} could not be OCR'd: ${error.message}`, { page: n, severity: 'error' });
            return null;
          }
          return read(n, prepared, { width: before?.width ?? null, height: before?.height ?? null });
        });
        opts.onPage?.(++done, pages.needsOcr.length);
      });
    }
  } finally {
    if (!opts.renderer) await renderer.close();
  }
  return { pages: [...out.values()].sort((a, b) => a.number - b.number), needsOcr: [], scanDpi: pages.scanDpi };
}

const withQuality = (page: Page): Page => ({ ...page, quality: measureTextQuality(page.text) });

/**
 * Coloured ink painted white before OCR (seals, signatures, handwriting) is
 * said on the page (a repair) and as an info issue with where it was, in
 * points: what was there was not read, and a reviewer may want to look.
 */
function inkMasked(n: number, prepared: PreparedImage, issues: IssueRecorder): string[] {
  if (!prepared.masked.length) return [];
  // masked ink is found before a photo's sheet is drawn square-on: its boxes are in the page as rendered
  const k = 72 / (prepared.photo?.dpi ?? prepared.image.dpi);
  const red = prepared.masked.filter((r) => r.colour === 'red').length;
  const where = prepared.masked.map((r) => `${r.colour} at (${Math.round(r.x0 * k)}, ${Math.round(r.y0 * k)})–(${Math.round(r.x1 * k)}, ${Math.round(r.y1 * k)}) pt`);
  issues.record('ink-masked', `page ${n}: red or blue ink (seal, stamp, signature or handwriting) left out of the OCR: ${where.join('; ')}`, { page: n, severity: 'info' });
  return [`ink-masked(red ${red}, blue ${prepared.masked.length - red})`];
}

/** Seals found by their shape and left out of the OCR: an info issue saying where, and a repair step. */
function sealsMasked(n: number, prepared: PreparedImage, issues: IssueRecorder): string[] {
  if (!prepared.seals.length) return [];
  const k = 72 / prepared.image.dpi;
  const where = prepared.seals.map((s) => `centre (${Math.round(s.cx * k)}, ${Math.round(s.cy * k)}) pt, radius ${Math.round(s.r * k)} pt`);
  issues.record('seal-masked', `page ${n}: a round seal found by its shape left out of the OCR (print lines crossing it kept): ${where.join('; ')}`, { page: n, severity: 'info' });
  return [`seal-masked(${prepared.seals.length})`];
}

const READ_BY: Record<HandwrittenReading['by'], string> = { recognizer: 'the handwritten-digit recognizer', engine: 'the OCR engine', both: 'the handwritten-digit recognizer and the OCR engine alike' };
const FIELD_NAMES: Record<HandwrittenField, string> = { number: 'number (after "Số:")', day: 'day (after "ngày")', month: 'month (after "tháng")' };

/**
 * Reads the figures handwritten into a page's number and date blanks
 * (handwritten-fields.ts), on a page read upright and not drawn square-on
 * from a photo (the ink's regions are found before either), and says what
 * was done: a repair step and an info issue per blank, read (with the
 * engine's confidence: a reviewer should check it against the page) or
 * left blank (with the best reading and why it was not taken).
 */
async function handwrittenFields(n: number, read: OcrResult, prepared: PreparedImage, engine: OcrEngine, issues: IssueRecorder): Promise<{ result: OcrResult; steps: string[] }> {
  if (!prepared.gray || prepared.orientation || prepared.photo) return { result: read, steps: [] };
  // the straightened page too: figures written in ink as dark as print have no colour to be kept apart by
  const found = await readHandwrittenFields(read, { masked: prepared.masked, skew: prepared.skew, width: prepared.gray.width, height: prepared.gray.height, page: prepared.gray }, engine);
  for (const r of found.readings)
    issues.record('handwritten-read', `page ${n}: the ${FIELD_NAMES[r.field]} written by hand read as "${r.text}" by ${READ_BY[r.by]} (confidence ${r.confidence.toFixed(2)}${r.probabilities ? `; each figure ${r.probabilities.map((p) => p.toFixed(2)).join(', ')}` : ''}); check it against the page`, { page: n, severity: 'info' });
  for (const u of found.unread)
    issues.record('handwritten-unread', `page ${n}: the ${FIELD_NAMES[u.field]} written by hand was not read (${u.reason}${u.best ? `; best reading "${u.best}", confidence ${u.confidence.toFixed(2)}` : ''}): left blank`, { page: n, severity: 'info' });
  const steps = found.readings.length ? [`handwritten-read(${found.readings.map((r) => `${r.field} ${r.confidence.toFixed(2)} ${r.by}`).join(', ')})`] : [];
  return { result: found.result, steps };
}
