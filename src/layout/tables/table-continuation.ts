import type { Page, Table, TableCell } from '../../../schemas/index.js';
import { similarity } from '../../core/index.js';
import { headerByColumn } from './table-header.js';
import { ROW_CODE } from './ruling/ruling-table.js';

/** Column boundaries of two parts of one table differ by at most this (points). */
const SAME_COLUMN = 3;
/** Two header printings this similar are the same header. */
const SAME_HEADER = 0.8;
/** Two readings of one header cell this similar agree (OCR noise on bold cells). */
const SAME_CELL = 0.6;

/**
 * Merges a table continued on the next page into its first part: the next
 * page's first table continues the previous page's last table when their
 * columns line up. A repeated header is dropped; a first row with no row
 * number continues the last row (a row split by the page break), so its
 * cells are joined onto that row's cells.
 */
export function mergeContinuations(tables: Table[], pages: readonly Page[] = []): Table[] {
  const out: Table[] = [];
  const byNumber = new Map(pages.map((p) => [p.number, p]));
  for (const [i, table] of tables.entries()) {
    const prev = out.at(-1);
    // a page's repeated header read as a grid of its own (a rule under it that a scan made heavier, or a column
    // rule it lost), right above the headerless rest: the header is the one printed before, the rest goes on
    if (prev && isDetachedHeader(table, tables[i + 1], prev)) continue;
    const page = prev?.pages.at(-1) ?? 0;
    const split = prev && table.pages[0] === page ? splitGrid(prev, table, page, byNumber) : null;
    if (prev && split) out[out.length - 1] = merge(withSectionRow(prev, split, page), table);
    else if (prev && continues(prev, table, byNumber)) out[out.length - 1] = merge(prev, table);
    else out.push(table);
  }
  return out.map((t, i) => ({ ...t, id: `t${i + 1}` }));
}

function continues(prev: Table, next: Table, pages: ReadonlyMap<number, Page>): boolean {
  const lastPage = prev.pages.at(-1) ?? 0;
  if (next.columnCount !== prev.columnCount || next.detection !== prev.detection) return false;
  if (next.pages[0] !== lastPage + 1) return false;
  // the previous part must be the last table on its page, the next the first on its page
  const a = columnEdges(prev, lastPage);
  const b = columnEdges(next, next.pages[0] ?? 0);
  if (a.length !== b.length || a.some((x, i) => Math.abs(x - (b[i] ?? 0)) > SAME_COLUMN)) return false;
  const nextHeader = headerTexts(next);
  if (nextHeader.length === 0 || sameHeader(headerTexts(prev), nextHeader) || sameHeader(headerByColumn(prev), headerByColumn(next))) return true;
  // a header OCR garbled beyond comparison: a table that runs to the end of its page, and one with the same
  // columns that opens the next page (no caption or title above it) are one table
  return prev.columnCount >= 3 && endsPage(prev, lastPage, pages) && opensPage(next, next.pages[0] ?? 0, pages);
}

/**
 * A table of header rows only, on the page after `prev`'s last, with a
 * headerless table right under it on the same page: the repeated header of
 * a table continued there, split from its body.
 */
function isDetachedHeader(table: Table, next: Table | undefined, prev: Table): boolean {
  const page = table.pages[0] ?? 0;
  if (!next || table.pages.length !== 1 || next.pages[0] !== page || page !== (prev.pages.at(-1) ?? 0) + 1) return false;
  if (!table.rows.length || table.rows.some((r) => r.kind !== 'header') || next.rows.some((r) => r.kind === 'header')) return false;
  const bottom = tableBottom(table, page);
  const top = tableTop(next, page);
  return Number.isFinite(bottom) && Number.isFinite(top) && top >= bottom - SAME_COLUMN && top - bottom <= SPLIT_GAP;
}

/** Largest gap (points) between two parts of one grid that a missed rule split on the same page. */
const SPLIT_GAP = 24;

/**
 * One grid read as two on the same page: a horizontal rule a scan lost (a
 * faint line at 150 DPI), or a section row printed across the table ("II
 * Phát triển khoa học, công nghệ": no column rules inside it) that the grid
 * builder could not place, cuts the grid in two. The second part starts
 * right under the first, with the same columns. Returns the words between
 * the parts (the section row's, possibly none), null when they are two
 * tables.
 */
function splitGrid(prev: Table, next: Table, page: number, pages: ReadonlyMap<number, Page>): Page['words'] | null {
  if (next.columnCount !== prev.columnCount || next.detection !== prev.detection || next.detection !== 'ruling-lines') return null;
  const a = columnEdges(prev, page);
  const b = columnEdges(next, page);
  if (a.length < 2 || a.length !== b.length || a.some((x, i) => Math.abs(x - (b[i] ?? 0)) > SAME_COLUMN * 2)) return null;
  const bottom = tableBottom(prev, page);
  const top = tableTop(next, page);
  if (!Number.isFinite(bottom) || !Number.isFinite(top) || top < bottom - SAME_COLUMN || top - bottom > SPLIT_GAP) return null;
  const between = pages.get(page)?.words.filter((w) => w.box && w.box.y1 > bottom && w.box.y0 < top) ?? [];
  // words between the parts must lie inside the table's width (a caption or a title is wider or elsewhere)
  const [left, right] = [a[0]! - SAME_COLUMN, Math.max(...prev.cells.filter((c) => c.page === page && c.box).map((c) => c.box!.x1)) + SAME_COLUMN];
  if (between.some((w) => w.box!.x0 < left || w.box!.x1 > right)) return null;
  // one line of words at most: a row, not a paragraph
  const lines = new Set(between.map((w) => Math.round((w.box!.y0 + w.box!.y1) / 8)));
  return lines.size <= 2 ? between : null;
}

