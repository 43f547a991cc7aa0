import type { ColumnRole, Table, TableColumn } from '../../../schemas/index.js';
import type { IssueRecorder } from '../../core/index.js';
import { agencyStartsAt, isUnit, looksLikeTimeline, matchColumnHeader, rowNumberWithStrayMark, tableKindsNamedBy } from '../../lexicon/index.js';
import { headerPathByColumn } from './table-header.js';

/** Row numbers as printed: "1", "2.3", "11.1", "6" (a trailing dot is dropped). */
const CODE = /^\d+(?:\.\d+)*(?:\.[a-z]+)?\.?$/u;
/** Share of a column's printed body cells that must look alike for its content to name its role. */
const CONTENT_MAJORITY = 0.6;
/** How sure a role read from the cells alone is: 0.6, up to 0.95 as the share of cells that look the part grows. */
const contentConfidence = (share: number): number => Math.round((0.6 + 0.35 * share) * 1000) / 1000;
/** A year read from the sequence of its neighbours (its own header garbled). */
const SEQUENCE_CONFIDENCE = 0.85;

type Role = NonNullable<TableColumn['role']>;

/**
 * Gives every column of a table its role, from its header (the lexicon's
 * column vocabulary, tolerant to OCR and to the many ways plans name a
 * column) and, where the header names none, from what its cells hold
 * (row numbers, units, timelines, agencies); completes year sequences.
 * Columns a reader already typed are kept. Every role not read from a
 * header is recorded as an issue with its evidence.
 */
export function typeColumns(table: Table, issues: IssueRecorder): Table['columns'] {
  if (table.columns.length === table.columnCount && table.columnCount > 0) return table.columns;
  const paths = headerPathByColumn(table);
  let columns: TableColumn[] = paths.map((path, index) => fromHeader(index, path));
  columns = checkedByContent(table, columns, issues);
  columns = criteriaTargets(columns);
  columns = withRolesFromContent(table, columns, issues);
  return completeYears(table, columns, issues);
}

function fromHeader(index: number, path: readonly string[]): TableColumn {
  const header = path.join(' / ');
  // the lowest header cell names the column ("Năm 2030" under "Mục tiêu"); a grouped header's upper cells say whose it is
  for (const text of [...path].reverse()) {
    const m = matchColumnHeader(text);
    if (!m) continue;
    const role = m.role === 'extra' ? null : (m.role as Role);
    const exactly = m.confidence === 1 ? 'exactly' : `fuzzily (${m.confidence})`;
    return { index, role, header, source: 'header', confidence: m.confidence, evidence: `header "${text}" matched "${m.phrase}" ${exactly}`, year: role === 'year' ? yearOf(text) : null };
  }
  return { index, role: null, header, source: null, confidence: 1, evidence: header ? 'no known header phrase' : 'no header', year: null };
}

/**
 * "Đơn vị" heads both a unit of measure and the units (bodies) a report
 * scores: a unit column whose cells are mostly agency names and not units
 * is the agencies' (lead), as its cells say.
 */
function checkedByContent(table: Table, columns: TableColumn[], issues: IssueRecorder): TableColumn[] {
  return columns.map((c) => {
    if (c.role !== 'unit') return c;
    const texts = bodyTexts(table, c.index);
    const agencies = (t: string) => agencyStartsAt(t.split(/\s+/u), 0) && !isUnit(t);
    if (!majority(texts, agencies)) return c;
    const share = `${texts.filter(agencies).length} of ${texts.length} cells are agency names`;
    issues.record('column-role-from-content', `table ${table.id} column ${c.index + 1}: "${c.header}" holds agencies, not units (${share})`, { page: table.pages[0], severity: 'info' });
    return { ...c, role: 'lead', source: 'content', confidence: contentConfidence(texts.filter(agencies).length / texts.length), evidence: `header "${c.header}" names units, but ${share}` };
  });
}

