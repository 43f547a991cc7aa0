import { z } from 'zod';

/** The pipeline stages, in the order a document flows through them. */
export const StageName = z.enum(['intake', 'extract', 'ocr', 'restore', 'layout', 'segment', 'records', 'output']);
export type StageName = z.infer<typeof StageName>;

/**
 * Something odd a stage met and recorded instead of throwing: a page it could
 * not read, a row it could not pair with a header, a timeline it could not
 * parse. A document with recorded errors is a partial success.
 */
export const RecordedIssue = z.object({
  stage: StageName,
  /** Stable, kebab-case, matched by programs ("text-layer-empty"). */
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  message: z.string(),
  /** 1-based page number, null when the issue concerns the whole document. */
  page: z.number().int().positive().nullable(),
  severity: z.enum(['info', 'warning', 'error']),
});
export type RecordedIssue = z.infer<typeof RecordedIssue>;
