import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrResult } from '../../../src/ocr/ocr-engine.js';
import { ocrResultToPage } from '../../../src/ocr/ocr-page.js';

/** Words of one OCR line, each 30 px wide with a 10 px gap, from x = 100. */
function line(texts: readonly string[], y0: number, y1: number, tall: Record<number, [number, number]> = {}): OcrLine {
  const words = texts.map((text, i) => {
    const [top, bottom] = tall[i] ?? [y0, y1];
    return { text, box: { x0: 100 + 40 * i, y0: top, x1: 130 + 40 * i, y1: bottom }, confidence: 0.9 };
  });
  return { words, box: { x0: 100, x1: 130 + 40 * (texts.length - 1), y0: Math.min(...words.map((w) => w.box.y0)), y1: Math.max(...words.map((w) => w.box.y1)) } };
}

const result = (...lines: OcrLine[]): OcrResult => ({ lines, widthPx: 2000, heightPx: 2000 });

describe('ocrResultToPage: OCR lines onto the page model', () => {
  it('keeps two text lines apart when a stray mark stretches the first line box over the second', () => {
    // a cell's two lines at y 440-460 and 463-483; a rule's remnant "|" read on the first runs 425-485
    const first = line(['|', 'Tỷ', 'lệ', 'phủ', 'sóng'], 440, 460, { 0: [425, 485] });
    const second = line(['thị', 'trên', 'địa', 'bàn'], 463, 483);
    const page = ocrResultToPage(1, result(first, second), 150, { width: null, height: null });
    expect(page.lines.map((l) => l.text)).toEqual(['| Tỷ lệ phủ sóng', 'thị trên địa bàn']);
  });

  it('gives a line the size of its type, in points', () => {
    const page = ocrResultToPage(1, result(line(['Kế', 'hoạch'], 100, 150)), 72, { width: null, height: null });
    // at 72 dpi a pixel is a point: a 50 pt line box is about 35 pt type
    expect(page.lines[0]?.fontSize).toBeCloseTo(35, 0);
  });
});