/**
 * A criteria table (national criteria sets: "Tên tiêu chí | Nội dung tiêu
 * chí | Chỉ tiêu chung | …") names its criteria in the criteria columns;
 * its "Chỉ tiêu …" columns hold the target each must reach.
 */
function criteriaTargets(columns: TableColumn[]): TableColumn[] {
  const isCriteria = (c: TableColumn) => c.role === 'name' && tableKindsNamedBy(c.header).has('criteria');
  if (!columns.some(isCriteria)) return columns;
  return columns.map((c) => (c.role === 'name' && !isCriteria(c) ? { ...c, role: 'target', evidence: `${c.evidence}; in a criteria table a "chỉ tiêu" column holds the targets` } : c));
}

/** "Năm 2030" → 2030; null for no year or two ("20252030": two cells read as one). */
function yearOf(header: string): number | null {
  const all = header.match(/(?:19|20)\d{2}(?!\d)/gu);
  return all?.length === 1 && !/\d{5}/u.test(header) ? Number(all[0]) : null;
}

const bodyTexts = (table: Table, col: number): string[] => {
  const body = new Set(table.rows.filter((r) => r.kind === 'body').map((r) => r.index));
  return table.cells.filter((c) => body.has(c.row) && c.col === col && c.colSpan === 1 && c.text.trim()).map((c) => c.text.trim());
};

/** What cells of each role look like, in the order they are tried; `first` limits the role to the table's first columns. */
const CONTENT_SHAPES: readonly { role: Role; what: string; test: (t: string) => boolean; first: number }[] = [
  // the row number is printed first (a figures column of a garbled header must not pass for it)
  { role: 'code', what: 'row numbers', test: (t) => CODE.test((rowNumberWithStrayMark(t) ?? t).replace(/\.$/u, '')), first: 1 },
  { role: 'timeline', what: 'timelines', test: looksLikeTimeline, first: Infinity },
  { role: 'unit', what: 'units', test: isUnit, first: Infinity },
  { role: 'lead', what: 'agency names', test: (t) => agencyStartsAt(t.split(/\s+/u), 0), first: Infinity },
];

/**
 * A header an OCR could not read ("4 HH" for "TT", "cu" for "Thời gian hoàn
 * thành": bold header cells read worst), or no header at all, leaves a
 * column without a role; its body cells can still say what it is. Only
 * columns without a role are given one, and only roles the table lacks.
 */
function withRolesFromContent(table: Table, columns: TableColumn[], issues: IssueRecorder): TableColumn[] {
  const out = [...columns];
  for (const shape of CONTENT_SHAPES) {
    if (out.some((c) => c.role === shape.role)) continue;
    const found = out.find((c) => c.role === null && c.index <= shape.first && majority(bodyTexts(table, c.index), shape.test));
    if (!found) continue;
    const texts = bodyTexts(table, found.index);
    const share = `${texts.filter(shape.test).length} of ${texts.length} cells are ${shape.what}`;
    const confidence = contentConfidence(texts.filter(shape.test).length / texts.length);
    out[out.indexOf(found)] = { ...found, role: shape.role, source: 'content', confidence, evidence: `${found.header ? `header "${found.header}" not read; ` : ''}${share}` };
    issues.record('column-role-from-content', `table ${table.id} column ${found.index + 1}: ${shape.role} (${share})`, { page: table.pages[0], severity: 'info' });
  }
  return out;
}

function majority(texts: readonly string[], test: (t: string) => boolean): boolean {
  return texts.length >= 2 && texts.filter(test).length >= texts.length * CONTENT_MAJORITY;
}

/**
 * Year columns run in a sequence ("Năm 2025 | Năm 2030 | … | Năm 2045").
 * When an OCR garbled some of their headers ("Năm", "E5 20252030") but two
 * or more next to each other read as years with a constant step, the
 * sequence is carried over the garbled neighbours that still look like year
 * headers (a "năm" or digits): 2035, 2040, 2045 → 2030, 2025 before them;
 * 2025, 2035, 2040 → 2030 between them.
 */
