import { z } from 'zod';
import { Box, Confidence } from './geometry.js';

export const TableCell = z.object({
  /** 0-based grid position of the cell's top-left slot. */
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  /** Lines of the cell joined by single spaces, NFC. */
  text: z.string(),
  page: z.number().int().positive(),
  box: Box.nullable(),
});
export type TableCell = z.infer<typeof TableCell>;

export const TableRow = z.object({
  index: z.number().int().nonnegative(),
  /** header rows; section rows span all columns and mark the rows under them; body rows carry data. */
  kind: z.enum(['header', 'section', 'body']),
  page: z.number().int().positive(),
});
export type TableRow = z.infer<typeof TableRow>;

/** A table as a grid; one table may run over several pages (continuations merged). */
export const Table = z.object({
  id: z.string(),
  caption: z.string().nullable(),
  pages: z.array(z.number().int().positive()),
  columnCount: z.number().int().nonnegative(),
  rows: z.array(TableRow),
  cells: z.array(TableCell),
  /**
   * How the table was found: ruling lines (PDF or image), column alignment,
   * TAB-delimited text rows, a linearized dump with one cell line per text line
   * (pdftotext without -layout), or OCR text rows whose cells are separated by
   * spaces only (a plain OCR export of a ruled table).
   */
  detection: z.enum(['ruling-lines', 'alignment', 'text-delimited', 'text-linearized', 'text-rows']),
  confidence: Confidence,
});
export type Table = z.infer<typeof Table>;
