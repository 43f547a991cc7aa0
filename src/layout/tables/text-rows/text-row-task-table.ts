import type { Page, Table } from '../../../../schemas/index.js';
import { repairRowCodes } from './row-codes.js';
import { bodySegments, headerBlockAt, tablesUnderHeaders, textRowTable, type HeaderBlock, type TextRow } from './text-row-region.js';
import { isBareNumber } from './text-row-rows.js';
import { parseTaskBlockRows, parseTaskLineRows, type TaskRow } from './text-row-task-rows.js';
import { headerText, type TextRowRole } from './text-row-words.js';
import { printedLinesOf } from './text-row-garbage.js';

/**
 * Assignment tables in OCR text exports (KH 44's "PHỤ LỤC SỐ 02: PHÂN CÔNG
 * CÁC NHIỆM VỤ CỤ THỂ"): the header read as "STT Nội dung công việc Cơ quan
 * chủ trì Cơ quan phối hợp Thời gian thực hiện", then each page's rows
 * either one paragraph per cell or one line per row height with the cells
 * side by side (text-row-task-rows.ts). Section rows ("1 Nâng cao nhận
 * thức, …") are kept as sections of the rows under them; row numbers are
 * repaired from their sequence, sections included.
 */
export function findTextRowTaskTables(page: Page, tableIndexStart: number): Table[] {
  const printed = printedLinesOf(page);
  return tablesUnderHeaders(page, tableIndexStart, headerAt, (lines, header, end, number, index) => readRegion(lines, header, end, number, index, printed));
}

/** Canonical order of the columns this reader rebuilds. */
const ORDER: readonly TextRowRole[] = ['code', 'task', 'lead', 'cooperating', 'timeline'];

/** An assignment table's header names the task, the lead and the cooperating agencies or the timeline. */
const isTaskHeader = (roles: ReadonlySet<TextRowRole>): boolean => roles.has('task') && roles.has('lead') && (roles.has('cooperating') || roles.has('timeline'));
const headerAt = (lines: readonly string[], i: number): HeaderBlock | null => headerBlockAt(lines, i, isTaskHeader, ORDER);
/** The header repeated at a page's top, read worse than the first ("Cơ quan phù(")i hợp"): two of its columns named are enough. */
const repeatedHeaderAt = (lines: readonly string[], i: number): HeaderBlock | null => headerBlockAt(lines, i, (roles) => roles.size >= 2, ORDER);

/** The rows between `header` and `end`; `printedOf` gives a restored line as printed (stray marks are judged on it). */
function readRegion(
  lines: readonly string[],
  header: HeaderBlock,
  end: number,
  page: number,
  index: number,
  printedOf: (line: string) => string | undefined,
): Table | null {
  const rows: TaskRow[] = [];
  for (const segment of bodySegments(lines, header, end, (k) => repeatedHeaderAt(lines, k))) {
    rows.push(...(isBlockSegment(segment) ? parseTaskBlockRows(segment) : parseTaskLineRows(segment, printedOf)));
  }
  if (rows.filter((r) => r.kind === 'body').length < 2) return null;
  // dash sub-items have no number of their own: the sequence runs over the numbered rows and sections
  const numbered = rows.filter((r) => r.kind === 'section' || !r.subItem);
  const codes = repairRowCodes(numbered.map((r) => ({ read: r.code, afterSection: false })));
  numbered.forEach((r, n) => (r.code = codes[n] ?? r.code));
  return buildTable(header.roles, rows, page, index);
}

/** Rows printed one cell per paragraph: more row numbers alone on their line than lines opening with one. */
function isBlockSegment(segment: readonly string[]): boolean {
  const nonBlank = segment.map((l) => l.trim()).filter(Boolean);
  const bare = nonBlank.filter(isBareNumber).length;
  const numbered = nonBlank.filter((l) => /^[[|(]?\d{1,3}(?:[.,]\d{1,2})*\.?[|\]]?\s+\S/u.test(l)).length;
  return bare > numbered;
}

function buildTable(roles: readonly TextRowRole[], parsed: readonly TaskRow[], page: number, index: number): Table {
  const rows: TextRow[] = parsed.map((r) =>
    r.kind === 'section'
      ? { kind: 'section', text: r.code ? `${r.code}. ${r.text}` : r.text }
      : { kind: 'body', cellOf: (role) => (role === 'code' ? r.code : role === 'task' || role === 'lead' || role === 'cooperating' || role === 'timeline' ? r[role] : '') },
  );
  return textRowTable(roles, (role) => headerText(role, 'tasks'), rows, page, index, 0.4);
}
