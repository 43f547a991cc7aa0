import { z } from 'zod';
import { Metadata } from './metadata.js';
import { Page } from './page.js';
import { Assignment, Indicator } from './records.js';
import { RecordedIssue, StageName } from './recorded-issue.js';
import { DocumentReview } from './review.js';
import { Section } from './section.js';
import { Source } from './source.js';
import { Table } from './table.js';

/** Bumped when a field changes meaning or disappears (semver). */
export const SCHEMA_VERSION = '1.0.0';

export const StageRun = z.object({
  stage: StageName,
  ms: z.number().nonnegative(),
});
export type StageRun = z.infer<typeof StageRun>;

/**
 * The pipeline's result for one input file, as written to `<out>/<base>.json`
 * and served by the API. See ../shared/CONTRACT.md for the fields consumers
 * rely on.
 */
export const Document = z.object({
  schemaVersion: z.string(),
  /** "doc-" + first 16 hex of the source sha256: stable for the same content. */
  id: z.string(),
  /** ok: no recorded errors; partial: processed, with recorded errors. */
  status: z.enum(['ok', 'partial']),
  /** 1 for a document's first output in its folder, +1 each time the same content is processed again (see the change feed). */
  version: z.number().int().positive().optional(),
  source: Source,
  metadata: Metadata,
  pages: z.array(Page),
  sections: z.array(Section),
  tables: z.array(Table),
  indicators: z.array(Indicator),
  assignments: z.array(Assignment),
  issues: z.array(RecordedIssue),
  /** Present once reviewers corrected or reviewed the document. */
  review: DocumentReview.optional(),
  pipeline: z.object({
    version: z.string(),
    processedAt: z.string(),
    stages: z.array(StageRun),
  }),
});
export type Document = z.infer<typeof Document>;
