import type { Box, Page, Word } from '../../../../schemas/index.js';
import { covers, type RulingGrid } from './ruling-grid.js';

/** A merged cell of a grid: slot position, spans, box and text. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Box;
  text: string;
  /** Every word in the cell is bold (header rows usually are). */
  bold: boolean;
}

/**
 * Cells of a ruled grid: neighbouring slots with no rule between them are
 * one merged cell (row and column spans). Each cell's text is the words
 * whose centre lies inside it, line by line, joined with single spaces; a
 * word broken after a hyphen at a line end is joined back ("57-" + "NQ/TW").
 */
export function gridCells(grid: RulingGrid, page: Page): GridCell[] {
  const { xs, ys, rules } = grid;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const id = (r: number, c: number): number => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] ?? i)));
  const hasRule = (orientation: 'h' | 'v', at: number, pos: number): boolean => rules.some((r) => r.orientation === orientation && covers(r, at, pos));
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const midY = ((ys[r] ?? 0) + (ys[r + 1] ?? 0)) / 2;
      const midX = ((xs[c] ?? 0) + (xs[c + 1] ?? 0)) / 2;
      if (c + 1 < cols && !hasRule('v', xs[c + 1] ?? 0, midY)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < rows && !hasRule('h', ys[r + 1] ?? 0, midX)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  const slots = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      const s = slots.get(root) ?? { r0: r, r1: r, c0: c, c1: c };
      slots.set(root, { r0: Math.min(s.r0, r), r1: Math.max(s.r1, r), c0: Math.min(s.c0, c), c1: Math.max(s.c1, c) });
    }
  const cells = [...slots.values()].map((s) => {
    const box = { x0: xs[s.c0] ?? 0, y0: ys[s.r0] ?? 0, x1: xs[s.c1 + 1] ?? 0, y1: ys[s.r1 + 1] ?? 0 };
    const words = page.words.filter((w) => w.box && inside(w.box, box));
    return { row: s.r0, col: s.c0, rowSpan: s.r1 - s.r0 + 1, colSpan: s.c1 - s.c0 + 1, box, text: cellText(words), bold: words.length > 0 && words.every((w) => w.bold) };
  });
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

const inside = (w: Box, cell: Box): boolean => {
  const cx = (w.x0 + w.x1) / 2;
  const cy = (w.y0 + w.y1) / 2;
  return cx > cell.x0 && cx < cell.x1 && cy > cell.y0 && cy < cell.y1;
};

/** Words to text: lines by baseline (half a word height apart), left to right. */
export function cellText(words: readonly Word[]): string {
  const sorted = [...words].sort((a, b) => (a.box?.y1 ?? 0) - (b.box?.y1 ?? 0) || (a.box?.x0 ?? 0) - (b.box?.x0 ?? 0));
  const lines: Word[][] = [];
  for (const w of sorted) {
    const line = lines.at(-1);
    const ref = line?.[0];
    const h = (w.box?.y1 ?? 0) - (w.box?.y0 ?? 0);
    if (line && ref && Math.abs((ref.box?.y1 ?? 0) - (w.box?.y1 ?? 0)) < h * 0.5) line.push(w);
    else lines.push([w]);
  }
  let text = '';
  for (const line of lines) {
    const s = line.sort((a, b) => (a.box?.x0 ?? 0) - (b.box?.x0 ?? 0)).map((w) => w.text).join(' ');
    text = !text ? s : /[\p{L}\p{N}]-$/u.test(text) && /^[\p{L}\p{N}]/u.test(s) ? text + s : `${text} ${s}`;
  }
  return text.replace(/\s+/gu, ' ').trim();
}
