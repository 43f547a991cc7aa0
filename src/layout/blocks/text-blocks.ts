import type { Block, Box, Line, Page, Table } from '../../../schemas/index.js';
import { isBannerLine } from '../../lexicon/index.js';

/** A line starting like a list item or heading opens a block: "1.", "1.2.", "a)", "I.", "- ", "+ ". */
const ITEM_START = /^(?:\d{1,2}(?:\.\d{1,2})*\.?\s|[a-zđ]\)\s|[IVXLC]+\.\s|[-+•*]\s)/u;

/**
 * Joins lines back into paragraphs and headings. On positioned pages a new
 * block starts at a first-line indent, a wider vertical gap, a change of
 * bold or size, a list/heading mark at the margin, or after a line that
 * stopped short of the right margin; lines inside table cells are left to
 * the tables. On text inputs each line opens a block unless it goes on
 * with the line before (see textBlocks), but for `tableLines` (indexes into
 * `page.lines`): lines a table read without positions (a linearized dump's
 * cell lines).
 * A word broken after a hyphen at a line end is joined back.
 */
export function buildBlocks(page: Page, tables: readonly Table[], tableLines: ReadonlySet<number> = new Set()): Block[] {
  const cellBoxes = tables.flatMap((t) => t.cells.filter((c) => c.page === page.number && c.box).map((c) => c.box as Box));
  const lines = page.lines
    .map((line, index) => ({ line, index }))
    .filter(({ index }) => !tableLines.has(index))
    .filter(({ line }) => !line.box || (!cellBoxes.some((b) => inside(line.box as Box, b)) && !isPageNumber(line, page.height)));
  if (!lines.some(({ line }) => line.box)) return textBlocks(lines).map(markBanner);
  const left = mode(lines.map(({ line }) => Math.round(line.box?.x0 ?? 0)));
  const right = percentile(lines.map(({ line }) => line.box?.x1 ?? 0), 0.9);
  const blocks: Block[] = [];
  let current: { line: Line; index: number }[] = [];
  for (const item of lines) {
    const prev = current.at(-1);
    // a banner's line ("SAO Y; …", "Ký bởi: …") is a block of its own, never part of the text around it
    if (prev && !startsNew(prev.line, item.line, left, right, page.origin === 'ocr') && !isBannerLine(item.line.text) && !isBannerLine(prev.line.text)) current.push(item);
    else {
      if (current.length) blocks.push(block(current.map((c) => c.line), current[0]?.index ?? 0));
      current = [item];
    }
  }
  if (current.length) blocks.push(block(current.map((c) => c.line), current[0]?.index ?? 0));
  return blocks.map(markBanner);
}

/** A block that starts like a stamp or banner is one. */
function markBanner(b: Block): Block {
  return isBannerLine(b.text) ? { ...b, banner: true } : b;
}

/**
 * Blocks of a text input, which has no positions: one paragraph a line, but
 * a line goes on with the line right before it when it opens in lower case,
 * or when that line was cut mid-sentence. A dump keeps the printed line
 * breaks, and a paragraph's next line opens in lower case ("1.4. Ban Chỉ
 * đạo … các nhà khoa" / "học, nhà quản lý …") or, after a full line that
 * ends without punctuation, with a name or a code ("… của thành phố ngay
 * khi" / "Trung ương hoàn thiện …", "… Nghị quyết số" / "57-NQ/TW."); a new
 * paragraph, heading or list item opens after a short or finished line, or
 * with a number or a mark ("a) …" is an item, not a continuation). A line
 * ending in a comma always goes on. Capitals-only lines (titles) and TAB lines (rows of a delimited table)
 * join nothing.
 */
function textBlocks(lines: readonly { line: Line; index: number }[]): Block[] {
  const full = FULL_LINE * percentile(lines.filter(({ line }) => !line.text.includes('\t')).map(({ line }) => line.text.trim().length), 0.75);
  const groups: { line: Line; index: number }[][] = [];
  for (const item of lines) {
    const last = groups.at(-1)?.at(-1);
    const goesOn = last !== undefined && last.index === item.index - 1 && continuesLine(last.line.text.trim(), item.line.text.trim(), full);
    if (goesOn) groups.at(-1)!.push(item);
    else groups.push([item]);
  }
  return groups.map((g) => block(g.map((c) => c.line), g[0]!.index));
}

/** A line at least this share of the text's usual long line is a full line, which a wrap may have cut. */
const FULL_LINE = 0.8;

