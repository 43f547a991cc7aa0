import type { LayoutResult, PagesResult, Table } from '../../schemas/index.js';
import type { IssueRecorder } from '../core/index.js';
import { findDelimitedTables } from './delimited-table.js';
import { findRulingTables } from './ruling-table.js';
import { mergeContinuations } from './table-continuation.js';
import { buildBlocks } from './text-blocks.js';

/**
 * The layout stage: tables and text blocks. PDF and scanned pages: grids
 * from ruling lines, continued tables merged across pages. Text inputs:
 * tab-delimited rows. Then the remaining lines are joined into paragraphs.
 */
export async function layoutPages(input: PagesResult, issues: IssueRecorder): Promise<LayoutResult> {
  const found: Table[] = [];
  for (const page of input.pages) {
    if (page.rulings.length) found.push(...findRulingTables(page));
    else if (page.words.length === 0) found.push(...findDelimitedTables(page, found.length));
  }
  const tables = mergeContinuations(found, input.pages);
  if (!tables.length) issues.record('no-tables', 'no tables found', { severity: 'info' });
  const pages = input.pages.map((page) => ({ ...page, blocks: buildBlocks(page, tables) }));
  return { pages, tables };
}
