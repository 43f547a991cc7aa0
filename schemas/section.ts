import { z } from 'zod';

/** A numbered heading of the body ("I. MỤC ĐÍCH, YÊU CẦU", "2.1. …") or an appendix. */
export const Section = z.object({
  id: z.string(),
  /** As printed without the trailing dot: "I", "2", "2.1", "a"; "" for unnumbered (appendix titles). */
  number: z.string(),
  title: z.string(),
  /** 1 = Roman numerals, 2 = "1.", 3 = "1.1", 4 = "a)". */
  level: z.number().int().min(1),
  parent: z.string().nullable(),
  page: z.number().int().positive(),
  /** Index in page.lines of the heading's first line. */
  line: z.number().int().nonnegative().nullable(),
  kind: z.enum(['heading', 'appendix']),
});
export type Section = z.infer<typeof Section>;
