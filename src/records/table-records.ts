import type { Assignment, Indicator, Table, Target } from '../../schemas/index.js';
import { columnRole, headerByColumn, rowNumberWithStrayMark, type ColumnRole, type IssueRecorder } from '../core/index.js';
import { splitAgencies, splitLeadCell } from './agency-list.js';
import { parseTarget } from './target-parser.js';
import { parseTimeline } from './timeline-parser.js';

interface Column {
  index: number;
  header: string;
  role: ColumnRole;
  /** The year of a year column, when its header did not say it clearly (see completeYears). */
  year?: number;
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
  const kind = has('name') ? 'indicators' : has('task') ? 'assignments' : null;
  const out = { indicators: [] as Indicator[], assignments: [] as Assignment[] };
  if (!kind) {
    issues.record('table-without-record-columns', `table ${table.id}: no "Chỉ tiêu" or task column in its header`, { page: table.pages[0], severity: 'info' });
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
    let code = (rowNumberWithStrayMark(printed) ?? printed).replace(/\.$/u, '');
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
      source: { page: row.page, table: table.id, row: row.index, box: null, lines: null },
      confidence: table.confidence,
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

function headerColumns(table: Table): Column[] {
  // multi-level headers: the lowest header cell covering the column names it
  const columns: Column[] = headerByColumn(table).map((header, index) => ({ index, header, role: columnRole(header) }));
  return completeYears(withRolesFromContent(table, columns));
}

/**
 * Year columns run in a sequence ("Năm 2025 | Năm 2030 | … | Năm 2045").
 * When an OCR garbled some of their headers ("Năm", "E5 20252030") but two
 * or more next to each other read as years with a constant step, the
 * sequence is carried over the garbled neighbours that still look like year
 * headers (a "năm" or digits): 2035, 2040, 2045 → 2030, 2025 before them;
 * 2025, 2035, 2040 → 2030 between them.
 */
function completeYears(columns: Column[]): Column[] {
  const yearOf = (h: string): number | null => {
    const all = h.match(/(?:19|20)\d{2}(?!\d)/gu);
    return all?.length === 1 && !/\d{5}/u.test(h) ? Number(all[0]) : null;
  };
  const run = columns.filter((c) => c.role === 'year' && yearOf(c.header) !== null);
  if (run.length < 2) return columns;
  // one step per column across the run, also over a garbled column inside it ("Năm 2025 | E 5 2030 | NHI 2035")
  const first = run[0]!;
  const step = (yearOf(run[1]!.header)! - yearOf(first.header)!) / (run[1]!.index - first.index);
  const yearAt = (i: number) => yearOf(first.header)! + step * (i - first.index);
  if (!Number.isInteger(step) || step <= 0 || !run.every((c) => yearOf(c.header) === yearAt(c.index))) return columns;
  const out = [...columns];
  const looksLikeYear = (c: Column | undefined): c is Column => Boolean(c && (c.role === 'extra' || c.role === 'target') && /năm|\d/iu.test(c.header));
  const last = run.at(-1)!;
  for (let i = first.index + 1; i < last.index; i++) if (looksLikeYear(out[i])) out[i] = { ...out[i]!, role: 'year', year: yearAt(i) };
  for (let i = first.index - 1; looksLikeYear(out[i]); i--) out[i] = { ...out[i]!, role: 'year', year: yearAt(i) };
  for (let i = last.index + 1; looksLikeYear(out[i]); i++) out[i] = { ...out[i]!, role: 'year', year: yearAt(i) };
  return out;
}

/** Share of a column's printed body cells that must look alike for its content to name its role. */
const CONTENT_MAJORITY = 0.6;

/**
 * A header OCR could not read ("4 HH" for "TT", "cu" for "Thời gian hoàn
 * thành": bold header cells read worst) leaves a column without a role; its
 * body cells can still say what it is: row numbers ("1.1", "2.3") make the
 * code column, timelines ("Quý III/2026", "Thường xuyên") the timeline
 * column. Only columns without a role are given one, and only roles the
 * table does not have yet.
 */
function withRolesFromContent(table: Table, columns: Column[]): Column[] {
  const body = new Set(table.rows.filter((r) => r.kind === 'body').map((r) => r.index));
  const texts = (col: number) => table.cells.filter((c) => body.has(c.row) && c.col === col && c.colSpan === 1 && c.text.trim()).map((c) => c.text.trim());
  const mostly = (col: number, test: (t: string) => boolean) => {
    const t = texts(col);
    return t.length >= 2 && t.filter(test).length >= t.length * CONTENT_MAJORITY;
  };
  // the row number is printed first (a figures column of a garbled header must not pass for it)
  const guesses: [ColumnRole, (t: string) => boolean, number][] = [
    ['code', (t) => CODE.test(t.replace(/\.$/u, '')), 1],
    ['timeline', (t) => parseTimeline(t).kind !== 'unknown', Infinity],
  ];
  const out = [...columns];
  for (const [role, test, lastIndex] of guesses) {
    if (out.some((c) => c.role === role)) continue;
    const found = out.find((c) => c.role === 'extra' && c.index <= lastIndex && mostly(c.index, test));
    if (found) out[out.indexOf(found)] = { ...found, role };
  }
  return out;
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
