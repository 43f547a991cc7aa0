import type { Page, Table, TableCell, TableRow } from '../../schemas/index.js';

/** A section row: "1. Nâng cao nhận thức, …" or "I Phát triển hạ tầng" with the other cells empty. */
const SECTION_MARK = /^(?:[IVXLC]+\.?|\d+\.)\s+\S/u;

/**
 * Tables in text inputs, where each row is one line with TAB-separated cells
 * (seed 004's appendix). Header lines repeated at page breaks are dropped; a
 * row with an empty first cell that follows a body row continues that row
 * (a row split over a page break), so its cells are joined onto it.
 */
export function findDelimitedTables(page: Page, tableIndexStart: number): Table[] {
  const tables: Table[] = [];
  let block: string[][] = [];
  const flush = (): void => {
    // a header labels at least two columns: TAB-indented lines under one label (a digital signature's
    // stamp: e-mail, time, certificate) are not a table
    if (block.length >= 2 && (block[0] ?? []).filter(Boolean).length >= 2) tables.push(buildTable(block, page.number, tableIndexStart + tables.length));
    block = [];
  };
  for (const line of page.text.split('\n')) {
    if (line.includes('\t')) block.push(line.split('\t').map((c) => c.replace(/\s+/gu, ' ').trim()));
    else if (line.trim()) flush();
  }
  flush();
  return tables;
}

function buildTable(lines: string[][], page: number, index: number): Table {
  const header = lines[0] ?? [];
  const columnCount = Math.max(...lines.map((l) => l.length));
  const headerKey = header.join('\t');
  const grid: { kind: TableRow['kind']; cells: string[] }[] = [{ kind: 'header', cells: header }];
  for (const cells of lines.slice(1)) {
    if (cells.join('\t') === headerKey) continue;
    const filled = cells.filter(Boolean);
    const prev = grid.at(-1);
    if (filled.length === 1 && cells[0] && SECTION_MARK.test(cells[0])) grid.push({ kind: 'section', cells: [cells[0]] });
    else if (!cells[0] && prev?.kind === 'body') prev.cells = prev.cells.map((c, i) => [c, cells[i] ?? ''].filter(Boolean).join(' '));
    else grid.push({ kind: 'body', cells: padTo(cells, columnCount) });
  }
  const rows: TableRow[] = grid.map((r, i) => ({ index: i, kind: r.kind, page }));
  const cells: TableCell[] = grid.flatMap((r, row) =>
    r.kind === 'section'
      ? [{ row, col: 0, rowSpan: 1, colSpan: columnCount, text: r.cells[0] ?? '', page, box: null }]
      : padTo(r.cells, columnCount).map((text, col) => ({ row, col, rowSpan: 1, colSpan: 1, text, page, box: null })),
  );
  return { id: `t${index + 1}`, caption: null, pages: [page], columnCount, rows, cells, detection: 'text-delimited', confidence: 0.8 };
}

const padTo = (cells: string[], n: number): string[] => [...cells, ...Array<string>(Math.max(0, n - cells.length)).fill('')];