/** The words between two parts of one grid as a section row at the end of the first. */
function withSectionRow(table: Table, words: Page['words'], page: number): Table {
  if (!words.length) return table;
  const index = (table.rows.at(-1)?.index ?? -1) + 1;
  const line = (w: Page['words'][number]): number => Math.round((w.box!.y0 + w.box!.y1) / 8);
  const sorted = [...words].sort((x, y) => line(x) - line(y) || x.box!.x0 - y.box!.x0);
  const box = { x0: Math.min(...sorted.map((w) => w.box!.x0)), y0: Math.min(...sorted.map((w) => w.box!.y0)), x1: Math.max(...sorted.map((w) => w.box!.x1)), y1: Math.max(...sorted.map((w) => w.box!.y1)) };
  const text = sorted.map((w) => w.text).join(' ').replace(/\s+/gu, ' ').trim();
  return {
    ...table,
    rows: [...table.rows, { index, kind: 'section', page }],
    cells: [...table.cells, { row: index, col: 0, rowSpan: 1, colSpan: table.columnCount, text, page, box }],
  };
}

/** Words a page may carry outside the table without it being a new table's caption: a page number, a running header. */
const MARGIN_WORDS = 4;

function tableTop(table: Table, page: number): number {
  return Math.min(...table.cells.filter((c) => c.page === page && c.box).map((c) => c.box!.y0));
}
function tableBottom(table: Table, page: number): number {
  return Math.max(...table.cells.filter((c) => c.page === page && c.box).map((c) => c.box!.y1));
}
function opensPage(table: Table, page: number, pages: ReadonlyMap<number, Page>): boolean {
  const p = pages.get(page);
  const top = tableTop(table, page);
  return Boolean(p) && Number.isFinite(top) && p!.words.filter((w) => w.box && w.box.y1 <= top).length <= MARGIN_WORDS;
}
function endsPage(table: Table, page: number, pages: ReadonlyMap<number, Page>): boolean {
  const p = pages.get(page);
  const bottom = tableBottom(table, page);
  return Boolean(p) && Number.isFinite(bottom) && p!.words.filter((w) => w.box && w.box.y0 >= bottom).length <= MARGIN_WORDS;
}

/**
 * Whether two printings of a header are the same header. The text layer
 * repeats it exactly; OCR reads bold header cells differently on each page
 * ("TT" / "4 HH", "Nội dung" / "ˆ Nội dung", "Thời gian hoàn thành" / "cu"),
 * so, with the columns already lined up, most cells agreeing is enough:
 * a cell agrees when one reading contains the other or they are close.
 */
function sameHeader(a: readonly string[], b: readonly string[]): boolean {
  if (similarity(a.join('|'), b.join('|')) >= SAME_HEADER) return true;
  if (a.length !== b.length || a.length < 2) return false;
  const clean = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const agree = a.filter((x, i) => {
    const [p, q] = [clean(x), clean(b[i] ?? '')];
    return p.length > 1 && q.length > 1 && (p.includes(q) || q.includes(p) || similarity(p, q) >= SAME_CELL);
  }).length;
  return agree * 2 >= a.length;
}

function merge(prev: Table, next: Table): Table {
  const headerRows = new Set(next.rows.filter((r) => r.kind === 'header').map((r) => r.index));
  const bodyRows = next.rows.filter((r) => !headerRows.has(r.index));
  const cells = [...prev.cells];
  const rows = [...prev.rows];
  let offset = (prev.rows.at(-1)?.index ?? -1) + 1;
  const lastRow = prev.rows.at(-1);
  const first = bodyRows[0];
  const firstCode = next.cells.find((c) => c.row === first?.index && c.col === 0)?.text ?? '';
  let skip = -1;
  if (first && first.kind === 'body' && lastRow?.kind === 'body' && !ROW_CODE.test(firstCode) && firstCode === '') {
    for (const cell of next.cells.filter((c) => c.row === first.index)) {
      const target = cells.find((c) => c.row === lastRow.index && c.col === cell.col);
      if (target && cell.text) target.text = target.text ? `${target.text} ${cell.text}` : cell.text;
    }
    skip = first.index;
  }
  const renumber = new Map<number, number>();
  for (const r of bodyRows) {
    if (r.index === skip) continue;
    renumber.set(r.index, offset);
    rows.push({ ...r, index: offset++ });
  }
  for (const c of next.cells) {
    const row = renumber.get(c.row);
    if (row !== undefined) cells.push({ ...c, row });
  }
  return { ...prev, pages: [...prev.pages, ...next.pages.filter((p) => !prev.pages.includes(p))], rows, cells: cells.map((c) => ({ ...c })) as TableCell[] };
}

/** Left edges of the columns on one page of a table, from its single-column cells. */
function columnEdges(table: Table, page: number): number[] {
  const edges = new Map<number, number>();
  for (const c of table.cells) if (c.page === page && c.box && c.colSpan === 1 && !edges.has(c.col)) edges.set(c.col, c.box.x0);
  return [...edges.entries()].sort((x, y) => x[0] - y[0]).map(([, x]) => x);
}

function headerTexts(table: Table): string[] {
  const header = new Set(table.rows.filter((r) => r.kind === 'header').map((r) => r.index));
  return table.cells.filter((c) => header.has(c.row)).map((c) => c.text);
}
