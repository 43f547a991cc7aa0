import { DEFAULT_LIMITS, type Document } from '../../schemas/index.js';
import { Deadline } from '../core/index.js';
import { finishDocument, type FinishOptions } from './finish-document.js';
import { mergeReadings, readDocument, readPagesByOcr, type OcrRunOptions, type ReadOptions } from './read-document.js';

export interface RunOptions extends ReadOptions, OcrRunOptions, FinishOptions {
  /** Wall time for the whole document (ms), when no `deadline` is given. Default 7,200,000 (2 h). */
  documentTimeMs?: number;
}

/**
 * Runs one file through every stage, in process:
 * intake → extract | ocr → restore → layout → segment → records → output.
 * Throws InputError only when the file cannot be processed at all;
 * everything else is recorded on the document. The queue runs the same
 * three steps, with OCR spread over page jobs.
 */
export async function runDocument(path: string, options: RunOptions): Promise<Document> {
  const opts = { ...options, deadline: options.deadline ?? new Deadline(options.documentTimeMs ?? DEFAULT_LIMITS.documentTimeMs) };
  const draft = await readDocument(path, opts);
  // with OCR off, the pages keep their layer and an issue says so
  const readings = draft.pages.needsOcr.length ? await readPagesByOcr(draft, opts) : [];
  return finishDocument(mergeReadings(draft, readings), opts);
}
