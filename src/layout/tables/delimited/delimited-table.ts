import { isSurname, opensRecipients, startsWithMotto } from '../../../lexicon/index.js';
import { untyped } from '../table-header.js';
import type { Page, Table, TableCell, TableRow } from '../../../../schemas/index.js';

/** A section row: "1. Nâng cao nhận thức, …" or "I Phát triển hạ tầng" with the other cells empty. */
const SECTION_MARK = /^(?:[IVXLC]+\.?|\d+\.)\s+\S/u;

/** A Markdown table's rule under its header: "| --- | :---: |". */
const PIPE_RULE = /^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*$/u;

/**
 * The cells of a delimited table row: TAB-separated, or a Markdown pipe row
 * ("| 1 | Xây dựng … | Văn phòng |", "\|" inside a cell kept). An empty list
 * for a Markdown header rule, null for any other line.
 */
export function delimitedCells(line: string): string[] | null {
  const clean = (c: string): string => c.replace(/\\\|/gu, '|').replace(/\s+/gu, ' ').trim();
  if (line.includes('\t')) return line.split('\t').map(clean);
  const t = line.trim();
  if (!/^\|.*\|$/u.test(t) || t.length < 3) return null;
  if (PIPE_RULE.test(t)) return [];
  return t.slice(1, -1).split(/(?<!\\)\|/u).map(clean);
}

/**
 * Tables in text inputs, where each row is one line with TAB-separated cells
 * (seed 004's appendix) or a Markdown pipe row. Header lines repeated at page breaks are dropped; a
 * row with an empty first cell that follows a body row continues that row
 * (a row split over a page break), so its cells are joined onto it.
 */
export function findDelimitedTables(page: Page, tableIndexStart: number): Table[] {
  const tables: Table[] = [];
  let block: string[][] = [];
  /** A pipe table is Markdown's only under its header rule ("|---|---|"): OCR lines between two "|" marks are not one. */
  let pipes = false;
  let ruled = false;
  const flush = (): void => {
    // a header labels at least two columns: TAB-indented lines under one label (a digital signature's
    // stamp: e-mail, time, certificate) are not a table
    if (block.length >= 2 && (block[0] ?? []).filter(Boolean).length >= 2 && (!pipes || ruled) && !isFrame(block)) tables.push(buildTable(block, page.number, tableIndexStart + tables.length));
    block = [];
    pipes = ruled = false;
  };
  /** A line without TABs inside a table: a merged cell the conversion gave a line of its own, when a numbered row goes on after it. */
  let pending: string | null = null;
  for (const line of page.text.split('\n')) {
    const cells = delimitedCells(line);
    if (cells && pending !== null) {
      if (cells.length && numberedRow(cells)) block.push([pending]);
      else flush();
      pending = null;
    }
    if (cells && !cells.length) ruled = block.length === 1;
    else if (cells) {
      if (!block.length) pipes = !line.includes('\t');
      block.push(cells);
    } else if (line.trim()) {
      // "6.2. Tỷ lệ di tích …" (a row whose cells were merged) between "6.1. …" and "6.2.1. …": the table goes on
      if (pending === null && block.length >= 2 && !pipes && !looksLikeHeading(line)) pending = line.replace(/\s+/gu, ' ').trim();
      else {
        pending = null;
        flush();
      }
    }
  }
  flush();
  return tables;
}

/** A row that numbers its item ("6.2.1. Tỷ lệ …", "7", "a)"): a table's body going on, not the header of another. */
const numberedRow = (cells: readonly string[]): boolean => /^(?:\d+(?:\.\d+)*\.?|[a-zđ]\))(?:\s|$)/u.test(cells.find(Boolean) ?? '');

/** A caption or heading between two tables ("PHỤ LỤC II", "Bảng 2 …", "III. TIÊU CHÍ …", "… như sau:"), not a merged cell. */
const looksLikeHeading = (line: string): boolean => {
  const t = line.trim();
  return /:$/u.test(t) || /^(?:[IVXLC]+\.|PHỤ LỤC|Phụ lục|Bảng|BẢNG)(?:\s|$)/u.test(t) || (t === t.toUpperCase() && /\p{Lu}/u.test(t));
};

/**
 * A letterhead (issuer beside the national motto) or a closing block
 * (recipients beside the signer) laid out in a borderless Word table comes
 * out TAB-separated: it frames the document, it holds no data.
 */
const isFrame = (block: readonly string[][]): boolean => block.some((row) => row.some((cell) => startsWithMotto(cell) || opensRecipients(cell))) || isSignatureBoxes(block);

