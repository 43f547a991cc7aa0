import type { Ruling } from '../../schemas/index.js';
import { unionBox } from '../core/index.js';
import type { OcrResult, OcrSymbol, OcrWord } from './ocr-engine.js';

/**
 * Cuts words that run over a table's column rule. The rules are erased
 * before OCR, so the figures of two neighbouring cells can come back as one
 * word ("300>600" for "≥ 300" | "≥ 600"); the rule found in the image says
 * where one cell ends, and the word's symbol boxes where to cut it. Words
 * without symbol boxes are left whole.
 */
export function splitWordsAtRules(result: OcrResult, rulings: readonly Ruling[], dpi: number): OcrResult {
  const k = dpi / 72;
  const columns = rulings.filter((r) => r.orientation === 'v').map((r) => ({ x: r.at * k, from: r.from * k, to: r.to * k }));
  if (!columns.length) return result;
  const cut = (word: OcrWord): OcrWord[] => {
    const symbols = word.symbols;
    if (!symbols || symbols.length < 2) return [word];
    const mid = (word.box.y0 + word.box.y1) / 2;
    const xs = columns.filter((c) => c.from <= mid && mid <= c.to && c.x > word.box.x0 && c.x < word.box.x1).map((c) => c.x);
    if (!xs.length) return [word];
    const groups: OcrSymbol[][] = [];
    let last = -Infinity;
    for (const s of symbols) {
      const centre = (s.box.x0 + s.box.x1) / 2;
      // a new group when a rule lies between this symbol's centre and the previous one's
      if (!groups.length || xs.some((x) => x > last && x < centre)) groups.push([]);
      groups[groups.length - 1]!.push(s);
      last = centre;
    }
    if (groups.length < 2) return [word];
    return groups.map((g) => ({ text: g.map((s) => s.text).join(''), box: { ...unionBox(g.map((s) => s.box))!, y0: word.box.y0, y1: word.box.y1 }, confidence: word.confidence, symbols: g }));
  };
  return { ...result, lines: result.lines.map((line) => ({ ...line, words: line.words.flatMap(cut) })) };
}
