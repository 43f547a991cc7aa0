import { describe, expect, it } from 'vitest';
import { accept, readHandwrittenFields, straightened, type InkOnPage } from '../../../src/ocr/handwritten-fields.js';
import { tightCrop } from '../../../src/ocr/figure-images.js';
import type { InkRegion } from '../../../src/ocr/coloured-ink.js';
import { ocrResultToPage } from '../../../src/ocr/ocr-page.js';
import type { GrayBitmap } from '../../../src/ocr/gray-bitmap.js';
import type { FiguresReading, OcrEngine, OcrLine, OcrResult, OcrWord, PageImage } from '../../../src/ocr/ocr-engine.js';

const word = (text: string, x0: number, x1: number, y0 = 100, y1 = 140): OcrWord => ({ text, box: { x0, y0, x1, y1 }, confidence: 0.9 });

/** A number line and a date line as an OCR reads them when the figures written in their blanks were painted out. */
function header(): OcrResult {
  const left: OcrLine = { words: [word('Số:', 100, 160), word('/CAT-PA05', 260, 480)], box: { x0: 100, y0: 100, x1: 480, y1: 140 } };
  const right: OcrLine = {
    words: [word('Lâm', 800, 870), word('Đồng,', 880, 980), word('ngày', 990, 1080), word('tháng', 1160, 1260), word('7', 1270, 1290), word('năm', 1300, 1380), word('2025', 1390, 1480)],
    box: { x0: 800, y0: 100, x1: 1480, y1: 140 },
  };
  return { lines: [left, right], widthPx: 2000, heightPx: 3000 };
}

/** Blue ink of `figures` digits (a bar each, 20 px wide, 40 tall, 10 apart) in a region at x0. */
function ink(x0: number, figures: number): InkRegion {
  const [w, h] = [figures * 30 + 10, 60];
  const data = new Uint8Array(w * h).fill(255);
  for (let f = 0; f < figures; f++) for (let y = 10; y < 50; y++) for (let x = 10 + f * 30; x < 30 + f * 30; x++) data[y * w + x] = 60;
  return { colour: 'blue', x0, y0: 90, x1: x0 + w, y1: 150, pixels: figures * 800, ink: { width: w, height: h, data } };
}

/**
 * An engine whose figure reader answers from a queue and counts its calls: per ink, one answer a
 * rendering at the size scanned, then (the next five, or the same again) at the size drawn.
 */
function engine(answers: FiguresReading[][]): OcrEngine & { calls: number } {
  let ink = 0;
  let rendering = 0;
  return {
    name: 'fake',
    calls: 0,
    recognize: async (): Promise<OcrResult> => ({ lines: [], widthPx: null, heightPx: null }),
    async readFigures(_image: PageImage): Promise<FiguresReading> {
      this.calls++;
      const mine = answers[ink] ?? [];
      const r = mine[rendering % mine.length] ?? { text: '', confidence: 0 };
      if (++rendering === 10) (rendering = 0), ink++;
      return r;
    },
    close: async () => {},
  };
}

const five = (text: string, confidence = 0.8): FiguresReading[] => Array.from({ length: 5 }, () => ({ text, confidence }));
const onPage = (masked: InkRegion[]): InkOnPage => ({ masked, skew: 0, width: 2000, height: 3000 });
const texts = (r: OcrResult): string[] => r.lines.map((l) => l.words.map((w) => w.text).join(' '));

