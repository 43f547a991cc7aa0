import type { Table } from '../../../schemas/index.js';

/**
 * The header text naming each column of a table: the lowest header cell
 * covering it (multi-level headers: "Năm 2030" under "Mục tiêu"); "" where
 * no header cell covers the column.
 */
export function headerByColumn(table: Table): string[] {
  const header = new Set(table.rows.filter((r) => r.kind === 'header').map((r) => r.index));
  return Array.from({ length: table.columnCount }, (_, col) =>
    table.cells.filter((c) => header.has(c.row) && c.col <= col && col < c.col + c.colSpan).sort((a, b) => b.row - a.row)[0]?.text ?? '',
  );
}

/**
 * The header path of each column, top first: every header cell covering the
 * column, one level per header row ("Lâm Đồng / Điểm số" under a grouped
 * header); a cell repeated down the levels (spanning header rows) once.
 */
export function headerPathByColumn(table: Table): string[][] {
  const header = new Set(table.rows.filter((r) => r.kind === 'header').map((r) => r.index));
  return Array.from({ length: table.columnCount }, (_, col) => {
    const covering = table.cells.filter((c) => header.has(c.row) && c.col <= col && col < c.col + c.colSpan && c.text.trim()).sort((a, b) => a.row - b.row);
    return [...new Set(covering.map((c) => c.text.trim()))];
  });
}

/** A table without typed columns yet: the layout readers' tables before `typeColumns`. */
export const untyped = (): Pick<Table, 'columns' | 'kind' | 'kindEvidence'> => ({ columns: [], kind: 'other', kindEvidence: '' });
