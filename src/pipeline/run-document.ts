import type { Document, StageName, StageRun } from '../../schemas/index.js';
import { IssueLog } from '../core/index.js';
import { extractPages } from '../extract/index.js';
import { intakeFile, type IntakeOptions } from '../intake/index.js';
import { layoutPages } from '../layout/index.js';
import { ocrPages, type OcrEngine } from '../ocr/index.js';
import { assembleDocument, documentId } from '../output/index.js';
import { extractRecords } from '../records/index.js';
import { restorePages, type NgramModel } from '../restore/index.js';
import { segmentDocument } from '../segment/index.js';

export interface RunOptions extends IntakeOptions {
  /** OCR engine for pages without a usable text layer; null disables OCR (recorded as an error on such pages). */
  ocr: OcrEngine | null;
  /** Render resolution for OCR of PDF pages. Default 300. */
  ocrDpi?: number;
  /** Render a scanned page at its own resolution when lower than ocrDpi. Default true. */
  ocrNativeResolution?: boolean;
  /** The diacritic-restoration model, loaded on first need; null or absent: pages that need restoring are only flagged. */
  restoreModel?: (() => Promise<NgramModel>) | null;
  /** Progress: the stage running and, within it, pages done of total. */
  onProgress?: (stage: StageName, done: number, total: number) => void;
  /** Clock, injectable for repeatable output. Default: now. */
  now?: () => Date;
}

/**
 * Runs one file through every stage, in process:
 * intake → extract | ocr → restore → layout → segment → records → output.
 * Throws InputError only when the file cannot be processed at all;
 * everything else is recorded on the document.
 */
export async function runDocument(path: string, opts: RunOptions): Promise<Document> {
  const log = new IssueLog();
  const stages: StageRun[] = [];
  const timed = async <T>(stage: StageName, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      stages.push({ stage, ms: Math.round((performance.now() - start) * 10) / 10 });
    }
  };
  const progress = (stage: StageName) => (done: number, total: number) => opts.onProgress?.(stage, done, total);

  const intake = await timed('intake', () => intakeFile(path, opts));
  const extracted = await timed('extract', () => extractPages(intake, log.forStage('extract'), { onPage: progress('extract') }));
  const read = await timed('ocr', () => ocrPages(intake, extracted, log.forStage('ocr'), { engine: opts.ocr, dpi: opts.ocrDpi, nativeResolution: opts.ocrNativeResolution, onPage: progress('ocr') }));
  const needsRestoring = read.pages.some((p) => p.origin === 'ocr' || p.quality?.verdict === 'no-diacritics' || p.quality?.verdict === 'noisy');
  const model = needsRestoring && opts.restoreModel ? await opts.restoreModel() : null;
  const restored = await timed('restore', () => restorePages(read, log.forStage('restore'), model));
  const layout = await timed('layout', () => layoutPages(restored, log.forStage('layout')));
  const segment = await timed('segment', () => segmentDocument(layout, log.forStage('segment')));
  const records = await timed('records', () => extractRecords(documentId(intake.source.sha256), layout, segment, log.forStage('records')));
  return timed('output', async () =>
    assembleDocument({ intake, layout, segment, records, issues: log.all(), stages, processedAt: (opts.now?.() ?? new Date()).toISOString() }),
  );
}