describe('readHandwrittenFields: figures written into the number and date blanks, read by the OCR engine alone', () => {
  it('puts the number before its printed code and the day after "ngày" when every rendering reads them', async () => {
    const found = await readHandwrittenFields(header(), onPage([ink(170, 3), ink(1090, 2)]), engine([five('177'), five('15')]), { digits: null });
    expect(texts(found.result)).toEqual(['Số: 177/CAT-PA05', 'Lâm Đồng, ngày 15 tháng 7 năm 2025']);
    expect(found.readings.map((r) => [r.field, r.text])).toEqual([['number', '177'], ['day', '15']]);
    expect(found.unread).toEqual([]);
  });

  it('finds the number blank before a printed code whose slash the OCR lost, and puts the slash back', async () => {
    const lost = header();
    lost.lines[0] = { ...lost.lines[0]!, words: [word('Số:', 100, 160), word('CAT-PA05', 270, 480)] };
    const found = await readHandwrittenFields(lost, onPage([ink(170, 3), ink(1090, 2)]), engine([five('177'), five('15')]), { digits: null });
    expect(texts(found.result)[0]).toBe('Số: 177/CAT-PA05');
    expect(found.readings.map((r) => [r.field, r.text])).toEqual([['number', '177'], ['day', '15']]);
  });

  it('finds no number blank before a word that is no code (a sentence\'s "Số" before a name)', async () => {
    const prose = header();
    prose.lines[0] = { ...prose.lines[0]!, words: [word('Số:', 100, 160), word('Nguyễn', 270, 380), word('Văn', 390, 480)] };
    const found = await readHandwrittenFields(prose, onPage([ink(170, 3)]), engine([five('177')]), { digits: null });
    expect(found.readings).toEqual([]);
    expect(texts(found.result)[0]).toBe('Số: Nguyễn Văn');
  });

  it('gives the page a line with the figures spaced from the words, even where the ink touches them', async () => {
    // the day's ink begins over the end of "ngày" (its region box reaches back over it)
    const found = await readHandwrittenFields(header(), onPage([ink(170, 3), ink(1065, 2)]), engine([five('177'), five('15')]), { digits: null });
    const page = ocrResultToPage(1, found.result, 300, { width: 480, height: 720 });
    expect(page.text).toContain('Số: 177/CAT-PA05');
    expect(page.text).toContain('ngày 15 tháng 7 năm 2025');
  });

  it('leaves a blank as printed, and says why, when the renderings disagree', async () => {
    const split = [...five('294').slice(0, 2), ...five('204').slice(0, 3)];
    const found = await readHandwrittenFields(header(), onPage([ink(170, 3)]), engine([split]), { digits: null });
    expect(texts(found.result)[0]).toBe('Số: /CAT-PA05');
    expect(found.readings).toEqual([]);
    expect(found.unread[0]).toMatchObject({ field: 'number', best: '204' });
    expect(found.unread[0]?.reason).toMatch(/of 5 renderings/u);
  });

  it('leaves a blank when the ink read at one size firmly says one thing and at the other another', async () => {
    const found = await readHandwrittenFields(header(), onPage([ink(1090, 2)]), engine([[...five('15'), ...five('16')]]), { digits: null });
    expect(found.readings).toEqual([]);
    expect(found.unread[0]?.reason).toMatch(/"15" at one size and "16" at another/u);
  });

  it('takes the reading of one size when the other does not agree on anything', async () => {
    const unsure = [{ text: '4', confidence: 0.3 }, { text: '', confidence: 0 }, { text: '14', confidence: 0.2 }, { text: '1', confidence: 0.1 }, { text: '', confidence: 0 }];
    const found = await readHandwrittenFields(header(), onPage([ink(1090, 2)]), engine([[...unsure, ...five('15')]]), { digits: null });
    expect(found.readings.map((r) => r.text)).toEqual(['15']);
  });

  it('takes no day the printed month does not have, however sure the engine is', async () => {
    const found = await readHandwrittenFields(header(), onPage([ink(1090, 2)]), engine([five('45', 0.95)]), { digits: null });
    expect(texts(found.result)[1]).toBe('Lâm Đồng, ngày tháng 7 năm 2025');
    expect(found.unread[0]?.reason).toMatch(/not a day/u);
  });

  it('reads no ink outside the blanks (a signature elsewhere on the page)', async () => {
    const far = { ...ink(600, 3), y0: 900, y1: 960 };
    const e = engine([five('123')]);
    const found = await readHandwrittenFields(header(), onPage([far]), e, { digits: null });
    expect(e.calls).toBe(0);
    expect(found.readings).toEqual([]);
  });

  it('reads nothing on a page with no blue ink kept', async () => {
    const e = engine([]);
    const found = await readHandwrittenFields(header(), onPage([{ ...ink(170, 3), ink: undefined }]), e, { digits: null });
    expect(e.calls).toBe(0);
    expect(found.result).toEqual(header());
  });
});

