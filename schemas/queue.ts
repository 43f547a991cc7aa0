import { z } from 'zod';

/**
 * What the queue carries between processes and machines (BullMQ job data),
 * and the change feed downstream systems follow. Every payload is parsed with
 * these schemas where it enters a process.
 */

/** Processing choices that travel with a document (the `ingest` flags). */
export const ProcessingOptions = z.object({
  ocr: z.boolean().default(true),
  restore: z.boolean().default(true),
  ocrDpi: z.number().int().positive().default(300),
  maxBytes: z.number().int().positive().default(512 * 1024 * 1024),
  /** Images whose header claims more pixels are refused before decoding. Default (absent): intake's 150 million. */
  maxPixels: z.number().int().positive().optional(),
});
export type ProcessingOptions = z.infer<typeof ProcessingOptions>;

/** A plain file name: no folders, not "." or "..". Output names are built from these only. */
const PlainName = z
  .string()
  .min(1)
  .refine((s) => !/[/\\\0]/.test(s) && s !== '.' && s !== '..', 'a plain file name');

/** A job's signature: workers take only jobs this installation queued. */
const JobSignature = z.string().regex(/^[0-9a-f]{64}$/, 'a job signature (64 hex digits): jobs not queued by plan-ingest are refused');

/** A document job: one input file, from the inbox or a caller. */
export const DocumentJobData = z.object({
  /** Absolute path of the file to read (shared storage when workers run on several machines). */
  file: z.string().min(1),
  /** The name the file was dropped with. */
  name: PlainName,
  /** Output base name: `<outDir>/<base>.json`. */
  base: PlainName,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  outDir: z.string().min(1),
  /** The inbox the file came from: its original is moved to `processed/` or `failed/` there. Null: leave it where it is. */
  inbox: z.string().min(1).nullable(),
  options: ProcessingOptions,
  /** Where the job stands: "read" first, "finish" once its page jobs are done. */
  step: z.enum(['read', 'finish']).default('read'),
  /** HMAC-SHA256 of the fields that name files, with the installation's job key (src/queue/job-signature.ts). */
  signature: JobSignature,
});
export type DocumentJobData = z.infer<typeof DocumentJobData>;

/** A page job: OCR one page of a document whose draft sits in `workDir`. */
export const PageJobData = z.object({
  workDir: z.string().min(1),
  page: z.number().int().positive(),
  ocrDpi: z.number().int().positive(),
  signature: JobSignature,
});
export type PageJobData = z.infer<typeof PageJobData>;

/**
 * One line of `<out>/changes.jsonl`, the append-only feed of what happened
 * to each document: follow it by line number (`GET /api/changes?after=N`).
 */
export const ChangeEntry = z.object({
  /** Document id (`doc-` + 16 hex of the content hash). */
  id: z.string(),
  /** 1 for the first output of a document, +1 for every re-processing. Null until an output exists. */
  version: z.number().int().positive().nullable(),
  time: z.string(),
  status: z.enum(['queued', 'ok', 'partial', 'failed', 'duplicate', 'corrected']),
  /** The file name as dropped. */
  file: z.string(),
  /** `<base>.json` in the output folder (absent for failures and duplicates). */
  output: z.string().nullable(),
  /** Why it failed, what it duplicates, or (corrected) who corrected what. */
  reason: z.string().nullable().default(null),
  /** Absolute path of the original as processed (for the review page's crops; checked by hash before use). */
  original: z.string().nullable().default(null),
  /** The queue job that wrote the entry (so a retried job never writes it twice). */
  job: z.string().nullable().default(null),
});
export type ChangeEntry = z.infer<typeof ChangeEntry>;
/** A feed entry as written (fields with defaults may be left out). */
export type ChangeEntryInput = z.input<typeof ChangeEntry>;
