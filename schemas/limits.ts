import { z } from 'zod';

const MiB = 1024 * 1024;

/**
 * Bounds on what one input may cost: the one place that names each limit
 * and its default. Exceeding one fails that file (or that page) with a
 * reason a clerk can act on, never the process. `ingest`, `watch`,
 * `submit` and `worker` take them as flags; the queue carries them in a
 * job's options. Every field is optional on input: the default applies.
 */
export const Limits = z.object({
  /** Largest file accepted (bytes). Default 512 MiB. */
  maxBytes: z.number().int().positive().default(512 * MiB),
  /** Largest image accepted, in pixels its header claims (the largest page of a TIFF). Default 150 million: A0 at 300 DPI is 140. */
  maxPixels: z.number().int().positive().default(150_000_000),
  /** Largest PDF accepted, in pages. Default 2,000: no plan has more; 100,000 pages in 600 KB is an attack. */
  maxPages: z.number().int().positive().default(2000),
  /** Largest page side read (PDF points, 1/72 in). Default 14,400 (200 in, the PDF format's own bound); a larger page is left empty with an error. */
  maxPagePoints: z.number().positive().default(14_400),
  /** Largest decompressed size of one PDF stream (bytes), checked before pdfjs sees the file. Default 256 MiB: an A3 colour scan at 600 DPI is 210. */
  maxStreamBytes: z.number().int().positive().default(256 * MiB),
  /** Largest text input (.txt/.md) accepted (bytes). Default 8 MiB: a 500-page plan as text is about 2. */
  maxTextBytes: z.number().int().positive().default(8 * MiB),
  /** Longest text line kept whole (characters); longer lines are split at a sentence end or a space, with a recorded issue. Default 2,000. */
  maxLineChars: z.number().int().positive().default(2000),
  /** Wall time for reading one page (ms): text layer or OCR; a page over it is left unread with an error. Default 120,000. */
  pageTimeMs: z.number().int().positive().default(120_000),
  /** Wall time for one document (ms), checked between pages and stages; over it the file fails. Default 7,200,000 (2 h). */
  documentTimeMs: z.number().int().positive().default(7_200_000),
});
export type Limits = z.infer<typeof Limits>;
/** Limits as given: any field may be left out. */
export type LimitsInput = z.input<typeof Limits>;

/** The defaults of every limit. */
export const DEFAULT_LIMITS: Limits = Limits.parse({});
