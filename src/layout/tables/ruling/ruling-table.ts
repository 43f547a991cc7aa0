import { untyped } from '../table-header.js';
import type { Page, Table, TableCell, TableRow } from '../../../../schemas/index.js';
import { rowNumberWithStrayMark } from '../../../lexicon/index.js';
import { gridCells, type GridCell } from './grid-cells.js';
import { findRulingGrids } from './ruling-grid.js';

/** A row number as printed in the first column: "1", "2.3", "11.1.", "I", "V". */
export const ROW_CODE = /^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.?)$/u;

/** Header cells are short ("Cá nhân/tổ chức được phân công chủ trì"); a longer cell is a body row's. */
const HEADER_CELL_MAX = 80;

/**
 * Tables drawn with ruling lines on one page, as grids of merged cells.
 * Row kinds: leading rows set in bold with no row number are headers; a
 * row that is one cell across the whole width is a section row ("I Phát
 * triển hạ tầng"); the rest are body rows. Continuations across pages are
 * merged afterwards (table-continuation.ts).
 */
export function findRulingTables(page: Page): Table[] {
  return findRulingGrids(page.rulings).flatMap((grid) => {
    const cells = gridCells(grid, page);
    const columnCount = grid.xs.length - 1;
    if (columnCount < 2 || !cells.some((c) => c.text)) return [];
    const rows = rowKinds(cells, grid.ys.length - 1, columnCount, page);
    const tableCells: TableCell[] = cells.map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, page: page.number, box: c.box }));
    return [{ id: '', caption: null, pages: [page.number], columnCount, rows, cells: tableCells, detection: 'ruling-lines' as const, confidence: page.origin === 'ocr' ? 0.85 : 0.97, ...untyped() }];
  });
}

function rowKinds(cells: GridCell[], rowCount: number, columnCount: number, page: Page): TableRow[] {
  const rows: TableRow[] = [];
  let inHeader = true;
  for (let r = 0; r < rowCount; r++) {
    const starting = cells.filter((c) => c.row === r);
    const covering = cells.filter((c) => c.row <= r && r < c.row + c.rowSpan);
    const first = covering.find((c) => c.col === 0);
    const section = starting.length === 1 && starting[0]?.colSpan === columnCount;
    const ocr = page.origin === 'ocr';
    const coded = first !== undefined && first.row === r && (ROW_CODE.test(first.text) || (ocr && rowNumberWithStrayMark(first.text) !== null));
    const bold = starting.filter((c) => c.text).every((c) => c.bold) && starting.some((c) => c.text);
    // without font information (OCR), rows above the first numbered one are headers when they have text in column 0
    // and no cell as long as a body cell's (a continuation page's first row is no header)
    const headerish = ocr ? Boolean(first?.text) && !coded && !starting.some((c) => c.text.length > HEADER_CELL_MAX) : bold && !coded;
    inHeader = inHeader && !section && (headerish || (first !== undefined && first.row < r && rows[first.row]?.kind === 'header'));
    rows.push({ index: r, kind: inHeader ? 'header' : section ? 'section' : 'body', page: page.number });
  }
  return rows;
}
