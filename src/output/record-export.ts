import type { Assignment, Document, Indicator } from '../../schemas/index.js';

/** Which records an export holds. */
export type ExportKind = 'indicators' | 'assignments';
type Cell = string | number | null;
type Column<R> = [string, (r: R) => Cell];

const agencies = (list: { name: string }[]): string => list.map((a) => a.name).join('; ');
const yes = (b: boolean | undefined): string => (b ? 'yes' : '');

/** What reviewers did to a record, as columns: which fields they corrected, whether reviewed, by whom and when. */
const REVIEW_COLUMNS: Column<Indicator | Assignment>[] = [
  ['corrected', (r) => r.review?.corrected.join(', ') ?? ''],
  ['reviewed', (r) => yes(r.review?.reviewed)],
  ['added by reviewer', (r) => yes(r.review?.added)],
  ['reviewer', (r) => r.review?.reviewer ?? null],
  ['review time', (r) => r.review?.time ?? null],
  ['source changed', (r) => yes(r.review?.sourceChanged)],
];

/** The columns of an export, in order, with how each value is read off a record (extra columns come after). */
const COLUMNS: { assignments: Column<Assignment>[]; indicators: Column<Indicator>[] } = {
  assignments: [
    ['code', (r) => r.code],
    ['section', (r) => r.section],
    ['task', (r) => r.task],
    ['lead', (r) => agencies(r.lead)],
    ['cooperating', (r) => agencies(r.cooperating)],
    ['timeline', (r) => r.timeline?.raw ?? null],
    ['timeline kind', (r) => r.timeline?.kind ?? null],
    ['start', (r) => r.timeline?.start ?? null],
    ['end', (r) => r.timeline?.end ?? null],
    ['output', (r) => r.output],
    ['directing', (r) => r.directing],
    ['notes', (r) => r.notes],
    ['page', (r) => r.source.page],
    ['confidence', (r) => r.confidence],
    ...REVIEW_COLUMNS,
    ['id', (r) => r.id],
  ],
  indicators: [
    ['code', (r) => r.code],
    ['section', (r) => r.section],
    ['name', (r) => r.name],
    ['unit', (r) => r.unit],
    ['period', (r) => r.period],
    ['targets', (r) => r.targets.map((t) => `${t.year ?? t.period ?? ''}: ${t.raw}`).join(' | ')],
    ['agencies', (r) => agencies(r.agencies)],
    ['lead', (r) => r.lead],
    ['directing', (r) => r.directing],
    ['output', (r) => r.output],
    ['notes', (r) => r.notes],
    ['page', (r) => r.source.page],
    ['confidence', (r) => r.confidence],
    ...REVIEW_COLUMNS,
    ['id', (r) => r.id],
  ],
};

/** Columns naming the document a row came from, when an export spans several. */
const DOCUMENT_COLUMNS: Column<Document>[] = [
  ['document', (d) => d.id],
  ['file', (d) => d.source.file],
  ['title', (d) => d.metadata.title],
];

/** A header row and the rows under it, ready for CSV or XLSX. */
export interface ExportTable {
  header: string[];
  rows: Cell[][];
}

/** The records of one kind of a document, in document order. */
export function recordsOf(doc: Document, kind: ExportKind): (Indicator | Assignment)[] {
  return kind === 'indicators' ? doc.indicators : doc.assignments;
}

/**
 * Every record of `kind` in `docs` as a table: the record's fields, its
 * review state, then its extra columns (columns the extractor has no role
 * for, "Kinh phí", by their printed header; " (extra)" added to one named
 * like a field). With `documentColumns`, the document id, file and title
 * lead each row (an export of a whole output folder). Records are taken as
 * given: apply reviewers' corrections before (applyCorrections).
 */
export function exportTable(docs: readonly Document[], kind: ExportKind, opts: { documentColumns?: boolean } = {}): ExportTable {
  const fields = COLUMNS[kind] as Column<Indicator | Assignment>[];
  const docColumns = opts.documentColumns ? DOCUMENT_COLUMNS : [];
  const taken = new Set([...docColumns, ...fields].map(([h]) => h));
  const extras: string[] = [];
  for (const d of docs) for (const r of recordsOf(d, kind)) for (const key of Object.keys(r.extra)) if (!extras.includes(key)) extras.push(key);
  const header = [...docColumns.map(([h]) => h), ...fields.map(([h]) => h), ...extras.map((k) => (taken.has(k) ? `${k} (extra)` : k))];
  const rows = docs.flatMap((d) =>
    recordsOf(d, kind).map((r) => [...docColumns.map(([, read]) => read(d)), ...fields.map(([, read]) => read(r)), ...extras.map((k) => r.extra[k] ?? null)]),
  );
  return { header, rows };
}

/**
 * A cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@x",
 * "-1+2") gets a leading apostrophe; a dash list item ("- Sở Tài chính") is
 * text already and stays as it is.
 */
function inert(value: string): string {
  return /^[=+@\t\r]|^-[^\s]/u.test(value) ? `'${value}` : value;
}

/** CSV (RFC 4180, UTF-8 with a BOM so that Excel reads the Vietnamese letters). */
export function tableToCsv(table: ExportTable): string {
  const quote = (v: Cell): string => {
    const s = v === null ? '' : typeof v === 'number' ? String(v) : inert(v);
    return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
  };
  const lines = [table.header, ...table.rows].map((r) => r.map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** XLSX: one sheet named after the kind, a bold frozen header row, text kept as text. */
export async function tableToXlsx(table: ExportTable, sheetName: string): Promise<Buffer> {
  // imported here, not at start-up: ExcelJS costs about 0.4 s of CPU to load, which `ingest` never needs
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'plan-ingest';
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  // cells are typed strings in XLSX, never formulas: no apostrophes needed
  for (const r of table.rows) sheet.addRow(r);
  const wide = new Set(['task', 'name']);
  sheet.columns.forEach((c, i) => (c.width = wide.has(table.header[i] ?? '') ? 60 : 18));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One document's records as CSV (the review page's export). */
export function toCsv(doc: Document, kind: ExportKind): string {
  return tableToCsv(exportTable([doc], kind));
}

/** One document's records as XLSX (the review page's export). */
export function toXlsx(doc: Document, kind: ExportKind): Promise<Buffer> {
  return tableToXlsx(exportTable([doc], kind), kind);
}
