import { describe, expect, it } from 'vitest';
import type { OcrResult } from '../../../src/ocr/ocr-engine.js';
import { dropJunkWords, looksLikeText } from '../../../src/ocr/junk-words.js';

const word = (text: string, confidence: number, x: number) => ({ text, confidence, box: { x0: x, y0: 0, x1: x + 30, y1: 20 } });

describe('dropJunkWords: specks and strokes the engine doubted', () => {
  it('drops low-confidence words that read as nothing, keeps doubted words that read as text and marks the engine is sure of', () => {
    const result: OcrResult = {
      lines: [
        { box: { x0: 0, y0: 0, x1: 400, y1: 20 }, words: [word('|', 0.2, 0), word('tỉnh', 0.3, 40), word('HĐND', 0.0, 80), word('Đ/c', 0.3, 120), word('2025', 0.4, 160), word('-', 0.95, 200), word('LzZạ', 0.1, 240), word('?;', 0.0, 280)] },
        { box: { x0: 0, y0: 30, x1: 100, y1: 50 }, words: [word('s', 0.0, 0), word(':', 0.1, 40)] },
      ],
      widthPx: null,
      heightPx: null,
    };
    const { result: out, dropped } = dropJunkWords(result);
    expect(dropped).toBe(5);
    expect(out.lines.map((l) => l.words.map((w) => w.text))).toEqual([['tỉnh', 'HĐND', 'Đ/c', '2025', '-']]);
  });

  it('keeps every mark inside a ruled table: the table reader places its cells by them', () => {
    const result: OcrResult = { lines: [{ box: { x0: 0, y0: 0, x1: 400, y1: 20 }, words: [word('|', 0.2, 0), word('LzZạ', 0.1, 240)] }], widthPx: null, heightPx: null };
    const inTable = (w: { box: { x0: number } }): boolean => w.box.x0 >= 200;
    const { result: out, dropped } = dropJunkWords(result, inTable);
    expect(dropped).toBe(1);
    expect(out.lines.map((l) => l.words.map((w) => w.text))).toEqual([['LzZạ']]);
  });

  it('returns a result with nothing to drop as it was', () => {
    const result: OcrResult = { lines: [{ box: { x0: 0, y0: 0, x1: 100, y1: 20 }, words: [word('Kế', 0.9, 0), word('hoạch', 0.4, 40)] }], widthPx: null, heightPx: null };
    expect(dropJunkWords(result)).toEqual({ result, dropped: 0 });
  });

  it('reads syllables, numbers, acronyms, addresses and abbreviations as text', () => {
    for (const t of ['phối', 'Đồng,', '0693.449', 'UBND', 'anninhmang(@lamdong.gov.vn;', 'b/c);', 'TP.']) expect(looksLikeText(t), t).toBe(true);
    // a table's cells: a lone digit, a percent, a sign, a dash for no value
    for (const t of ['5', '3%', '%', '≥', '-', '—']) expect(looksLikeText(t), t).toBe(true);
    for (const t of ['|', 's', 'LzZạ', '——.....u(ảạ', '$']) expect(looksLikeText(t), t).toBe(false);
  });
});
