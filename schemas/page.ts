import { z } from 'zod';
import { Box, Confidence } from './geometry.js';

/** Where a page's words came from. Text inputs count as a text layer. */
export const PageOrigin = z.enum(['text-layer', 'ocr']);
export type PageOrigin = z.infer<typeof PageOrigin>;

/** One word with its position, as the text layer or OCR gave it. */
export const Word = z.object({
  text: z.string(),
  box: Box.nullable(),
  /** Font size in points (text layer) or box height (OCR); null for text inputs. */
  fontSize: z.number().nullable(),
  fontName: z.string().nullable(),
  bold: z.boolean(),
  confidence: Confidence,
});
export type Word = z.infer<typeof Word>;

/** A line of words in reading order; words are page.words[wordStart, wordEnd). */
export const Line = z.object({
  text: z.string(),
  box: Box.nullable(),
  fontSize: z.number().nullable(),
  bold: z.boolean(),
  wordStart: z.number().int().nonnegative(),
  wordEnd: z.number().int().nonnegative(),
});
export type Line = z.infer<typeof Line>;

/**
 * How trustworthy a page's text is as Vietnamese. Decides between using the
 * text layer as is, OCR, and diacritic restoration.
 */
export const TextQuality = z.object({
  /** Share of letter tokens that are valid Vietnamese syllables (with or without tone marks). */
  validSyllableShare: z.number().min(0).max(1),
  /** Share of letter tokens that carry a Vietnamese diacritic. Clean prose: ~0.6–0.8. */
  diacriticDensity: z.number().min(0).max(1),
  /** Share of tokens mixing letters with digits/symbols inside a word ("d6i", "S&"). */
  garbageRatio: z.number().min(0).max(1),
  tokens: z.number().int().nonnegative(),
  verdict: z.enum(['good', 'no-diacritics', 'noisy', 'empty']),
});
export type TextQuality = z.infer<typeof TextQuality>;

export const Page = z.object({
  /** 1-based. */
  number: z.number().int().positive(),
  /** Page size in points; null for text inputs. */
  width: z.number().nullable(),
  height: z.number().nullable(),
  origin: PageOrigin,
  /** The page in reading order, repaired and restored. */
  text: z.string(),
  words: z.array(Word),
  lines: z.array(Line),
  quality: TextQuality.nullable(),
  /** Text-layer repairs applied ("nfc", "combining-marks", "tcvn3", …). */
  repairs: z.array(z.string()),
  /** The text before restoration, when restoration changed it. */
  originalText: z.string().nullable(),
});
export type Page = z.infer<typeof Page>;
