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
 * A paragraph or heading: consecutive lines that belong together, joined
 * back ("justified paragraphs joined back into paragraphs"); lines are
 * page.lines[lineStart, lineEnd). Filled by the layout stage; table cells
 * are not blocks.
 */
export const Block = z.object({
  text: z.string(),
  lineStart: z.number().int().nonnegative(),
  lineEnd: z.number().int().nonnegative(),
  box: Box.nullable(),
  bold: z.boolean(),
  fontSize: z.number().nullable(),
  /** A page's first block that goes on with the previous page's last, which the page break cut mid-sentence (decided once, in layout). */
  continues: z.boolean().default(false),
  /** A stamp or banner ("SAO Y", e-signature text, the incoming stamp): not the document's own text, never read as a title, an issuer or a record. */
  banner: z.boolean().default(false),
});
export type Block = z.infer<typeof Block>;

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

/**
 * A ruling line drawn on the page (a table border): horizontal or vertical,
 * in points, top-left origin. From the PDF's vector graphics, or found in a
 * scan's image.
 */
export const Ruling = z.object({
  orientation: z.enum(['h', 'v']),
  /** For "h": the y; for "v": the x. */
  at: z.number(),
  /** Extent along the line: x-range for "h", y-range for "v". */
  from: z.number(),
  to: z.number(),
});
export type Ruling = z.infer<typeof Ruling>;

/** One cell of a table the input states outright, with its merges: a Word cell's gridSpan and vMerge. */
export const SourceTableCell = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  /** The cell's paragraphs joined by single spaces, NFC. */
  text: z.string(),
  /** Every run with text in the cell is bold (a header cell, as printed). */
  bold: z.boolean(),
});
export type SourceTableCell = z.infer<typeof SourceTableCell>;

/**
 * A table the input states outright (a Word table, w:tbl), as a grid of
 * merged cells: the extract stage reads the grid, the layout stage decides
 * which rows are headers, sections and bodies.
 */
export const SourceTable = z.object({
  columnCount: z.number().int().positive(),
  rowCount: z.number().int().positive(),
  /** Leading rows marked to repeat as the header on each page (Word's w:tblHeader). */
  headerRows: z.number().int().nonnegative(),
  cells: z.array(SourceTableCell),
  /** page.lines[lineStart, lineEnd): the table's rows as TAB-separated lines of the page text. */
  lineStart: z.number().int().nonnegative(),
  lineEnd: z.number().int().nonnegative(),
});
export type SourceTable = z.infer<typeof SourceTable>;

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
  /** Horizontal and vertical rules (table borders); empty for text inputs. */
  rulings: z.array(Ruling),
  /** Paragraphs and headings in reading order (layout stage). */
  blocks: z.array(Block),
  quality: TextQuality.nullable(),
  /** Text-layer repairs applied ("nfc", "combining-marks", "tcvn3", …). */
  repairs: z.array(z.string()),
  /** The text before restoration, when restoration changed it. */
  originalText: z.string().nullable(),
  /** Tables the input states outright (Word inputs), read into `tables` by the layout stage and then dropped from the page. */
  sourceTables: z.array(SourceTable).optional(),
});
export type Page = z.infer<typeof Page>;
