import { z } from 'zod';
import { StageRun } from './document.js';
import { Metadata } from './metadata.js';
import { RecordedIssue } from './recorded-issue.js';
import { Page } from './page.js';
import { Assignment, Indicator } from './records.js';
import { Section } from './section.js';
import { Source } from './source.js';
import { Table } from './table.js';

/**
 * The data that flows between pipeline stages. Every piece is plain,
 * serializable JSON, because the queue carries it between processes and
 * machines (a page job's result is a Page).
 */

/** intake → extract | ocr: a file that passed the checks, by path. */
export const IntakeResult = z.object({
  /** Where to read the bytes; never derived from document content. */
  path: z.string(),
  source: Source,
});
export type IntakeResult = z.infer<typeof IntakeResult>;

/** extract → ocr → restore → layout: the pages, and which ones need OCR. */
export const PagesResult = z.object({
  pages: z.array(Page),
  /** 1-based numbers of pages whose text layer is missing or unusable. */
  needsOcr: z.array(z.number().int().positive()),
  /** Pages that are one big image (scans): the image's own resolution, keyed by page number. OCR renders them at it rather than resampling. */
  scanDpi: z.record(z.string(), z.number().positive()).default({}),
});
export type PagesResult = z.infer<typeof PagesResult>;

/** layout → segment → records. */
export const LayoutResult = z.object({
  pages: z.array(Page),
  tables: z.array(Table),
});
export type LayoutResult = z.infer<typeof LayoutResult>;

/** segment → records. */
export const SegmentResult = z.object({
  metadata: Metadata,
  sections: z.array(Section),
});
export type SegmentResult = z.infer<typeof SegmentResult>;

/** records → output. */
export const RecordsResult = z.object({
  indicators: z.array(Indicator),
  assignments: z.array(Assignment),
});
export type RecordsResult = z.infer<typeof RecordsResult>;

/**
 * The pipeline between its read half (intake + extract, and OCR once done)
 * and its finish half (restore → output). The queue carries it from the
 * document job to its page jobs and back, so it is plain JSON.
 */
export const DocumentDraft = z.object({
  intake: IntakeResult,
  pages: PagesResult,
  issues: z.array(RecordedIssue),
  stages: z.array(StageRun),
});
export type DocumentDraft = z.infer<typeof DocumentDraft>;

/** One page read by OCR (a page job's result): the page, what OCR recorded on it, and how long it took. */
export const PageReading = z.object({
  page: Page,
  issues: z.array(RecordedIssue),
  ms: z.number().nonnegative(),
});
export type PageReading = z.infer<typeof PageReading>;
