import type { Page, Ruling, Word } from '../../schemas/index.js';

/** A word at (x, y) top-left, 10 pt high, about 5 pt a character. */
export function word(text: string, x: number, y: number, bold = false): Word {
  return { text, box: { x0: x, y0: y, x1: x + text.length * 5, y1: y + 10 }, fontSize: 10, fontName: null, bold, confidence: 1 };
}

/** The rules of a full grid: every row and column boundary drawn across the whole table. */
export function fullGrid(xs: number[], ys: number[]): Ruling[] {
  const [x0, x1] = [xs[0] ?? 0, xs.at(-1) ?? 0];
  const [y0, y1] = [ys[0] ?? 0, ys.at(-1) ?? 0];
  return [
    ...ys.map((y) => ({ orientation: 'h' as const, at: y, from: x0, to: x1 })),
    ...xs.map((x) => ({ orientation: 'v' as const, at: x, from: y0, to: y1 })),
  ];
}

/** A page of words and rules, as the extract stage would give it. */
export function page(number: number, words: Word[], rulings: Ruling[]): Page {
  return {
    number, width: 842, height: 595, origin: 'text-layer', text: words.map((w) => w.text).join(' '), words,
    lines: [], rulings, blocks: [], quality: null, repairs: [], originalText: null,
  };
}
