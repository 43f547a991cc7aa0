import type { Document, Table } from '../../schemas/index.js';
import { similarity as rawSimilarity } from '../../src/core/index.js';

/** Groundtruth table as `npm run fixtures` writes it: the cells as typeset. */
export interface TruthTable {
  index: number;
  header: string[][];
  /** The header as one row of the columns' own labels (older groundtruth files lack it). */
  leafHeader?: string[];
  rows: { kind: 'section' | 'body'; cells: string[] }[];
}

const norm = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
const similarity = (a: string, b: string): number => rawSimilarity(norm(a), norm(b));

/** The output table as rows of cell texts in column order (header rows first). */
function rowsOf(table: Table): string[][] {
  return table.rows.map((r) => table.cells.filter((c) => c.row === r.index).sort((a, b) => a.col - b.col).map((c) => c.text));
}

/**
 * Table cell accuracy (issue 3's measure): the share of groundtruth cells
 * found at the same row and column with text similarity ≥ 0.95, over
 * max(groundtruth cells, output cells) so spurious cells count against.
 * Tables are paired in document order. A text input (`flatHeader`) is
 * scored against the header as one row of column labels: plain text, pipe
 * or tab tables and text dumps have no spans, so a label spanning several
 * columns ("Mục tiêu" over "Năm 2025 … 2045") has no cell of its own there.
 */
export function cellAccuracy(doc: Document, truth: TruthTable[], flatHeader = false): number {
  let found = 0;
  let truthCells = 0;
  let outCells = 0;
  truth.forEach((t, i) => {
    const header = flatHeader && t.leafHeader ? [t.leafHeader] : t.header;
    const expected = [...header, ...t.rows.map((r) => r.cells)];
    const got = doc.tables[i] ? rowsOf(doc.tables[i] as Table) : [];
    truthCells += expected.flat().length;
    expected.forEach((row, r) => row.forEach((cell, c) => (found += similarity(cell, got[r]?.[c] ?? '') >= 0.95 ? 1 : 0)));
    outCells += got.flat().length;
  });
  for (const extra of doc.tables.slice(truth.length)) outCells += extra.cells.length;
  return truthCells || outCells ? found / Math.max(truthCells, outCells) : 1;
}
