import { z } from 'zod';

/** What kind of input a file is, decided from its bytes, not its name. A Word .docx is a text input: text without positions. */
export const InputKind = z.enum(['pdf', 'image', 'text']);
export type InputKind = z.infer<typeof InputKind>;

/** The media type of a Word .docx (Office Open XML); such inputs are of kind "text". */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The input file as received. The original is never modified. */
export const Source = z.object({
  /** File name as given (no directories: paths are the caller's business). */
  file: z.string(),
  /** sha256 of the file's bytes, lower-case hex; the document id derives from it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  kind: InputKind,
  /** "application/pdf", "text/markdown", "image/png", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" (a Word .docx, read as a text input), … */
  mediaType: z.string(),
  /** Number of pages (text inputs: 1 per form-feed-separated part). */
  pages: z.number().int().nonnegative(),
});
export type Source = z.infer<typeof Source>;
