import ExcelJS from 'exceljs';
import type { Assignment, Document, Indicator } from '../../schemas/index.js';

type Kind = 'indicators' | 'assignments';

const agencies = (list: { name: string }[]): string => list.map((a) => a.name).join('; ');

/** The columns of an export, in order, with how each value is read off a record. */
const COLUMNS: Record<Kind, [string, (r: never) => string | number | null][]> = {
  assignments: [
    ['code', (r: Assignment) => r.code],
    ['section', (r: Assignment) => r.section],
    ['task', (r: Assignment) => r.task],
    ['lead', (r: Assignment) => agencies(r.lead)],
    ['cooperating', (r: Assignment) => agencies(r.cooperating)],
    ['timeline', (r: Assignment) => r.timeline?.raw ?? null],
    ['timeline kind', (r: Assignment) => r.timeline?.kind ?? null],
    ['start', (r: Assignment) => r.timeline?.start ?? null],
    ['end', (r: Assignment) => r.timeline?.end ?? null],
    ['output', (r: Assignment) => r.output],
    ['directing', (r: Assignment) => r.directing],
    ['notes', (r: Assignment) => r.notes],
    ['page', (r: Assignment) => r.source.page],
    ['confidence', (r: Assignment) => r.confidence],
    ['corrected', (r: Assignment) => r.review?.corrected.join(', ') ?? ''],
    ['reviewed', (r: Assignment) => (r.review?.reviewed ? 'yes' : '')],
    ['id', (r: Assignment) => r.id],
  ] as never,
  indicators: [
    ['code', (r: Indicator) => r.code],
    ['section', (r: Indicator) => r.section],
    ['name', (r: Indicator) => r.name],
    ['unit', (r: Indicator) => r.unit],
    ['period', (r: Indicator) => r.period],
    ['targets', (r: Indicator) => r.targets.map((t) => `${t.year ?? t.period ?? ''}: ${t.raw}`).join(' | ')],
    ['agencies', (r: Indicator) => agencies(r.agencies)],
    ['lead', (r: Indicator) => r.lead],
    ['directing', (r: Indicator) => r.directing],
    ['output', (r: Indicator) => r.output],
    ['notes', (r: Indicator) => r.notes],
    ['page', (r: Indicator) => r.source.page],
    ['confidence', (r: Indicator) => r.confidence],
    ['corrected', (r: Indicator) => r.review?.corrected.join(', ') ?? ''],
    ['reviewed', (r: Indicator) => (r.review?.reviewed ? 'yes' : '')],
    ['id', (r: Indicator) => r.id],
  ] as never,
};

function rows(doc: Document, kind: Kind): (string | number | null)[][] {
  const records = (kind === 'indicators' ? doc.indicators : doc.assignments) as never[];
  return records.map((r) => COLUMNS[kind].map(([, read]) => read(r)));
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
export function toCsv(doc: Document, kind: Kind): string {
  const quote = (v: string | number | null): string => {
    const s = v === null ? '' : typeof v === 'number' ? String(v) : inert(v);
    return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
  };
  const lines = [COLUMNS[kind].map(([h]) => h), ...rows(doc, kind)].map((r) => r.map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** XLSX: one sheet, a bold frozen header row, text kept as text. */
export async function toXlsx(doc: Document, kind: Kind): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'plan-ingest';
  const sheet = book.addWorksheet(kind, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(COLUMNS[kind].map(([h]) => h)).font = { bold: true };
  // cells are typed strings in XLSX, never formulas: no apostrophes needed
  for (const r of rows(doc, kind)) sheet.addRow(r);
  sheet.columns.forEach((c, i) => (c.width = i === 2 ? 60 : 18));
  return Buffer.from(await book.xlsx.writeBuffer());
}
