import { untyped } from '../table-header.js';
import type { Page, Table, TableCell, TableRow } from '../../../../schemas/index.js';
import { columnWidth } from './column-width.js';
import { atomsOf, joinLines } from './linearized-cells.js';
import { chunkTables, type DumpLine, type RowChunk, type TableChunks } from './linearized-rows.js';
import { normCell, openingOf, preparePart, segmentPart, type ColumnModel, type PreparedPart } from './row-segmentation.js';
import { textWidth } from './text-width.js';

/** Below ruling tables (0.97): the grid is inferred from line shapes, not drawn. */
const CONFIDENCE = 0.6;
/** Readings of the rows: the first without widths or repetitions, each later one with those of the reading before. */
const READINGS = 3;
/** A line with a piece this much wider than every column's widest line but one is not in the table: prose or a caption after it. */
const WIDER_THAN_ANY = 1;

/**
 * Tables in a text dump of a PDF made without -layout (pdftotext's default),
 * where each line of a cell is a line of its own and a row's cells come one
 * after another: the row number, the name lines, the targets ("≥60% 100%
 * 100% 100% 100%"), "Đồng chí Hoàng" / "Minh Cường, Ủy" / …, and so on.
 * The header is found by meaning (linearized-header.ts), rows by their row
 * numbers (linearized-rows.ts), and each row's lines are put into the
 * header's columns by a scored segmentation (row-segmentation.ts), read
 * again with what the first reading taught about the table: how wide each
 * column is (pdftotext wraps a cell at its column's width) and which cells
 * repeat across rows ("Bộ số liệu báo cáo"). A table printed over several
 * pages is one table: the repeated header is dropped and a row cut by the
 * page break is joined up.
 *
 * Pages are read as one stream in order, so a table may run on over form
 * feeds. Lines with a TAB are left to the TAB-delimited reader, and pages
 * whose text was repaired from OCR noise are left alone: OCR lines are not
 * wrapped at column widths, and such exports have their own reader.
 */
export function findLinearizedTables(pages: readonly Page[]): LinearizedTables {
  const lines: DumpLine[] = pages
    .filter((p) => p.words.length === 0 && p.origin !== 'ocr' && !p.repairs.includes('ocr-repaired'))
    .flatMap((p) => p.text.split('\n').filter((raw) => raw.trim()).map((raw, index) => ({ raw, text: raw.replace(/\s+/gu, ' ').trim(), page: p.number, index })));
  const chunks = chunkTables(lines);
  const tables = chunks.map(buildTable);
  const taken = new Map<number, Set<number>>();
  for (const c of chunks)
    for (const line of lines.slice(c.start, tableEnd(c, lines)))
      taken.set(line.page, (taken.get(line.page) ?? new Set()).add(line.index));
  return { tables, taken };
}

/** Linearized tables, and the lines they took on each page (page number → indexes into `page.lines`), which are no prose. */
export interface LinearizedTables {
  tables: Table[];
  taken: Map<number, Set<number>>;
}

/** The line after a table's last: its end, unless prose after the last row was cut off it. */
function tableEnd(chunks: TableChunks, lines: readonly DumpLine[]): number {
  const last = chunks.rows.at(-1)?.parts.at(-1)?.at(-1);
  return last ? lines.findIndex((l) => l.page === last.page && l.index === last.index) + 1 : chunks.end;
}