describe('readHandwrittenFields: figures written in ink as dark as print', () => {
  /** A white page with dark strokes (level 60) in the given boxes: what the page OCR read as junk. */
  const gray = (strokes: { x0: number; x1: number }[]): GrayBitmap => {
    const [w, h] = [1600, 200];
    const data = new Uint8Array(w * h).fill(255);
    for (const s of strokes) for (let y = 105; y < 135; y++) for (let x = s.x0; x < s.x1; x++) data[y * w + x] = 60;
    return { width: w, height: h, data };
  };
  /** "Số:SŠ22?/BTP-BTTP" as the engine glued it, with a box for each symbol, and "ngày 4A tháng". */
  const glued = (): OcrResult => {
    const text = 'Số:SŠ22?/BTP-BTTP';
    const xs = [100, 120, 140, 172, 190, 208, 226, 244, 262, 290, 320, 350, 370, 390, 420, 440, 460];
    const symbols = [...text].map((t, i) => ({ text: t, box: { x0: xs[i]!, y0: 100, x1: xs[i]! + 16, y1: 140 } }));
    const left: OcrLine = { words: [{ text, box: { x0: 100, y0: 100, x1: 476, y1: 140 }, confidence: 0.4, symbols }], box: { x0: 100, y0: 100, x1: 476, y1: 140 } };
    const right = header().lines[1]!;
    const words = [...right.words.slice(0, 3), word('4A', 1090, 1150), ...right.words.slice(3)];
    return { lines: [left, { ...right, words }], widthPx: 1600, heightPx: 200 };
  };
  const darkPage = (page: GrayBitmap): InkOnPage => ({ masked: [], skew: 0, width: 1600, height: 200, page });

  it('cuts the number glued between "Số:" and its code, and the day read as junk, out of the page and reads them', async () => {
    const page = gray([{ x0: 172, x1: 190 }, { x0: 192, x1: 210 }, { x0: 212, x1: 230 }, { x0: 232, x1: 250 }, { x0: 1095, x1: 1110 }, { x0: 1125, x1: 1140 }]);
    const found = await readHandwrittenFields(glued(), darkPage(page), engine([five('8204'), five('11')]), { digits: null });
    expect(texts(found.result)).toEqual(['Số: 8204/BTP-BTTP', 'Lâm Đồng, ngày 11 tháng 7 năm 2025']);
    expect(found.readings.map((r) => [r.field, r.text])).toEqual([['number', '8204'], ['day', '11']]);
  });

  it('cuts nothing out where the page OCR read nothing in the blank (a draft: the code\'s slash and a rule are no figures)', async () => {
    const e = engine([five('1'), five('1')]);
    const found = await readHandwrittenFields(header(), darkPage(gray([{ x0: 240, x1: 252 }, { x0: 1100, x1: 1110 }])), e, { digits: null });
    expect(e.calls).toBe(0);
    expect(found.readings).toEqual([]);
    expect(texts(found.result)).toEqual(texts(header()));
  });

  it('reads nothing where the blanks hold no ink (a number and a day left blank)', async () => {
    const e = engine([five('8204'), five('11')]);
    const found = await readHandwrittenFields(header(), darkPage(gray([])), e, { digits: null });
    expect(e.calls).toBe(0);
    expect(found.readings).toEqual([]);
    expect(found.unread).toEqual([]);
    expect(texts(found.result)).toEqual(texts(header()));
  });
});

