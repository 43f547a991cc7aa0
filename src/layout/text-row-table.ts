import type { Page, Table, TableCell, TableRow } from '../../schemas/index.js';
import { repairRowCodes } from './row-codes.js';
import { isBareNumber, parseBlockRows, parseLineRows, type ParsedRow } from './text-row-rows.js';
import { fold, HEADER_TEXT, headerRolesIn, isGarbageLine, type TextRowRole } from './text-row-vocabulary.js';

/**
 * Indicator tables in OCR text exports (a .txt of a scanned plan, like KH
 * 44's), where the ruled table survives only as text: the header read as
 * "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ trì …", then either one line per
 * row height with the cells side by side ("11.1 |Tỷ lệ … % ≥ 80 Sở Thông
 * tin và Truyền thông") or each cell as its own paragraph ("37", "Quy mô
 * kinh tế số", "% GDP", "Sở Thông tin và Truyền thông"). Rows are rebuilt
 * from what their words are (see text-row-line.ts), row numbers from their
 * sequence (row-codes.ts). Only tables whose header names an indicator, a
 * target and a unit or an agency are read: the columns of other tables
 * cannot be told apart without positions.
 */
export function findTextRowTables(page: Page, tableIndexStart: number): Table[] {
  const lines = page.text.split('\n');
  const tables: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = headerBlockAt(lines, i);
    if (!header) {
      i++;
      continue;
    }
    const end = regionEnd(lines, header.end);
    const table = readRegion(lines, header, end, page.number, tableIndexStart + tables.length);
    if (table) tables.push(table);
    i = end;
  }
  return tables;
}

interface HeaderBlock {
  start: number;
  /** First line after the header. */
  end: number;
  roles: TextRowRole[];
}

/** Canonical order of the columns this reader rebuilds. */
const ORDER: readonly TextRowRole[] = ['code', 'name', 'unit', 'target', 'lead'];
/** How many lines a header printed as one paragraph per cell may span (blank lines included). */
const HEADER_SPAN = 14;

/** A header starting at line `i`: header lines (and stray marks between them) naming at least an indicator and a target. */
function headerBlockAt(lines: readonly string[], i: number): HeaderBlock | null {
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
  if (!roles.has('name') || !roles.has('target') || !(roles.has('unit') || roles.has('lead'))) return null;
  return { start: i, end, roles: ORDER.filter((r) => r === 'code' || roles.has(r)) };
}

/** Pieces of a header that name no role: "TT", "TỪ" (TT as read), "theo dõi, đánh giá", stray marks. */
function isHeaderFragment(line: string): boolean {
  const f = fold(line);
  return /^(?:s?tt|t[tu]|theo d\w*|danh gi\w*)\b/u.test(f) || (line.trim().split(/\s+/u).length <= 3 && isGarbageLine(line));
}

/** Drops the start of the next header ("TT" read alone before "Chỉ tiêu") from the end of a segment. */
function withoutHeaderStart(segment: string[]): string[] {
  let end = segment.length;
  while (end > 0 && (!segment[end - 1]!.trim() || isHeaderFragment(segment[end - 1]!))) end--;
  return segment.slice(0, end);
}

/** The table runs until the next appendix ("PHỤ LỤC SỐ 02"), a major heading ("III. TỔ CHỨC …") or the page's end. */
function regionEnd(lines: readonly string[], from: number): number {
  for (let k = from; k < lines.length; k++) {
    const line = lines[k]!.trim().replace(/^[^\p{L}]+/u, '');
    if (/^phu luc\b/u.test(fold(line))) return k;
    if (/^[IVX]+\.\s+\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(line)) return k;
  }
  return lines.length;
}

/** Reads the rows between `header` and `end` (repeated headers skipped) into one table. */
function readRegion(lines: readonly string[], header: HeaderBlock, end: number, page: number, index: number): Table | null {
  const rows: ParsedRow[] = [];
  let k = header.end;
  while (k < end) {
    let next = k;
    while (next < end && !headerBlockAt(lines, next)) next++;
    const segment = withoutHeaderStart(lines.slice(k, next));
    rows.push(...(isBlockSegment(segment) ? parseBlockRows(segment) : parseLineRows(segment)));
    k = next < end ? (headerBlockAt(lines, next)?.end ?? next + 1) : end;
  }
  const body = rows.filter((r) => r.kind === 'body');
  if (body.length < 2) return null;
  const codes = repairRowCodes(body.map((r) => ({ read: r.code, afterSection: r.afterSection })));
  body.forEach((r, n) => {
    r.code = codes[n] ?? r.code;
    r.cells.code = r.code;
  });
  return buildTable(header.roles, rows, page, index);
}

/**
 * A part of the table printed one cell per paragraph: more lines holding a
 * bare row number or figure than lines holding several cells.
 */
function isBlockSegment(segment: readonly string[]): boolean {
  const nonBlank = segment.filter((l) => l.trim());
  const bare = nonBlank.filter(isBareNumber).length;
  const multi = nonBlank.filter((l) => /\S+\s+\S+.*\s(?:%|\d+)\s+\p{Lu}/u.test(l)).length;
  return bare > multi;
}

function buildTable(roles: readonly TextRowRole[], parsed: readonly ParsedRow[], page: number, index: number): Table {
  const columnCount = roles.length;
  const rows: TableRow[] = [{ index: 0, kind: 'header', page }];
  const cells: TableCell[] = roles.map((role, col) => cell(0, col, HEADER_TEXT[role], page));
  for (const r of parsed) {
    const row = rows.length;
    rows.push({ index: row, kind: r.kind, page });
    if (r.kind === 'section') cells.push({ ...cell(row, 0, r.text, page), colSpan: columnCount });
    else roles.forEach((role, col) => cells.push(cell(row, col, r.cells[role] ?? '', page)));
  }
  return { id: `t${index + 1}`, caption: null, pages: [page], columnCount, rows, cells, detection: 'text-rows', confidence: 0.5 };
}

const cell = (row: number, col: number, text: string, page: number): TableCell => ({ row, col, rowSpan: 1, colSpan: 1, text: text.replace(/\s+/gu, ' ').trim(), page, box: null });
