import type { Page, Table } from '../../../../schemas/index.js';
import { repairRowCodes } from './row-codes.js';
import { parseBlockRows } from './text-row-blocks.js';
import { isBareNumber, parseLineRows, type ParsedRow } from './text-row-rows.js';
import { bodySegments, headerBlockAt, tablesUnderHeaders, textRowTable, type HeaderBlock, type TextRow } from './text-row-region.js';
import { headerText, type TextRowRole } from './text-row-words.js';
import { printedLinesOf } from './text-row-garbage.js';

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
  const printed = printedLinesOf(page);
  return tablesUnderHeaders(page, tableIndexStart, headerAt, (lines, header, end, number, index) => readRegion(lines, header, end, number, index, printed));
}

/** Canonical order of the columns this reader rebuilds. */
const ORDER: readonly TextRowRole[] = ['code', 'name', 'unit', 'target', 'lead'];

/** An indicator table's header names an indicator, a target and a unit or an agency. */
const isIndicatorHeader = (roles: ReadonlySet<TextRowRole>): boolean => roles.has('name') && roles.has('target') && (roles.has('unit') || roles.has('lead'));
const headerAt = (lines: readonly string[], i: number): HeaderBlock | null => headerBlockAt(lines, i, isIndicatorHeader, ORDER);

/** Reads the rows between `header` and `end` (repeated headers skipped) into one table; `printedOf` gives a restored line as printed. */
function readRegion(
  lines: readonly string[],
  header: HeaderBlock,
  end: number,
  page: number,
  index: number,
  printedOf: (line: string) => string | undefined,
): Table | null {
  const rows: ParsedRow[] = [];
  for (const segment of bodySegments(lines, header, end, (k) => headerAt(lines, k))) {
    rows.push(...(isBlockSegment(segment) ? parseBlockRows(segment) : parseLineRows(segment, printedOf)));
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
  const rows: TextRow[] = parsed.map((r) => (r.kind === 'section' ? r : { kind: 'body', cellOf: (role) => r.cells[role] ?? '' }));
  return textRowTable(roles, (role) => headerText(role, 'indicators'), rows, page, index, 0.5);
}
