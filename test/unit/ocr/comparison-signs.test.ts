import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifySign, readComparisonSigns } from '../../../src/ocr/comparison-signs.js';
import { decodeGray, type GrayBitmap } from '../../../src/ocr/gray-bitmap.js';
import type { OcrResult, OcrSymbol } from '../../../src/ocr/ocr-engine.js';
import { splitWordsAtRules } from '../../../src/ocr/words-at-rules.js';

type Sign = '≥' | '≤' | '>' | '<' | '=';
const CELL = 40;

/** Draws each sign with strokes, as a serif font sets it (chevron 10 px over a bar), one per 40 px cell. */
async function drawSigns(signs: readonly Sign[]): Promise<GrayBitmap> {
  const canvas = createCanvas(CELL * signs.length, CELL);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = '#222';
  ctx.lineWidth = 2;
  signs.forEach((sign, i) => {
    const x = i * CELL + 10;
    const line = (x0: number, y0: number, x1: number, y1: number) => {
      ctx.beginPath();
      ctx.moveTo(x + x0, y0);
      ctx.lineTo(x + x1, y1);
      ctx.stroke();
    };
    if (sign === '=') {
      line(0, 14, 18, 14);
      line(0, 24, 18, 24);
      return;
    }
    const right = sign === '>' || sign === '≥';
    const [tip, ends] = right ? [18, 0] : [0, 18];
    line(ends, 8, tip, 16);
    line(tip, 16, ends, 24);
    if (sign === '≥' || sign === '≤') line(0, 29, 18, 29);
  });
  return decodeGray(canvas.toBuffer('image/png'));
}

const box = (i: number) => ({ x0: i * CELL + 8, y0: 6, x1: i * CELL + 30, y1: 32 });

describe('classifySign: what a comparison sign is, from its pixels', () => {
  const signs: Sign[] = ['≥', '≤', '>', '<', '='];
  let img: GrayBitmap;
  beforeAll(async () => {
    img = await drawSigns(signs);
  });
  it.each(signs.map((s, i) => [s, i] as const))('%s', (sign, i) => expect(classifySign(img, box(i))).toBe(sign));

  it('says nothing about a blank box', () => expect(classifySign(img, { x0: 0, y0: 0, x1: 6, y1: 6 })).toBeNull());
});

const sym = (text: string, x0: number, x1: number, y0 = 6, y1 = 32): OcrSymbol => ({ text, box: { x0, y0, x1, y1 } });
const result = (...words: { text: string; symbols?: OcrSymbol[] }[]): OcrResult => ({
  lines: [{ box: { x0: 0, y0: 0, x1: 400, y1: 40 }, words: words.map((w) => ({ ...w, confidence: 0.9, box: { x0: w.symbols?.[0]?.box.x0 ?? 0, y0: 6, x1: w.symbols?.at(-1)?.box.x1 ?? 10, y1: 32 } })) }],
  widthPx: null,
  heightPx: null,
});
const texts = (r: OcrResult) => r.lines.flatMap((l) => l.words.map((w) => w.text));

describe('readComparisonSigns: "≥" the Vietnamese model printed as ">", "z>" or "z"', () => {
  let img: GrayBitmap;
  beforeAll(async () => {
    img = await drawSigns(['≥', '>', '≥']);
  });

  it('puts back "≥" and the space the figure stood after', () => {
    // "z>" over the ≥ at 8…30, the figure 16 px further: a space
    const read = result({ text: 'z>75%', symbols: [sym('z', 8, 14), sym('>', 8, 30), sym('7', 46, 56), sym('5', 58, 68), sym('%', 70, 80)] });
    expect(texts(readComparisonSigns(read, img))).toEqual(['≥', '75%']);
  });

  it('keeps the sign on the figure when no space stood between them', () => {
    const read = result({ text: 'z95%', symbols: [sym('z', 88, 110), sym('9', 112, 122), sym('5', 124, 134), sym('%', 136, 146)] });
    expect(texts(readComparisonSigns(read, img))).toEqual(['≥95%']);
  });

  it('keeps a real ">" and a sign read as a word of its own before the figure', () => {
    const real = result({ text: '>', symbols: [sym('>', 48, 70)] }, { text: '0,7', symbols: [sym('0', 86, 96), sym(',', 97, 99), sym('7', 100, 110)] });
    expect(texts(readComparisonSigns(real, img))).toEqual(['>', '0,7']);
    const alone = result({ text: '=', symbols: [sym('=', 88, 110)] }, { text: '90%', symbols: [sym('9', 126, 136), sym('0', 138, 148)] });
    expect(texts(readComparisonSigns(alone, img))).toEqual(['≥', '90%']);
  });

  it('leaves words without symbol boxes, and signs not before a figure, as they are', () => {
    const read = result({ text: 'z>75%' }, { text: '>', symbols: [sym('>', 48, 70)] }, { text: 'trên', symbols: [sym('t', 80, 84)] });
    expect(texts(readComparisonSigns(read, img))).toEqual(['z>75%', '>', 'trên']);
    expect(readComparisonSigns(read, null)).toBe(read);
  });
});

describe('splitWordsAtRules: a word run over an erased column rule', () => {
  // a column rule at x = 100 px (at 72 dpi: points = pixels), from y 0 to 200
  const rule = { orientation: 'v' as const, at: 100, from: 0, to: 200 };

  it('is cut at the rule into the two cells\' words', () => {
    const read = result({ text: '300>600', symbols: [sym('3', 60, 68), sym('0', 70, 78), sym('0', 80, 88), sym('>', 104, 112), sym('6', 114, 122), sym('0', 124, 132), sym('0', 134, 142)] });
    const cut = splitWordsAtRules(read, [rule], 72);
    expect(texts(cut)).toEqual(['300', '>600']);
    expect(cut.lines[0]?.words[1]?.box.x0).toBe(104);
  });

  it('leaves words that do not cross a rule, or that lack symbol boxes', () => {
    const read = result({ text: '300', symbols: [sym('3', 60, 68), sym('0', 70, 78), sym('0', 80, 88)] }, { text: 'a-b' });
    expect(texts(splitWordsAtRules(read, [rule], 72))).toEqual(['300', 'a-b']);
    // a horizontal rule cuts nothing
    expect(texts(splitWordsAtRules(read, [{ ...rule, orientation: 'h' }], 72))).toEqual(['300', 'a-b']);
  });
});
