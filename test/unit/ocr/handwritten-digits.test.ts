import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyDigit, loadDigitModel } from '../../../src/ocr/digit-classifier.js';
import { normalizeDigit, type InkImage } from '../../../src/ocr/digit-image.js';
import { figurePieces, segmentFigures } from '../../../src/ocr/digit-segments.js';
import type { GrayBitmap } from '../../../src/ocr/gray-bitmap.js';
import { readDigits } from '../../../src/ocr/handwritten-digits.js';
import { decide, readHandwrittenFields, type InkOnPage } from '../../../src/ocr/handwritten-fields.js';
import type { OcrEngine, OcrLine, OcrResult, OcrWord } from '../../../src/ocr/ocr-engine.js';

/** MNIST digits held out from the shipped model's training (scripts/ocr/train-digits.ts writes them). */
const held = (JSON.parse(readFileSync(new URL('./fixtures/mnist-heldout.json', import.meta.url), 'utf8')) as { digits: { digit: number; levels: string }[] }).digits.map((d) => ({
  digit: d.digit,
  img: { width: 28, height: 28, data: Float32Array.from(Buffer.from(d.levels, 'base64'), (v) => v / 255) } as InkImage,
}));
const model = loadDigitModel()!;
const of = (digit: number, k = 0): InkImage => held.filter((d) => d.digit === digit)[k]!.img;

/** Digits drawn on white paper as pen ink on a scan (scaled by `scale`), side by side `gap` pixels apart (negative: touching), at the left of a wider image. */
function written(digits: InkImage[], scale: number, gap: number, extra: (g: GrayBitmap) => void = () => {}): GrayBitmap {
  const boxes = digits.map((d) => {
    let [x0, x1] = [Infinity, -1];
    for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) if ((d.data[y * 28 + x] ?? 0) > 0.2) [x0, x1] = [Math.min(x0, x), Math.max(x1, x)];
    return { x0, x1 };
  });
  const width = Math.round(boxes.reduce((n, b) => n + (b.x1 - b.x0 + 1) * scale + gap, 0) + 60 * scale);
  const height = Math.round(40 * scale);
  const g: GrayBitmap = { width, height, data: new Uint8Array(width * height).fill(255) };
  let at = 10 * scale;
  digits.forEach((d, i) => {
    const b = boxes[i]!;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < (b.x1 - b.x0 + 1) * scale; x++) {
        const v = d.data[Math.min(27, Math.floor(y / scale - 6)) * 28 + Math.floor(x / scale) + b.x0] ?? 0;
        if (y / scale - 6 >= 0 && v > 0.2) {
          const p = y * width + Math.round(at + x);
          g.data[p] = Math.min(g.data[p] ?? 255, Math.round(255 - v * 200));
        }
      }
    at += (b.x1 - b.x0 + 1) * scale + gap;
  });
  extra(g);
  return g;
}

describe('the handwritten-digit recognizer (models/digits-mlp.json)', () => {
  it('is shipped, with the threshold chosen on held-out MNIST digits', () => {
    expect(model).not.toBeNull();
    expect(model.minProbability).toBeGreaterThan(0.5);
    expect(model.minProbability).toBeLessThan(1);
  });

  it('reads MNIST digits it was not trained on', () => {
    const right = held.filter((d) => classifyDigit(model, d.img)?.digit === d.digit).length;
    expect(right).toBeGreaterThanOrEqual(Math.ceil(held.length * 0.9));
  });

  it('reads them whatever their size: a digit drawn three times as large is normalized to the same square', () => {
    const d = of(3);
    const big: InkImage = { width: 84, height: 84, data: new Float32Array(84 * 84) };
    for (let y = 0; y < 84; y++) for (let x = 0; x < 84; x++) big.data[y * 84 + x] = d.data[Math.floor(y / 3) * 28 + Math.floor(x / 3)] ?? 0;
    const [a, b] = [normalizeDigit(d)!, normalizeDigit(big)!];
    let diff = 0;
    for (let i = 0; i < a.data.length; i++) diff += Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
    // the same shape, up to the blockiness of the large copy
    expect(diff / a.data.reduce((n, v) => n + v, 0)).toBeLessThan(0.35);
    expect(classifyDigit(model, big)?.digit).toBe(classifyDigit(model, d)?.digit);
  });

  it('has no digit in an empty image', () => {
    expect(classifyDigit(model, { width: 10, height: 10, data: new Float32Array(100) })).toBeNull();
  });
});

