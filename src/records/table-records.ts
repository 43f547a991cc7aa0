import type { Assignment, Box, Indicator, Table, Target } from '../../schemas/index.js';
import type { ColumnRole } from '../../schemas/index.js';
import type { IssueRecorder } from '../core/index.js';
import { parseTimeline, rowNumberWithStrayMark } from '../lexicon/index.js';
import { splitAgencies, splitLeadCell } from './agency-list.js';
import { parseTarget } from './target-parser.js';

interface Column {
  index: number;
  header: string;
  role: ColumnRole;
  /** The year of a year column. */
  year?: number;
  /** How sure layout is of the role. */
  confidence: number;
}

/** Row numbers as printed: "1", "2.3", "11.1", "6" (a trailing dot is dropped). */
const CODE = /^\d+(?:\.\d+)*(?:\.[a-z]+)?\.?$/u;

/**
 * Records from one table: an indicator per body row when the table has a
 * "Chỉ tiêu" column, an assignment per body row when it has a task column.
 * Section rows give `section`; columns without a known role go to `extra`.
 */
export function recordsFromTable(table: Table, issues: IssueRecorder): { indicators: Indicator[]; assignments: Assignment[] } {
  const columns = headerColumns(table);
  const has = (role: ColumnRole): boolean => columns.some((c) => c.role === role);
  const kind = table.kind === 'indicators' || table.kind === 'criteria' ? 'indicators' : table.kind === 'tasks' ? 'assignments' : null;
  const out = { indicators: [] as Indicator[], assignments: [] as Assignment[] };
  if (!kind) {
    issues.record('table-without-records', `table ${table.id} is a ${table.kind} table (${table.kindEvidence}): its values stay in the table`, { page: table.pages[0], severity: 'info' });
    return out;
  }
  let section: string | null = null;
  let period: { text: string; year: number } | null = null;
  /** Name of each numbered row so far, for the `parent` of the rows numbered under it ("11" → "11.1"). */
  const names = new Map<string, string>();
  /** The last numbered row, and how many dash sub-items each has had. */
  let lastCode: string | null = null;
  const subItems = new Map<string, number>();
  for (const row of table.rows) {
    const cells = table.cells.filter((c) => c.row === row.index);
    if (row.kind === 'section') {
      section = cells[0]?.text ?? null;
      period = periodOf(section ?? '') ?? period;
    }
    if (row.kind !== 'body') continue;
    const byRole = (role: ColumnRole): string => columns.filter((c) => c.role === role).map((c) => cellText(cells, c.index)).filter(Boolean).join('; ');
    // a stray mark an OCR read from the cell's rule beside the number is not part of it: "1 |", "2 ñ"
    const printed = byRole('code');
    const stray = rowNumberWithStrayMark(printed);
    if (stray) issues.record('row-number-repaired', `table ${table.id} row ${row.index}: row number read "${printed}", taken as "${stray}" (a mark of the cell's rule beside it)`, { page: row.page, severity: 'info' });
    let code = (stray ?? printed).replace(/\.$/u, '');
    let title = byRole(kind === 'indicators' ? 'name' : 'task');
    // a dash sub-item without a number of its own under a numbered row, with its own agency or timeline: "<parent>.a", ".b", … (CONTRACT)
    const dash = DASH_ITEM.exec(title);
    if (!code && dash && lastCode && !isHeadingRow(columns, cells)) {
      const n = (subItems.get(lastCode) ?? 0) + 1;
      subItems.set(lastCode, n);
      code = `${lastCode}.${subItemLetter(n - 1)}`;
      title = title.slice(dash[0].length);
    }
    if (!CODE.test(code)) {
      issues.record('row-without-code', `table ${table.id} row ${row.index}: no row number; skipped`, { page: row.page });
      continue;
    }
    if (!dash || printed) lastCode = code;
    const parent = parentOf(code, names);
    names.set(code, title);
    // a numbered heading row ("11 Chỉ tiêu về thủ tục hành chính …" with every other cell empty) only names the rows under it
    if (isHeadingRow(columns, cells)) continue;
    const extra = Object.fromEntries(columns.filter((c) => c.role === 'extra').map((c) => [c.header, cellText(cells, c.index)]));
    const base = {
      id: '',
      code,
      section,
      parent,
      directing: byRole('directing') || null,
      output: byRole('output') || null,
      notes: byRole('notes') || null,
      extra,
      source: { page: row.page, table: table.id, row: row.index, box: rowBox(cells, row.page), lines: null },
      // how the table and the columns this record's fields came from were found; extractRecords weighs in the reading and what is missing
      confidence: structureConfidence(table.confidence, columns),
    };
    if (kind === 'indicators') {
      out.indicators.push({
        ...base,
        name: title,
        unit: byRole('unit') || null,
        period: period?.text ?? null,
        targets: targetsOf(columns, cells, period),
        agencies: splitAgencies(byRole('monitor') || byRole('lead')),
        lead: has('monitor') ? byRole('lead') || null : null,
      });
    } else {
      const timeline = byRole('timeline');
      const lead = splitLeadCell(byRole('lead'));
      out.assignments.push({
        ...base,
        task: title,
        lead: lead.lead,
        cooperating: [...lead.cooperating, ...splitAgencies(byRole('cooperating'))],
        timeline: timeline ? parseTimeline(timeline) : null,
      });
    }
  }
  return out;
}