/** How a Word export joins the paragraphs of one cell ("Chuyên viên / Ngày 07 tháng 01 năm 2026 / Trần Văn A"). */
const CELL_PARAGRAPHS = ' / ';

/**
 * A form's approval boxes laid out in a Word table (a routing slip: the
 * drafter, the head of unit, the office's leader, each a title and a date
 * over a printed name): at least two cells, and at least half of the
 * filled ones, are boxes whose last paragraph is a person's name. A cell of
 * one paragraph (a member list's "Họ và tên") is no box.
 */
export function isSignatureBoxes(block: readonly string[][]): boolean {
  const filled = block.flat().filter(Boolean);
  const boxes = filled.filter((cell) => {
    const paragraphs = cell.split(CELL_PARAGRAPHS);
    return paragraphs.length >= 2 && isPersonName(paragraphs.at(-1)!);
  });
  return boxes.length >= 2 && boxes.length * 2 >= filled.length;
}

/** "Trương Hải Châu": a family name and one to four more words, each capitalised, nothing else. */
function isPersonName(text: string): boolean {
  const words = text.trim().split(/\s+/u);
  return words.length >= 2 && words.length <= 5 && isSurname(words[0]!) && words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w));
}

/**
 * A header cell a Word export wrote once though it spans columns ("Kết quả"
 * over "Thống nhất" and "Khác"): the row under the header leaves the
 * columns merged down from the header empty and names the spanned ones
 * side by side, and the header row is short by the span's extra width.
 * Null when the row under the header is no such sub-header.
 */
export function spannedHeader(header: readonly string[], under: readonly string[] | undefined, columnCount: number): { at: number; span: number } | null {
  if (!under || under[0] || numberedRow(under)) return null;
  const named = under.flatMap((c, i) => (c ? [i] : []));
  const at = named[0];
  if (at === undefined) return null;
  const span = named.at(-1)! - at + 1;
  // side by side, at least two, under a header cell, and the header short by exactly the extra width
  if (span < 2 || named.length !== span || !header[at] || header.length + span - 1 !== columnCount) return null;
  return { at, span };
}

function buildTable(lines: string[][], page: number, index: number): Table {
  const header = lines[0] ?? [];
  const columnCount = Math.max(...lines.map((l) => l.length));
  const headerKey = header.join('\t');
  const spanned = spannedHeader(header, lines[1], columnCount);
  const grid: { kind: TableRow['kind']; cells: string[] }[] = [{ kind: 'header', cells: header }];
  if (spanned) grid.push({ kind: 'header', cells: lines[1]! });
  for (const cells of lines.slice(spanned ? 2 : 1)) {
    if (cells.join('\t') === headerKey) continue;
    const filled = cells.filter(Boolean);
    const prev = grid.at(-1);
    if (filled.length === 1 && cells[0] && SECTION_MARK.test(cells[0])) grid.push({ kind: 'section', cells: [cells[0]] });
    else if (!cells[0] && prev?.kind === 'body') prev.cells = prev.cells.map((c, i) => [c, cells[i] ?? ''].filter(Boolean).join(' '));
    else grid.push({ kind: 'body', cells: padTo(cells, columnCount) });
  }
  const rows: TableRow[] = grid.map((r, i) => ({ index: i, kind: r.kind, page }));
  const cells: TableCell[] = grid.flatMap((r, row) =>
    r.kind === 'section'
      ? [{ row, col: 0, rowSpan: 1, colSpan: columnCount, text: r.cells[0] ?? '', page, box: null }]
      : spanned && row <= 1
        ? spannedHeaderCells(r.cells, row, spanned, page)
        : padTo(r.cells, columnCount).map((text, col) => ({ row, col, rowSpan: 1, colSpan: 1, text, page, box: null })),
  );
  return { id: `t${index + 1}`, caption: null, pages: [page], columnCount, rows, cells, detection: 'text-delimited', confidence: 0.8, ...untyped() };
}

/** The two header rows of a spanned header: the spanning cell over its sub-headers, the other header cells merged down over both rows. */
function spannedHeaderCells(cells: readonly string[], row: number, { at, span }: { at: number; span: number }, page: number): TableCell[] {
  if (row === 1) return cells.flatMap((text, col) => (text ? [{ row, col, rowSpan: 1, colSpan: 1, text, page, box: null }] : []));
  return cells.map((text, k) => ({ row, col: k > at ? k + span - 1 : k, rowSpan: k === at ? 1 : 2, colSpan: k === at ? span : 1, text, page, box: null }));
}

const padTo = (cells: string[], n: number): string[] => [...cells, ...Array<string>(Math.max(0, n - cells.length)).fill('')];