describe('segmentFigures: a blank\'s ink cut into figures', () => {
  it('cuts figures apart, left to right, and keeps a dot before them and a slash after them apart', () => {
    const g = written([of(2), of(9), of(4)], 1.5, 6, (img) => {
      // a dot low before the figures; a straight slash leaning far after them
      for (let y = 48; y < 51; y++) for (let x = 4; x < 7; x++) img.data[y * img.width + x] = 40;
      const x0 = img.width - 60;
      for (let y = 8; y < 56; y++) for (let t = 0; t < 3; t++) img.data[y * img.width + x0 + Math.round(56 - y) + t] = 40;
    });
    const s = segmentFigures(g);
    const plain = segmentFigures(written([of(2), of(9), of(4)], 1.5, 6));
    expect(s.figures).toHaveLength(3);
    expect(plain.figures).toHaveLength(3);
    // the dot is one speck more than the digits' own (a scrap of a stroke the drawing broke off)
    expect(s.specks).toBe(plain.specks + 1);
    expect(s.slashes).toBe(1);
    expect(plain.slashes).toBe(0);
    expect(s.figures.map((f) => f.box.x0)).toEqual([...s.figures.map((f) => f.box.x0)].sort((a, b) => a - b));
  });

  it('cuts figures written touching, the piece as wide as two figures', () => {
    const g = written([of(0), of(0, 1)], 2, -3);
    expect(segmentFigures(g).figures).toHaveLength(2);
  });

  it('does not leave out quietly a mark between figures bigger than a dot (a figure written small), but does a dot', () => {
    const bare = figurePieces(written([of(2), of(7)], 2, 24)).pieces;
    expect(bare).toHaveLength(2);
    const [gap0, gap1] = [bare[0]!.box.x1, bare[1]!.box.x0];
    const top = Math.max(...bare.map((p) => p.box.y1 - p.box.y0));
    const mark = (size: number) => (img: GrayBitmap): void => {
      const x0 = Math.round((gap0 + gap1 - size) / 2);
      for (let y = 40; y < 40 + size; y++) for (let x = x0; x < x0 + size; x++) img.data[y * img.width + x] = 40;
    };
    // a dot; and a mark 0.4 of the figures' height, lower than a figure yet more than a dot
    const [dot, small] = [written([of(2), of(7)], 2, 24, mark(3)), written([of(2), of(7)], 2, 24, mark(Math.round(0.4 * top)))];
    expect(figurePieces(dot).doubtful).toBe(0);
    expect(figurePieces(small).doubtful).toBe(1);
    expect(readDigits(small, model)).toMatchObject({ sure: false, lost: 1 });
  });

  it('finds nothing in blank paper', () => {
    expect(segmentFigures({ width: 20, height: 20, data: new Uint8Array(400).fill(255) }).figures).toEqual([]);
  });
});

describe('readDigits: the figures of a blank read one by one', () => {
  it('reads held-out digits written as a number, each with its probability', () => {
    const digits = [of(2, 1), of(9, 1), of(4, 1)];
    const r = readDigits(written(digits, 2, 8), model);
    const want = digits.map((d) => String(classifyDigit(model, d)!.digit)).join('');
    expect(r.text).toBe(want);
    expect(r.probabilities).toHaveLength(3);
    expect(r.confidence).toBe(Math.min(...r.probabilities));
    expect(r.sure).toBe(r.doubts.length === 0);
  });
});

describe('decide: the recognizer\'s and the engine\'s readings of one ink', () => {
  const day = { field: 'day' as const, month: 7, year: 2025 };
  const engine = (text: string, votes = 5) => ({ text, votes, renderings: 5, confidence: 0.8, aspect: 0.6 * text.length, inkBox: null });
  const digits = (text: string, probabilities: number[]) => ({
    text,
    probabilities,
    confidence: Math.min(...probabilities),
    sure: probabilities.every((p) => p >= 0.9),
    doubts: probabilities.flatMap((p, at) => (p < 0.9 ? [{ at, guess: { digit: Number(text[at]), probability: p, second: 7, secondProbability: 1 - p } }] : [])),
    specks: 0,
    lost: 0,
  });
  it('takes the figures both read alike', () => {
    expect(decide(day, engine('15'), digits('15', [0.99, 0.97]))).toMatchObject({ text: '15', by: 'both' });
  });
  it('takes the recognizer\'s reading where the engine\'s is no day ("45" for "15")', () => {
    expect(decide(day, engine('45'), digits('15', [0.99, 0.97]))).toMatchObject({ text: '15', by: 'recognizer' });
  });
  it('takes neither where both are plausible and differ', () => {
    expect(decide(day, engine('16'), digits('15', [0.99, 0.97]))).toMatch(/recognizer read "15", the OCR engine "16"/u);
  });
  it('leaves the blank where a piece of the ink could not be read as figures, however sure the others are', () => {
    expect(decide(day, engine('15', 2), { ...digits('15', [0.99, 0.99]), sure: false, lost: 1 })).toMatch(/not read as figures/u);
  });
  it('leaves the blank where the recognizer is unsure of a figure and the engine did not agree', () => {
    expect(decide(day, engine('15', 2), digits('15', [0.99, 0.6]))).toMatch(/figure 2 of "15" unsure/u);
  });
  it('takes the engine\'s firm reading when the recognizer is unsure, not when it surely read other figures', () => {
    expect(decide(day, engine('15'), digits('15', [0.99, 0.6]))).toMatchObject({ text: '15', by: 'engine' });
    expect(decide(day, engine('12'), digits('45', [0.99, 0.99]))).toMatch(/surely "45"/u);
  });
});