describe('accept: a reading must be plausible for its blank', () => {
  const read = (text: string, aspect: number, votes = 5, confidence = 0.8) => ({ text, votes, renderings: 5, confidence, aspect, inkBox: null });
  it('checks a day against the printed month and year', () => {
    expect(accept({ field: 'day', month: 9, year: 2025 }, read('30', 1.2))).toBe(true);
    expect(accept({ field: 'day', month: 9, year: 2025 }, read('31', 1.2))).toMatch(/not a day/u);
    expect(accept({ field: 'day', month: 2, year: 2025 }, read('29', 1.2))).toMatch(/not a day/u);
    expect(accept({ field: 'day', month: 2, year: 2024 }, read('29', 1.2))).toBe(true);
  });
  it('wants a number of 1–5 figures not starting with 0, and a month 1–12', () => {
    expect(accept({ field: 'number', month: null, year: null }, read('1406', 2.8))).toBe(true);
    expect(accept({ field: 'number', month: null, year: null }, read('0406', 2.8))).toMatch(/not a document number/u);
    expect(accept({ field: 'month', month: null, year: null }, read('13', 1.2))).toMatch(/not a month/u);
  });
  it('wants as many figures as the ink is wide, enough votes and confidence', () => {
    // "12" written as one wide stroke, read as one figure
    expect(accept({ field: 'day', month: 9, year: 2025 }, read('9', 1.5))).toMatch(/do not fill/u);
    expect(accept({ field: 'day', month: 9, year: 2025 }, read('12', 1.5, 3))).toMatch(/3 of 5/u);
    expect(accept({ field: 'day', month: 9, year: 2025 }, read('12', 1.5, 5, 0.3))).toMatch(/confidence/u);
  });
});

describe('tightCrop', () => {
  it('cuts the ink out with a white margin of a third of its height', () => {
    const g: GrayBitmap = { width: 50, height: 50, data: new Uint8Array(2500).fill(255) };
    for (let y = 20; y < 30; y++) for (let x = 10; x < 40; x++) g.data[y * 50 + x] = 0;
    const t = tightCrop(g)!;
    expect([t.width, t.height]).toEqual([30 + 8, 10 + 8]);
    expect(t.data[4 * t.width + 4]).toBe(0);
    expect(t.data[0]).toBe(255);
    expect(tightCrop({ width: 5, height: 5, data: new Uint8Array(25).fill(255) })).toBeNull();
  });
});

describe('straightened: where ink found on the page as scanned lies once the page is straightened', () => {
  it('follows the turn prepare-image.ts gives the page (rotateGray by the skew undone)', async () => {
    const { rotateGray } = await import('../../../src/ocr/gray-bitmap.js');
    const [w, h] = [800, 1000];
    const page: GrayBitmap = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
    const blob = { x0: 80, y0: 100, x1: 120, y1: 130 }; // far from the centre: a small turn moves it most
    for (let y = blob.y0; y < blob.y1; y++) for (let x = blob.x0; x < blob.x1; x++) page.data[y * w + x] = 0;
    const skew = 1.5;
    const turned = rotateGray(page, -skew);
    let [sx, sy, n] = [0, 0, 0];
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if ((turned.data[y * w + x] ?? 255) < 128) (sx += x), (sy += y), n++;
    const moved = straightened(blob, { skew, width: w, height: h });
    // the blob moved by several pixels, and the box moved with it to within a pixel
    expect(Math.abs(sy / n - (blob.y0 + blob.y1 - 1) / 2)).toBeGreaterThan(5);
    expect(Math.abs((moved.x0 + moved.x1 - 1) / 2 - sx / n)).toBeLessThan(1);
    expect(Math.abs((moved.y0 + moved.y1 - 1) / 2 - sy / n)).toBeLessThan(1);
  });
});
