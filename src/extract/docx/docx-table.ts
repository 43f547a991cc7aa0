import type { SourceTableCell } from '../../../schemas/index.js';
import { readParagraph, type ParagraphContext } from './docx-paragraph.js';
import { onOff } from './docx-styles.js';
import { attrAt, child, elements, type XmlElement } from './xml-tree.js';

/** A Word table read as a grid: merged cells keep their spans. */
export interface DocxTable {
  columnCount: number;
  rowCount: number;
  /** Leading rows marked w:tblHeader (repeated on each page). */
  headerRows: number;
  cells: SourceTableCell[];
  /** Each cell's paragraphs, as lines (for tables read as layout, not as data): cells[i] ↔ lines[i]. */
  lines: string[][];
  /** No border is drawn: a layout table (the header block, the signature), not a data table. */
  borderless: boolean;
}

/**
 * Reads a w:tbl into a grid. A cell spans `w:gridSpan` grid columns; a cell
 * marked `w:vMerge` (without "restart") continues the cell above it, whose
 * rowSpan grows (a header cell "Cơ quan chủ trì" over two header rows). Rows
 * may skip grid columns at their start (w:gridBefore). Cell paragraphs are
 * joined with single spaces; nested tables are read as their text.
 */
export function readTable(tbl: XmlElement, ctx: ParagraphContext): DocxTable {
  const cells: SourceTableCell[] = [];
  const lines: string[][] = [];
  /** The cell a vertical merge would continue, by grid column. */
  const open = new Map<number, number>();
  let headerRows = 0;
  let countingHeader = true;
  const rows = elements(tbl, 'w:tr');
  let columnCount = elements(child(tbl, 'w:tblGrid'), 'w:gridCol').length;
  rows.forEach((tr, r) => {
    const trPr = child(tr, 'w:trPr');
    countingHeader &&= onOff(child(trPr, 'w:tblHeader')) === true;
    if (countingHeader) headerRows = r + 1;
    let col = Number(attrAt(trPr, ['w:gridBefore'], 'w:val') ?? 0) || 0;
    for (const tc of cellsOf(tr)) {
      const tcPr = child(tc, 'w:tcPr');
      const span = Math.max(1, Number(attrAt(tcPr, ['w:gridSpan'], 'w:val') ?? 1) || 1);
      const vMerge = child(tcPr, 'w:vMerge');
      const { text, bold, paragraphs } = cellContent(tc, ctx);
      const above = open.get(col);
      if (vMerge && vMerge.attrs['w:val'] !== 'restart' && above !== undefined) {
        const cell = cells[above]!;
        cell.rowSpan = r - cell.row + 1;
        // a continued cell is normally empty; text typed into it anyway is kept with the merged cell
        if (text) cell.text = `${cell.text} ${text}`.trim();
        lines[above]!.push(...paragraphs);
      } else {
        cells.push({ row: r, col, rowSpan: 1, colSpan: span, text, bold });
        lines.push(paragraphs);
        for (let c = col; c < col + span; c++) open.delete(c);
        if (vMerge) open.set(col, cells.length - 1);
      }
      col += span;
    }
    columnCount = Math.max(columnCount, col);
  });
  return { columnCount, rowCount: rows.length, headerRows, cells, lines, borderless: isBorderless(tbl) };
}

/** A row's cells, including those inside content controls and tracked insertions. */
function cellsOf(tr: XmlElement): XmlElement[] {
  return elements(tr).flatMap((c) => (c.name === 'w:tc' ? [c] : ['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins'].includes(c.name) ? cellsOf(c) : []));
}

function cellContent(tc: XmlElement, ctx: ParagraphContext): { text: string; bold: boolean; paragraphs: string[] } {
  const paragraphs: string[] = [];
  let bold = true;
  let any = false;
  const walk = (el: XmlElement): void => {
    for (const c of elements(el)) {
      if (c.name === 'w:p') {
        const p = readParagraph(c, ctx);
        const text = p.pages.flat().join(' ').replace(/\s+/gu, ' ').trim();
        if (!text) continue;
        paragraphs.push(text);
        any = true;
        bold &&= p.bold;
      } else if (c.name === 'w:tbl') walk({ ...c, children: elements(c, 'w:tr').flatMap((tr) => cellsOf(tr)) });
      else if (c.name === 'w:tc' || c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') walk(c);
    }
  };
  walk(tc);
  return { text: paragraphs.join(' ').normalize('NFC'), bold: any && bold, paragraphs };
}

/** Border values that draw nothing. */
const NO_LINE = new Set(['none', 'nil']);

/**
 * Whether the table draws no borders: its w:tblBorders are all "none"/"nil",
 * or it has neither borders nor a table style (Word's plain table prints no
 * lines). Cell-level borders are not looked at.
 */
function isBorderless(tbl: XmlElement): boolean {
  const tblPr = child(tbl, 'w:tblPr');
  const borders = child(tblPr, 'w:tblBorders');
  if (!borders) return !child(tblPr, 'w:tblStyle');
  return elements(borders).every((b) => NO_LINE.has(b.attrs['w:val'] ?? 'none'));
}
