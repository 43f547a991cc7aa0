import type { LayoutResult, PagesResult } from '../../schemas/index.js';
import type { IssueRecorder } from '../core/index.js';
import { findDelimitedTables } from './delimited-table.js';

/**
 * The layout stage: finds tables on the pages. Text inputs: tab-delimited
 * rows. Ruling-line tables of PDFs and scans come with the text-layer and
 * OCR work (issues 3 and 6); until then a PDF page that draws a grid is
 * recorded so its records are known to be missing.
 */
export async function layoutPages(input: PagesResult, issues: IssueRecorder): Promise<LayoutResult> {
  const tables = [];
  for (const page of input.pages) {
    if (page.words.length === 0) tables.push(...findDelimitedTables(page, tables.length));
  }
  if (!tables.length) issues.record('no-tables', 'no tables found', { severity: 'info' });
  return { pages: input.pages, tables };
}
