import type { LayoutResult, PagesResult, Table } from '../../schemas/index.js';
import type { IssueRecorder } from '../core/index.js';
import { delimitedCells, findDelimitedTables } from './tables/delimited/delimited-table.js';
import { findLinearizedTables } from './tables/linearized/linearized-table.js';
import { findRulingTables } from './tables/ruling/ruling-table.js';
import { readSourceTables } from './tables/given/source-tables.js';
import { findTextRowTables } from './tables/text-rows/text-row-table.js';
import { findTextRowTaskTables } from './tables/text-rows/text-row-task-table.js';
import { typeColumns, tableKind } from './tables/table-columns.js';
import { mergeContinuations } from './tables/table-continuation.js';
import { markPageContinuations } from './blocks/page-continuation.js';
import { buildBlocks } from './blocks/text-blocks.js';

/** A table with its columns' roles and its kind (see table-columns.ts). */
function typed(table: Table, issues: IssueRecorder): Table {
  const columns = typeColumns(table, issues);
  const { kind, evidence } = tableKind(columns);
  return { ...table, columns, kind, kindEvidence: evidence };
}

/**
 * The layout stage: tables and text blocks. PDF and scanned pages: grids
 * from ruling lines, continued tables merged across pages. Text inputs:
 * tab-delimited rows. Word inputs: the tables the document states. Then the remaining lines are joined into paragraphs.
 */
export async function layoutPages(input: PagesResult, issues: IssueRecorder): Promise<LayoutResult> {
  const found: Table[] = [];
  /** Lines of text inputs that tables took (indexes into page.lines), kept out of the paragraphs and the outline. */
  const taken = new Map<number, Set<number>>();
  for (const page of input.pages) {
    if (page.rulings.length) found.push(...findRulingTables(page));
    else if (page.sourceTables) {
      // a Word page: its tables are stated, not guessed; their TAB rows stay out of the paragraphs
      found.push(...readSourceTables(page, found.length));
      taken.set(page.number, new Set(page.sourceTables.flatMap((t) => Array.from({ length: t.lineEnd - t.lineStart }, (_, k) => t.lineStart + k))));
    } else if (page.words.length === 0) {
      const delimited = findDelimitedTables(page, found.length);
      found.push(...delimited);
      if (delimited.length) taken.set(page.number, new Set(page.lines.flatMap((l, i) => (delimitedCells(l.text) ? [i] : []))));
      // an OCR text export: indicator and assignment rows whose cells are separated by spaces only
      if (!delimited.length) found.push(...findTextRowTables(page, found.length));
      if (!delimited.length) found.push(...findTextRowTaskTables(page, found.length));
    }
  }
  // pdftotext dumps without -layout (one line per cell line): the text pages are read as one stream, so a table
  // runs on over form feeds; TAB lines are left to the delimited reader. On a page with both, the linearized
  // table goes first: a TAB block beside it is a digital signature's metadata at the end of the text.
  const linearized = findLinearizedTables(input.pages.filter((p) => !p.rulings.length && !p.sourceTables));
  found.push(...linearized.tables);
  const firstPage = (t: Table): number => (t.pages[0] ?? 0) + (t.detection === 'text-linearized' ? 0 : 0.5);
  // every reader's table gets typed columns and a kind here, once, after continued tables are merged
  const tables = mergeContinuations(found.sort((a, b) => firstPage(a) - firstPage(b)), input.pages).map((t) => typed(t, issues));
  if (!tables.length) issues.record('no-tables', 'no tables found', { severity: 'info' });
  for (const [page, lines] of linearized.taken) taken.set(page, new Set([...(taken.get(page) ?? []), ...lines]));
  // a page's stated tables are in `tables` now: the page does not carry them twice
  const pages = markPageContinuations(input.pages.map(({ sourceTables: _stated, ...page }) => ({ ...page, blocks: buildBlocks(page, tables, taken.get(page.number)) })));
  return { pages, tables };
}
