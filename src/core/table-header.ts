import type { Table } from '../../schemas/index.js';

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
