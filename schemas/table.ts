import { z } from 'zod';
import { Box, Confidence } from './geometry.js';
import { ColumnRole } from './lexicon.js';

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

/** What a column holds, and how that was found (../shared/CONTRACT.md "Added in round 2"). */
export const TableColumn = z.object({
  index: z.number().int().nonnegative(),
  /** Null when no role applies (a "Kinh phí" column: its cells go to a record's `extra`). */
  role: ColumnRole.exclude(['extra']).nullable(),
  /** The printed header; a path for grouped headers, top first ("Lâm Đồng / Điểm số"); "" when none. */
  header: z.string(),
  /** Where the role came from: the header's words, or the column's cells when the header was unreadable or missing. */
  source: z.enum(['header', 'content']).nullable(),
  confidence: Confidence,
  /** Why: the phrase matched ("Cơ quan chủ trì", fuzzy 0.87), or what the cells hold ("9 of 10 cells are timelines"). */
  evidence: z.string(),
  /** The year of a year column ("Năm 2030" → 2030; completed from its neighbours when the header was garbled). */
  year: z.number().int().nullable(),
});
export type TableColumn = z.infer<typeof TableColumn>;

/** What a table is for: only task tables give assignments and only target tables give indicators. */
export const TableKind = z.enum(['tasks', 'indicators', 'criteria', 'scores', 'comments', 'schedule', 'other']);
export type TableKind = z.infer<typeof TableKind>;

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
   * spaces only (a plain OCR export of a ruled table), or a table the input
   * states outright with its merged cells (a Word table).
   */
  detection: z.enum(['ruling-lines', 'alignment', 'text-delimited', 'text-linearized', 'text-rows', 'word-table']),
  confidence: Confidence,
  /** One per grid column, in order (empty on documents written before roles were kept). */
  columns: z.array(TableColumn).default([]),
  kind: TableKind.default('other'),
  /** Why the kind: the roles or header words that decided it. */
  kindEvidence: z.string().default(''),
});
export type Table = z.infer<typeof Table>;