describe('readHandwrittenFields with the recognizer', () => {
  const word = (text: string, x0: number, x1: number): OcrWord => ({ text, box: { x0, y0: 100, x1, y1: 140 }, confidence: 0.9 });
  const line: OcrLine = { words: [word('ngày', 990, 1080), word('tháng', 1200, 1300), word('7', 1310, 1330), word('năm', 1340, 1420), word('2025', 1430, 1520)], box: { x0: 990, y0: 100, x1: 1520, y1: 140 } };
  const page: OcrResult = { lines: [line], widthPx: 2000, heightPx: 3000 };
  const blind: OcrEngine = { name: 'blind', recognize: async () => page, readFigures: async () => ({ text: '', confidence: 0 }), close: async () => {} };

  it('puts a day the engine could not read into its blank when the recognizer reads it surely', async () => {
    // a held-out "1" and "5" the recognizer reads surely (not every MNIST digit is: a bare bar is read "1" over its variants with 0.97, a "5" with a long bar is unsure)
    const digits = [of(1, 2), of(5, 2)];
    const g = written(digits, 1.2, 4);
    const want = digits.map((d) => classifyDigit(model, d)!);
    const ink: InkOnPage = { masked: [{ colour: 'blue', x0: 1090, y0: 95, x1: 1090 + g.width, y1: 95 + g.height, pixels: 500, ink: g }], skew: 0, width: 2000, height: 3000 };
    const found = await readHandwrittenFields(page, ink, blind);
    // the held-out "1" and "5", read as such, go into the day's blank
    expect(want.map((w) => w.digit)).toEqual([1, 5]);
    expect(found.readings).toMatchObject([{ field: 'day', text: '15', by: 'recognizer' }]);
    expect(found.readings[0]!.probabilities).toHaveLength(2);
    expect(found.result.lines[0]!.words.map((w) => w.text)).toEqual(['ngày', '15', 'tháng', '7', 'năm', '2025']);
  });
});

describe('readHandwrittenFields with the recognizer: a day the blank cannot hold', () => {
  it('leaves the blank, saying what was read, when the figures read are no day of the month', async () => {
    const word = (text: string, x0: number, x1: number): OcrWord => ({ text, box: { x0, y0: 100, x1, y1: 140 }, confidence: 0.9 });
    const line: OcrLine = { words: [word('ngày', 990, 1080), word('tháng', 1200, 1300), word('7', 1310, 1330), word('năm', 1340, 1420), word('2025', 1430, 1520)], box: { x0: 990, y0: 100, x1: 1520, y1: 140 } };
    const page: OcrResult = { lines: [line], widthPx: 2000, heightPx: 3000 };
    const blind: OcrEngine = { name: 'blind', recognize: async () => page, readFigures: async () => ({ text: '', confidence: 0 }), close: async () => {} };
    const g = written([of(4, 1), of(5, 2)], 1.2, 4);
    const ink: InkOnPage = { masked: [{ colour: 'blue', x0: 1090, y0: 95, x1: 1090 + g.width, y1: 95 + g.height, pixels: 500, ink: g }], skew: 0, width: 2000, height: 3000 };
    const found = await readHandwrittenFields(page, ink, blind);
    expect(found.readings).toEqual([]);
    expect(found.unread).toHaveLength(1);
    expect(found.unread[0]).toMatchObject({ field: 'day', best: '45' });
    expect(found.unread[0]!.reason).toMatch(/recognizer: not a day of the printed month/u);
    expect(found.result.lines[0]!.words.map((w) => w.text)).toEqual(['ngày', 'tháng', '7', 'năm', '2025']);
  });
});