function continuesLine(prev: string, text: string, full: number): boolean {
  if (prev.includes('\t') || text.includes('\t') || ITEM_START.test(text)) return false;
  if (/^\p{Ll}/u.test(text)) return true;
  // no paragraph or heading ends in a comma: "… hạ tầng cho KHCN," / "ĐMST và CDS"
  if (/,$/u.test(prev) && !isCapitals(text)) return true;
  const cut = prev.length >= full && !/[.:;!?…)”"]$/u.test(prev);
  return cut && !isCapitals(prev) && !isCapitals(text);
}

const isCapitals = (s: string): boolean => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase();
};

/** Font sizes (points) of one paragraph's lines in a text layer differ by rounding only. */
const SIZE_TOLERANCE = 0.5;
/**
 * An OCR line's size is its box height, which the letters on it move
 * (ascenders, descenders, stacked marks: "người, rõ việc" 9.8 pt beside
 * "1.2. Cụ thể hóa" 10.3 pt in one paragraph): a share of the size.
 */
const OCR_SIZE_SHARE = 0.15;

function startsNew(prev: Line, line: Line, left: number, right: number, ocr: boolean): boolean {
  const [a, b] = [prev.box, line.box];
  if (!a || !b) return true;
  const em = line.fontSize ?? 12;
  if (b.y0 < a.y1 - em * 0.3) return true; // same baseline (two-column header) or going back up
  if (b.y0 - a.y1 > em * 0.9) return true; // paragraph spacing
  // no paragraph or heading ends in a comma: a line at the margin under one that does goes on with it
  if (/,$/u.test(prev.text.trim()) && b.x0 <= left + em * 0.8 && !ITEM_START.test(line.text)) return false;
  const sizeStep = Math.abs((prev.fontSize ?? 0) - (line.fontSize ?? 0));
  // on a scan, a line that starts at the margin under a line that ran to the right edge is that line's wrap,
  // whatever its letters make of its box ("… hạ tầng cho KHCN," 10.3 pt / "ĐMST và CDS" 7.6 pt)
  const wrap = ocr && right - a.x1 < em * 1.5 && b.x0 <= left + em * 0.8 && !ITEM_START.test(line.text);
  if (prev.bold !== line.bold || (!wrap && sizeStep > (ocr ? OCR_SIZE_SHARE * em : SIZE_TOLERANCE))) return true;
  // a title set centred over several lines ("PHỤ LỤC" / "NHIỆM VỤ, GIẢI PHÁP, …") stays one block
  if (prev.bold && line.bold && isCentred(a, left, right, em) && isCentred(b, left, right, em)) return false;
  if (b.x0 > left + em * 0.8) return true; // first-line indent, or centred
  if (ITEM_START.test(line.text) && b.x0 <= left + em * 0.8) return true;
  // the previous line ended its paragraph when the next line's first word would have fitted after it
  const firstWord = line.text.split(' ')[0] ?? '';
  const firstWordWidth = ((b.x1 - b.x0) * [...firstWord].length) / Math.max(1, [...line.text].length);
  return right - a.x1 > firstWordWidth + em * 1.5;
}

/** A page number printed alone in the top or bottom margin ("26", "- 3 -") is page furniture, not text. */
function isPageNumber(line: Line, pageHeight: number | null): boolean {
  if (!line.box || !pageHeight || !/^[-–\s]*\d{1,3}[-–\s]*$/u.test(line.text)) return false;
  return line.box.y1 < pageHeight * 0.1 || line.box.y0 > pageHeight * 0.9;
}

const isCentred = (b: Box, left: number, right: number, em: number): boolean =>
  b.x0 > left + em && Math.abs((b.x0 + b.x1) / 2 - (left + right) / 2) < em * 2;

function block(lines: Line[], lineStart: number): Block {
  let text = '';
  for (const l of lines) {
    const s = l.text.trim();
    text = !text ? s : /[\p{L}\p{N}]-$/u.test(text) && /^[\p{L}\p{N}]/u.test(s) ? text + s : `${text} ${s}`;
  }
  const boxes = lines.map((l) => l.box).filter((b): b is Box => b !== null);
  const box = boxes.length
    ? { x0: Math.min(...boxes.map((b) => b.x0)), y0: Math.min(...boxes.map((b) => b.y0)), x1: Math.max(...boxes.map((b) => b.x1)), y1: Math.max(...boxes.map((b) => b.y1)) }
    : null;
  return { text, lineStart, lineEnd: lineStart + lines.length, box, bold: lines.every((l) => l.bold), fontSize: lines[0]?.fontSize ?? null, continues: false, banner: false };
}

const inside = (l: Box, cell: Box): boolean => {
  const cx = (l.x0 + l.x1) / 2;
  const cy = (l.y0 + l.y1) / 2;
  return cx > cell.x0 && cx < cell.x1 && cy > cell.y0 && cy < cell.y1;
};

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0] ?? 0;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}
