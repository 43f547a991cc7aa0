import { headerRepeatsAt, readLinearizedHeader, ROW_START, SECTION_LINE, type LinearizedHeader } from './linearized-header.js';

/** One line of a text dump: trimmed text, the line as printed (its inner spaces say where a cell is empty), page. */
export interface DumpLine {
  text: string;
  raw: string;
  page: number;
  /** Index of the line in its page's `lines` (the page's non-blank lines). */
  index: number;
}

/**
 * A row of a linearized table, before its lines are put into columns. A row
 * broken by a page break comes in parts: the lines before the break, and
 * those after the repeated header (each cell's remaining lines).
 */
export interface RowChunk {
  kind: 'body' | 'section';
  /** Row number ("11.1") of a body row; the title of a section row. */
  code: string;
  page: number;
  parts: DumpLine[][];
}

/** A table's lines cut into header and rows; `end` is the first line after it. */
export interface TableChunks {
  header: LinearizedHeader;
  rows: RowChunk[];
  start: number;
  end: number;
}

/**
 * Cuts a dump into linearized tables: a header, then rows each opened by its
 * row number on a line of its own ("12") or before the row's first words
 * ("8 Bố trí nguồn lực …"), and section rows ("II Phát triển nguồn lực"). A
 * number only opens a row when it follows the previous one ("12" after
 * "11" or "11.3", "11.1" after "11"), so a cell line "10" ("07 đến" / "10")
 * and a page number ("38" before a repeated header) are not taken for rows.
 * The same header printed again (each page of the table) is dropped and the
 * lines after it continue the last row; another header, or a TAB-delimited
 * line, ends the table.
 */
export function chunkTables(lines: readonly DumpLine[]): TableChunks[] {
  const texts = lines.map((l) => l.text);
  const tables: TableChunks[] = [];
  for (let i = 0; i < lines.length; ) {
    const header = lines[i]?.raw.includes('\t') ? null : readLinearizedHeader(texts, i);
    if (!header) {
      i++;
      continue;
    }
    const table = readRows(lines, texts, i, header);
    if (table.rows.some((r) => r.kind === 'body')) tables.push(table);
    i = Math.max(table.end, i + 1);
  }
  return tables;
}

function readRows(lines: readonly DumpLine[], texts: readonly string[], start: number, header: LinearizedHeader): TableChunks {
  const rows: RowChunk[] = [];
  let i = start + header.lines.length;
  let lastCode: string | null = null;
  let afterSection = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.raw.includes('\t')) break;
    if (headerRepeatsAt(texts, i, header)) {
      i += header.lines.length - 1;
      rows.at(-1)?.parts.push([]);
      continue;
    }
    if (readLinearizedHeader(texts, i)) break;
    const code = ROW_START.exec(line.text);
    const pageNumber = code !== null && !code[2] && headerRepeatsAt(texts, i + 1, header);
    if (pageNumber) continue;
    if (code && follows(code[1]!, lastCode, afterSection)) {
      rows.push({ kind: 'body', code: code[1]!, page: line.page, parts: [code[2] ? [{ ...line, text: code[2], raw: code[2] }] : []] });
      lastCode = code[1]!;
      afterSection = false;
      continue;
    }
    const section = SECTION_LINE.exec(line.text);
    if (section && (rows.length === 0 || rows.at(-1)?.kind === 'body')) {
      rows.push({ kind: 'section', code: line.text, page: line.page, parts: [] });
      afterSection = true;
      continue;
    }
    const row = rows.at(-1);
    if (row?.kind !== 'body') continue;
    // a form feed inside a row: the cells go on in a new part, as after a repeated header
    if (line.page !== lines[i - 1]?.page && row.parts.at(-1)!.length) row.parts.push([]);
    row.parts.at(-1)!.push(line);
  }
  for (const r of rows) r.parts = r.parts.filter((p) => p.length);
  return { header, rows, start, end: i };
}

/**
 * Whether a row number may follow the previous one: the next at any level
 * ("2.4" → "2.5", "3"; "11" → "12"), or the first child ("11" → "11.1").
 * The first row may be any number; the first after a section row may also
 * be "1" (numbering restarts per section in some plans).
 */
function follows(code: string, last: string | null, afterSection: boolean): boolean {
  const parts = code.split('.').map(Number);
  if (last === null) return true;
  const prev = last.split('.').map(Number);
  const next = new Set<string>([[...prev, 1].join('.')]);
  for (let k = 1; k <= prev.length; k++) next.add([...prev.slice(0, k - 1), (prev[k - 1] ?? 0) + 1].join('.'));
  return next.has(parts.join('.')) || (afterSection && code === '1');
}