function buildTable(chunks: TableChunks): Table {
  const header = chunks.header.cells;
  const columns: ColumnModel[] = header.slice(1).map((c) => ({ role: c.role, width: null, widest: null, cells: new Map(), openings: new Map() }));
  const body = chunks.rows.filter((r) => r.kind === 'body');
  let cells = new Map<RowChunk, string[][]>();
  // a part's atoms and their runs are the same in every reading: cut once
  const prepared = new Map<readonly DumpLine[], PreparedPart>();
  const prepare = (part: readonly DumpLine[]): PreparedPart => prepared.get(part) ?? prepared.set(part, preparePart(part)).get(part)!;
  for (let reading = 0; reading < READINGS; reading++) {
    cells = new Map(body.map((row) => [row, readRow(row, columns, prepare)]));
    learn(columns, header.slice(1).map((c) => c.lines), [...cells.values()]);
    if (reading === 0 && dropTrailingProse(body.at(-1), columns)) prepared.delete(body.at(-1)!.parts.at(-1)!);
  }
  const columnCount = header.length;
  const rows: TableRow[] = [];
  const tableCells: TableCell[] = [];
  const page = chunks.rows[0]?.page ?? 1;
  rows.push({ index: 0, kind: 'header', page });
  header.forEach((c, col) => tableCells.push({ row: 0, col, rowSpan: 1, colSpan: 1, text: c.text, page, box: null }));
  for (const chunk of chunks.rows) {
    const row = rows.length;
    rows.push({ index: row, kind: chunk.kind, page: chunk.page });
    if (chunk.kind === 'section') {
      tableCells.push({ row, col: 0, rowSpan: 1, colSpan: columnCount, text: chunk.code, page: chunk.page, box: null });
      continue;
    }
    const texts = [chunk.code, ...(cells.get(chunk) ?? []).map((lines) => joinLines(lines))];
    texts.forEach((text, col) => tableCells.push({ row, col, rowSpan: 1, colSpan: 1, text, page: chunk.page, box: null }));
  }
  const pages = [...new Set(rows.map((r) => r.page))];
  return { id: '', caption: null, pages, columnCount, rows, cells: tableCells, detection: 'text-linearized', confidence: CONFIDENCE, ...untyped() };
}

/** A row's cells, part by part: the lines after a page break go on with the cells begun before it. */
function readRow(row: RowChunk, columns: readonly ColumnModel[], prepare: (part: readonly DumpLine[]) => PreparedPart): string[][] {
  const out: string[][] = columns.map(() => []);
  row.parts.forEach((part, i) => {
    const before = i === 0 ? null : out.map((lines) => joinLines(lines));
    const got = segmentPart(prepare(part), { columns, before, cutShort: row.parts.length > 1 && i === 0 });
    got.forEach((lines, j) => out[j]!.push(...lines));
  });
  return out;
}

/**
 * What a reading teaches: each column's width (column-width.ts), its widest
 * line but one, and its cells and their openings, to be recognised in other
 * rows.
 */
function learn(columns: ColumnModel[], headerLines: readonly string[][], rows: readonly string[][][]): void {
  columns.forEach((col, j) => {
    const all = rows.flatMap((r) => r[j] ?? []).map(textWidth).sort((x, y) => y - x);
    const fromHeader = Math.max(0, ...(headerLines[j] ?? []).map(textWidth));
    col.width = columnWidth(rows.map((r) => r[j] ?? []), headerLines[j] ?? []);
    col.widest = Math.max(fromHeader, all[Math.min(1, all.length - 1)] ?? 0) || null;
    col.cells = new Map();
    col.openings = new Map();
    for (const r of rows) {
      const text = joinLines(r[j] ?? []);
      if (!text) continue;
      col.cells.set(normCell(text), (col.cells.get(normCell(text)) ?? 0) + 1);
      col.openings.set(openingOf(text), (col.openings.get(openingOf(text)) ?? 0) + 1);
    }
  });
}

/**
 * The last row of a table runs on into whatever follows it; a line with a
 * piece wider than any column ends the table there. Whether lines were cut.
 */
function dropTrailingProse(row: RowChunk | undefined, columns: readonly ColumnModel[]): boolean {
  const part = row?.parts.at(-1);
  const widest = Math.max(0, ...columns.map((c) => c.widest ?? 0));
  if (!part || !widest) return false;
  // a line may hold several one-line cells side by side ("Báo cáo Thường xuyên"): each piece must be too wide
  const cut = part.findIndex((l) => atomsOf([l]).some((a) => textWidth(a.text) > widest * WIDER_THAN_ANY));
  if (cut > 0) part.splice(cut);
  return cut > 0;
}
