import { z } from 'zod';

/**
 * Reviewers' corrections: kept apart from the machine extraction (an
 * append-only trail per document), applied on top of it in the emitted
 * Document JSON, and matched again to the records after re-processing.
 */

export const RecordKind = z.enum(['indicator', 'assignment']);
export type RecordKind = z.infer<typeof RecordKind>;

/** The fields a reviewer may set, per kind (the rest is provenance and machine bookkeeping). */
export const EDITABLE_FIELDS = {
  indicator: ['code', 'section', 'name', 'unit', 'period', 'targets', 'agencies', 'lead', 'directing', 'output', 'notes'],
  assignment: ['code', 'section', 'task', 'lead', 'cooperating', 'timeline', 'output', 'directing', 'notes'],
} as const satisfies Record<RecordKind, readonly string[]>;

/** One correction, as stored: who changed what, when, from what to what. */
export const Correction = z.object({
  /** Random id of the correction itself. */
  id: z.string(),
  /** The document it belongs to. */
  document: z.string(),
  kind: RecordKind,
  /** The record's id (a row added by a reviewer gets `<doc>:<kind>:added-<n>`). */
  record: z.string(),
  /** The record's code when it was corrected: the second key to find it again after re-processing. */
  code: z.string().nullable(),
  op: z.enum(['set', 'add', 'delete', 'reviewed', 'unreviewed']),
  /** For "set": which field; null otherwise. */
  field: z.string().nullable(),
  before: z.unknown(),
  /** The new value, normalized (a timeline parsed, agencies split) when it was made. */
  after: z.unknown(),
  /** Fingerprint of the machine's reading of the row when corrected: re-processing that changes the row is flagged. */
  source: z.string().nullable(),
  reviewer: z.string(),
  time: z.string(),
  /** For a "set" that undoes an earlier one (the review page's undo): that correction's id. Its `after` is the earlier `before`. */
  undoes: z.string().optional(),
});
export type Correction = z.infer<typeof Correction>;

/** What reviewers did to a record, as the emitted Document JSON shows it. */
export const RecordReview = z.object({
  /** Fields whose value is a reviewer's, not the machine's. */
  corrected: z.array(z.string()),
  reviewed: z.boolean(),
  /** A row a reviewer added (the machine missed it). */
  added: z.boolean(),
  /** Last reviewer to touch the record, and when. */
  reviewer: z.string().nullable(),
  time: z.string().nullable(),
  /** Corrections applied to the record so far: an edit made against an older revision is a conflict. */
  revision: z.number().int().nonnegative(),
  /** The machine's reading of the row changed since it was corrected (re-processing): look at it again. */
  sourceChanged: z.boolean(),
});
export type RecordReview = z.infer<typeof RecordReview>;

/** The document's review state. */
export const DocumentReview = z.object({
  corrections: z.number().int().nonnegative(),
  /** Records deleted by reviewers (not in the arrays any more). */
  deleted: z.array(z.string()),
  /** Corrections whose record could not be found again after re-processing. */
  orphaned: z.array(z.string()),
  reviewed: z.boolean(),
  reviewer: z.string().nullable(),
  time: z.string().nullable(),
});
export type DocumentReview = z.infer<typeof DocumentReview>;

/** A local reviewer account (passwords hashed with scrypt). */
export const ReviewerAccount = z.object({
  name: z.string().regex(/^[\p{L}\p{N}._-]{1,64}$/u, { message: "must be 1–64 letters, digits, '.', '_' or '-'" }),
  salt: z.string(),
  hash: z.string(),
  created: z.string(),
  /** "admin" may also open the queue dashboard (`serve --dashboard`). */
  role: z.enum(['reviewer', 'admin']).default('reviewer'),
});
export type ReviewerAccount = z.infer<typeof ReviewerAccount>;
