import { untyped } from '../table-header.js';
import { ROW_CODE } from '../ruling/ruling-table.js';
import type { Page, SourceTable, Table, TableRow } from '../../../../schemas/index.js';

/** A section row's text: "I. Phát triển hạ tầng", "1. Nâng cao nhận thức, …". */
const SECTION_MARK = /^(?:[IVXLC]+\.?|\d+\.)\s+\S/u;

/**
 * The tables a page's input states outright (a Word document's tables, read
 * by extract with their merged cells) as layout tables. Row kinds: the rows
 * Word repeats as header (w:tblHeader), else the leading rows set in bold
 * with no row number, else the first row; rows a header cell reaches down
 * into by a vertical merge are headers too. A row that is one cell across
 * the whole width, or whose only text is a numbered heading in its first
 * cell, is a section row.
 */
export function readSourceTables(page: Page, tableIndexStart: number): Table[] {
  return (page.sourceTables ?? []).map((t, i) => ({
    id: `t${tableIndexStart + i + 1}`,
    caption: null,
    pages: [page.number],
    columnCount: t.columnCount,
    rows: rowKinds(t, page.number),
    cells: t.cells.map(({ row, col, rowSpan, colSpan, text }) => ({ row, col, rowSpan, colSpan, text, page: page.number, box: null })),
    detection: 'word-table' as const,
    confidence: 0.97,
    ...untyped(),
  }));
}

function rowKinds(table: SourceTable, page: number): TableRow[] {
  const starting = (r: number): SourceTable['cells'] => table.cells.filter((c) => c.row === r);
  const firstCell = (r: number): SourceTable['cells'][number] | undefined => table.cells.find((c) => c.col === 0 && c.row <= r && r < c.row + c.rowSpan);
  const boldHeader = (r: number): boolean => {
    const cells = starting(r).filter((c) => c.text);
    const first = firstCell(r);
    const coded = first !== undefined && first.row === r && ROW_CODE.test(first.text);
    return cells.length > 0 && cells.every((c) => c.bold) && !coded;
  };
  let headerEnd = table.headerRows;
  if (!headerEnd) while (headerEnd < table.rowCount && boldHeader(headerEnd) && !isSection(table, starting(headerEnd))) headerEnd++;
  if (!headerEnd) headerEnd = 1;
  // a header cell merged down over several rows makes them all header rows ("Cơ quan chủ trì" beside "Năm 2026 | Năm 2027")
  for (let grew = true; grew; ) {
    const reach = Math.max(headerEnd, ...table.cells.filter((c) => c.row < headerEnd).map((c) => c.row + c.rowSpan));
    grew = reach > headerEnd;
    headerEnd = Math.min(reach, table.rowCount);
  }
  return Array.from({ length: table.rowCount }, (_, r) => ({
    index: r,
    kind: r < headerEnd ? 'header' : isSection(table, starting(r)) ? 'section' : 'body',
    page,
  }));
}

function isSection(table: SourceTable, starting: SourceTable['cells']): boolean {
  const filled = starting.filter((c) => c.text);
  if (starting.length === 1 && starting[0]!.colSpan === table.columnCount) return true;
  return filled.length === 1 && filled[0]!.col === 0 && SECTION_MARK.test(filled[0]!.text) && starting.every((c) => c === filled[0] || !c.text);
}