/** Roles whose columns give a record's fields (a doubtful "Ghi chú" column does not make a record doubtful). */
const FIELD_ROLES = new Set<ColumnRole>(['code', 'name', 'task', 'unit', 'target', 'year', 'lead', 'monitor', 'cooperating', 'timeline']);

/**
 * How sure the table's structure makes a record: the roles of the columns
 * its fields came from (a role read from the cells 0.6-0.95 by the share
 * that looked the part, a fuzzy header its match), and, weighing less, how the grid was found (a reader that
 * rebuilds rows from text is less sure than ruling lines): 0.85 + 0.15 × that.
 */
function structureConfidence(detection: number, columns: readonly Column[]): number {
  return (0.85 + 0.15 * detection) * Math.min(1, ...columns.filter((c) => FIELD_ROLES.has(c.role)).map((c) => c.confidence));
}

/** The union of a row's cell boxes on its page: where the row is printed (null for text inputs). */
function rowBox(cells: Table['cells'], page: number): Box | null {
  const boxes = cells.filter((c) => c.page === page && c.box).map((c) => c.box!);
  if (!boxes.length) return null;
  return { x0: Math.min(...boxes.map((b) => b.x0)), y0: Math.min(...boxes.map((b) => b.y0)), x1: Math.max(...boxes.map((b) => b.x1)), y1: Math.max(...boxes.map((b) => b.y1)) };
}

/** The table's typed columns (layout's work), as records reads them: no role is "extra". */
function headerColumns(table: Table): Column[] {
  return table.columns.map((c) => ({ index: c.index, header: c.header, role: c.role ?? 'extra', year: c.year ?? undefined, confidence: c.confidence }));
}

const cellText = (cells: Table['cells'], col: number): string => cells.find((c) => c.col === col)?.text.trim() ?? '';

/**
 * One target per year column whose cell is printed (a "-" means no target
 * that year). A "Kết quả" column under a period row ("I. Đến năm 2030")
 * has the period's year.
 */
function targetsOf(columns: Column[], cells: Table['cells'], period: { text: string; year: number } | null): Target[] {
  const out: Target[] = [];
  for (const c of columns.filter((col) => col.role === 'year' || col.role === 'target')) {
    const raw = cellText(cells, c.index);
    if (!raw || /^[-–—]$/u.test(raw)) continue;
    const year = c.year ?? (Number(/\d{4}/u.exec(c.header)?.[0]) || null);
    // one target per cell: its raw is the cell as printed (../shared/CONTRACT.md)
    out.push(parseTarget(raw, year ? { year } : { year: period?.year ?? null, period: period?.text ?? null }));
  }
  return out;
}

/** "I. Đến năm 2030" → { text: "Đến năm 2030", year: 2030 }; "Giai đoạn 2026 - 2030" → 2030 (its end). */
function periodOf(section: string): { text: string; year: number } | null {
  const m = /((?:đến|tới)\s+năm\s+(\d{4})|giai đoạn\s+\d{4}\s*[-–]\s*(\d{4})|năm\s+(\d{4}))\s*$/iu.exec(section.trim());
  if (!m?.[1]) return null;
  const text = m[1].charAt(0).toUpperCase() + m[1].slice(1);
  return { text, year: Number(m[2] ?? m[3] ?? m[4]) };
}

/** The name of the nearest row numbered above this one: "11.1" → row "11"'s, "2.3.1" → "2.3"'s. */
function parentOf(code: string, names: ReadonlyMap<string, string>): string | null {
  const parts = code.split('.');
  for (let n = parts.length - 1; n >= 1; n--) {
    const name = names.get(parts.slice(0, n).join('.'));
    if (name) return name;
  }
  return null;
}

/** A body row with its number and title only: every other column with a role is empty. */
/** A dash opening a sub-item's text: "- Chuyển đổi số …", "– Xây dựng …". */
const DASH_ITEM = /^[-–]\s+/u;
/** 0 → "a", 25 → "z", 26 → "aa". */
const subItemLetter = (i: number): string => String.fromCharCode(97 + (i % 26)).repeat(Math.floor(i / 26) + 1);

function isHeadingRow(columns: Column[], cells: Table['cells']): boolean {
  const others = columns.filter((c) => !['code', 'name', 'task', 'extra'].includes(c.role));
  return others.length > 0 && others.every((c) => !cellText(cells, c.index));
}