function completeYears(table: Table, columns: TableColumn[], issues: IssueRecorder): TableColumn[] {
  const run = columns.filter((c) => c.role === 'year' && c.year !== null);
  if (run.length < 2) return columns;
  const first = run[0]!;
  const step = (run[1]!.year! - first.year!) / (run[1]!.index - first.index);
  const yearAt = (i: number) => first.year! + step * (i - first.index);
  if (!Number.isInteger(step) || step <= 0 || !run.every((c) => c.year === yearAt(c.index))) return columns;
  const out = [...columns];
  const looksLikeYear = (c: TableColumn | undefined): c is TableColumn => Boolean(c && (c.role === null || c.role === 'target') && /năm|\d/iu.test(c.header));
  const complete = (i: number): void => {
    const c = out[i]!;
    out[i] = { ...c, role: 'year', year: yearAt(i), source: 'content', confidence: SEQUENCE_CONFIDENCE, evidence: `header "${c.header}" garbled; the year sequence of its neighbours (step ${step}) gives ${yearAt(i)}` };
    issues.record('year-completed', `table ${table.id} column ${i + 1}: header "${c.header}" read as ${yearAt(i)} from the year sequence beside it`, { page: table.pages[0], severity: 'info' });
  };
  const last = run.at(-1)!;
  for (let i = first.index + 1; i < last.index; i++) if (looksLikeYear(out[i])) complete(i);
  for (let i = first.index - 1; looksLikeYear(out[i]); i--) complete(i);
  for (let i = last.index + 1; looksLikeYear(out[i]); i++) complete(i);
  return out;
}

/** Roles the kinds are told by. */
const has = (columns: readonly TableColumn[], ...roles: ColumnRole[]): boolean => columns.some((c) => c.role !== null && roles.includes(c.role));
const named = (columns: readonly TableColumn[], roles: ColumnRole[]): string =>
  columns
    .filter((c) => c.role !== null && roles.includes(c.role))
    .map((c) => `${c.role} "${c.header || '(no header)'}"`)
    .join(', ');

/**
 * What a table is for, from its columns' roles: tasks (a task column and who
 * or when: lead, cooperating, timeline), indicators (a name column with
 * targets: year, target, unit or who monitors), criteria (a criteria name
 * column: "Tiêu chí"), scores and reports (values per unit: "Điểm",
 * "Xếp hạng" without targets), comments ("Nội dung góp ý"), schedules, or
 * other. Only task tables give assignments; indicators and criteria give
 * indicators.
 */
export function tableKind(columns: readonly TableColumn[]): { kind: Table['kind']; evidence: string } {
  const criteria = columns.some((c) => c.role === 'name' && tableKindsNamedBy(c.header).has('criteria'));
  const target = has(columns, 'year', 'target');
  if (has(columns, 'task') && has(columns, 'lead', 'cooperating', 'timeline', 'directing'))
    return { kind: 'tasks', evidence: named(columns, ['task', 'lead', 'cooperating', 'timeline', 'directing']) };
  if (has(columns, 'name') && (target || has(columns, 'unit', 'lead', 'monitor')))
    return { kind: criteria ? 'criteria' : 'indicators', evidence: named(columns, ['name', 'year', 'target', 'unit', 'lead', 'monitor']) };
  if (has(columns, 'comment')) return { kind: 'comments', evidence: named(columns, ['comment']) };
  if (has(columns, 'value')) return { kind: 'scores', evidence: named(columns, ['value', 'name', 'task']) };
  if (has(columns, 'timeline') && !has(columns, 'task', 'name')) return { kind: 'schedule', evidence: named(columns, ['timeline']) };
  const roles = columns.filter((c) => c.role).map((c) => c.role);
  return { kind: 'other', evidence: roles.length ? `roles ${roles.join(', ')}: neither tasks with who or when, nor indicators with targets` : 'no column role found' };
}
