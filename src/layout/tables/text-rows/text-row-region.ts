import type { Page, Table, TableCell, TableColumn, TableRow } from '../../../../schemas/index.js';
import { fold, isHeaderFragmentText } from '../../../lexicon/index.js';
import { headerRolesIn, isGarbageLine, roleOfHeader, type TextRowRole } from './text-row-words.js';

/**
 * Where a table of an OCR text export starts and ends, shared by the
 * indicator and the assignment readers: a header printed on one line or one
 * paragraph per cell, repeated at each page's top, and the table running on
 * to the next appendix or major heading.
 */
export interface HeaderBlock {
  start: number;
  /** First line after the header. */
  end: number;
  roles: TextRowRole[];
}

/** How many lines a header printed as one paragraph per cell may span (blank lines included). */
const HEADER_SPAN = 14;

/**
 * A header starting at line `i` whose roles `accept` takes: header lines
 * (and stray marks between them); `order` is the column order the reader
 * rebuilds, the row number always first.
 */
export function headerBlockAt(
  lines: readonly string[],
  i: number,
  accept: (roles: ReadonlySet<TextRowRole>) => boolean,
  order: readonly TextRowRole[],
): HeaderBlock | null {
  if (!lines[i]?.trim() || !headerRolesIn(lines[i]!).length) return null;
  const roles = new Set<TextRowRole>();
  let end = i;
  for (let k = i; k < Math.min(lines.length, i + HEADER_SPAN); k++) {
    const line = lines[k]!;
    if (!line.trim()) continue;
    const found = headerRolesIn(line);
    if (!found.length && !isHeaderFragment(line)) break;
    for (const f of found) roles.add(f.role);
    end = k + 1;
  }
  if (!accept(roles)) return null;
  return { start: i, end, roles: order.filter((r) => r === 'code' || roles.has(r)) };
}

/** Pieces of a header that name no role: "TT", "TỪ" (TT as read), "theo dõi, đánh giá", "thực hiện", stray marks. */
export function isHeaderFragment(line: string): boolean {
  return isHeaderFragmentText(line) || (line.trim().split(/\s+/u).length <= 3 && isGarbageLine(line));
}

/** Drops the start of the next header ("TT" read alone before "Chỉ tiêu") from the end of a segment. */
export function withoutHeaderStart(segment: string[]): string[] {
  let end = segment.length;
  while (end > 0 && (!segment[end - 1]!.trim() || isHeaderFragment(segment[end - 1]!))) end--;
  return segment.slice(0, end);
}

/** The table runs until the next appendix ("PHỤ LỤC SỐ 02"), a major heading ("III. TỔ CHỨC …") or the page's end. */
export function regionEnd(lines: readonly string[], from: number): number {
  for (let k = from; k < lines.length; k++) {
    const line = lines[k]!.trim().replace(/^[^\p{L}]+/u, '');
    if (/^phu luc\b/u.test(fold(line))) return k;
    if (/^[IVX]+\.\s+\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(line)) return k;
  }
  return lines.length;
}

/**
 * The stretches of body lines between `header` and `end`, the header
 * repeated at a page's top skipped: each is read on its own, as one page
 * of the table may print its rows one way and the next another.
 */
export function bodySegments(lines: readonly string[], header: HeaderBlock, end: number, headerAt: (k: number) => HeaderBlock | null): string[][] {
  const out: string[][] = [];
  let k = header.end;
  while (k < end) {
    let next = k;
    while (next < end && !headerAt(next)) next++;
    out.push(withoutHeaderStart(lines.slice(k, next)));
    k = next < end ? (headerAt(next)?.end ?? next + 1) : end;
  }
  return out;
}

/** A cell of a table read from text: one row and column, whitespace collapsed, no box (the text has no positions). */
export const textCell = (row: number, col: number, text: string, page: number): TableCell => ({ row, col, rowSpan: 1, colSpan: 1, text: text.replace(/\s+/gu, ' ').trim(), page, box: null });

/**
 * The tables of one text page a reader finds: each header `headerAt` accepts
 * opens a region running to `regionEnd`, which `read` turns into a table
 * (or not); the search goes on after the region.
 */
export function tablesUnderHeaders(
  page: Page,
  tableIndexStart: number,
  headerAt: (lines: readonly string[], i: number) => HeaderBlock | null,
  read: (lines: readonly string[], header: HeaderBlock, end: number, page: number, index: number) => Table | null,
): Table[] {
  const lines = page.text.split('\n');
  const tables: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = headerAt(lines, i);
    if (!header) {
      i++;
      continue;
    }
    const end = regionEnd(lines, header.end);
    const table = read(lines, header, end, page.number, tableIndexStart + tables.length);
    if (table) tables.push(table);
    i = end;
  }
  return tables;
}

/** A row of a table read from text, as the readers hand it over: a section's text, or a body row's cell of each role. */
export type TextRow = { kind: 'section'; text: string } | { kind: 'body'; cellOf: (role: TextRowRole) => string };

/**
 * The table a text-row reader rebuilt: a header row of `headerText` for
 * each role, then its rows (a section row one cell across the table).
 * Cells have no boxes; `confidence` is the reader's.
 */
export function textRowTable(roles: readonly TextRowRole[], headerText: (role: TextRowRole) => string, parsed: readonly TextRow[], page: number, index: number, confidence: number): Table {
  const columnCount = roles.length;
  const rows: TableRow[] = [{ index: 0, kind: 'header', page }];
  const cells: TableCell[] = roles.map((role, col) => textCell(0, col, headerText(role), page));
  // the reader found each column by its header phrase on the text's header line
  const columns: TableColumn[] = roles.map((role, col) => {
    const r = roleOfHeader(headerText(role));
    return { index: col, role: r === 'extra' ? null : r, header: headerText(role), source: 'header', confidence: 0.9, evidence: `header line of an OCR text export named ${role}`, year: null };
  });
  for (const r of parsed) {
    const row = rows.length;
    rows.push({ index: row, kind: r.kind, page });
    if (r.kind === 'section') cells.push({ ...textCell(row, 0, r.text, page), colSpan: columnCount });
    else roles.forEach((role, col) => cells.push(textCell(row, col, r.cellOf(role), page)));
  }
  return { id: `t${index + 1}`, caption: null, pages: [page], columnCount, rows, cells, detection: 'text-rows', confidence, columns, kind: 'other', kindEvidence: '' };
}
