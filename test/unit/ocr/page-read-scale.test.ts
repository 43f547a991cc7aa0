import { describe, expect, it } from 'vitest';
import type { IntakeResult } from '../../../schemas/index.js';
import { IssueLog } from '../../../src/core/index.js';
import { ocrPages, type OcrEngine, type PageImage, type PageRenderer } from '../../../src/ocr/index.js';
import { decodePgm, encodePgm, type GrayBitmap } from '../../../src/ocr/gray-bitmap.js';
import { pageReadScale, recognizeAtLineHeight, scaleResult, shrinkGray, textLineHeight } from '../../../src/ocr/page-read-scale.js';

/**
 * A white page with `rows` lines of "text": each line a band of dark
 * letter-like blocks `body` px tall, and, `gap` px above it, a row of marks
 * 3 px tall (Vietnamese accents standing off their letters).
 */
function page(width: number, rows: number, body: number, gap: number, pitch: number): GrayBitmap {
  const height = 40 + rows * pitch;
  const data = new Uint8Array(width * height).fill(250);
  for (let r = 0; r < rows; r++) {
    const top = 40 + r * pitch;
    for (let x = 20; x < width - 20; x++) {
      // letters 6 px wide, 3 px apart
      if (x % 9 >= 6) continue;
      for (let y = top + 3 + gap; y < top + 3 + gap + body; y++) data[y * width + x] = 20;
      if (x % 27 < 6) for (let y = top; y < top + 3; y++) data[y * width + x] = 20;
    }
  }
  return { width, height, data };
}

describe('measuring a page\'s text lines', () => {
  it('gives the height of a line from its accents to the foot of its letters, an accent standing off its letter included', () => {
    // 3 px marks, 2 px apart (200 dpi joins gaps of 2 px), 20 px letters: 25 px
    expect(textLineHeight(page(1200, 20, 20, 2, 50), 200)).toBe(25);
  });

  it('says nothing for a page with too few lines to tell', () => {
    expect(textLineHeight(page(1200, 0, 20, 2, 50), 200)).toBeNull();
  });

  it('joins an accent to its letter by how far apart they stand on paper, not in pixels', () => {
    // 3 px apart: a third of a millimetre at 300 dpi (one line, 3 + 3 + 20 px), a line's gap at 100 dpi (the marks too short to be lines)
    expect(textLineHeight(page(1200, 20, 20, 3, 50), 300)).toBe(26);
    expect(textLineHeight(page(1200, 20, 20, 3, 50), 100)).toBe(20);
  });
});

describe('the scale a page is read at', () => {
  it('brings the median line to the height asked', () => {
    expect(pageReadScale(40, 20, 300)).toBe(0.5);
  });

  it('never enlarges a page, and leaves it alone when the saving would be small', () => {
    expect(pageReadScale(15, 20, 200)).toBe(1);
    expect(pageReadScale(21, 20, 200)).toBe(1);
  });

  it('keeps small print readable: never below 100 dpi nor below 0.4', () => {
    expect(pageReadScale(100, 20, 200)).toBe(0.5);
    expect(pageReadScale(100, 20, 600)).toBe(0.4);
  });

  it('reads the page as it is when its lines could not be measured or no height is asked', () => {
    expect(pageReadScale(null, 20, 300)).toBe(1);
    expect(pageReadScale(40, 0, 300)).toBe(1);
  });
});

describe('shrinking a page', () => {
  it('averages the pixels each new pixel covers', () => {
    const img = { width: 4, height: 2, data: Uint8Array.from([0, 100, 200, 200, 0, 100, 200, 200]) };
    expect(shrinkGray(img, 0.5)).toEqual({ width: 2, height: 1, data: Uint8Array.from([50, 200]) });
  });

  it('keeps a page\'s mean gray level at a scale that does not divide it evenly', () => {
    const src = page(900, 10, 20, 2, 50);
    const small = shrinkGray(src, 0.37);
    const mean = (g: GrayBitmap) => g.data.reduce((s, v) => s + v, 0) / g.data.length;
    expect(small.width).toBe(Math.round(900 * 0.37));
    expect(mean(small)).toBeCloseTo(mean(src), 0);
  });
});

describe('reading a page at a text line height', () => {
  const word = { text: 'Hà', confidence: 0.9, box: { x0: 10, y0: 20, x1: 30, y1: 40 }, symbols: [{ text: 'H', box: { x0: 10, y0: 20, x1: 20, y1: 40 } }] };
  const fakeEngine = (seen: PageImage[]): OcrEngine => ({
    name: 'fake',
    recognize: async (image) => {
      seen.push(image);
      return { lines: [{ words: [word], box: word.box }], widthPx: null, heightPx: null };
    },
    close: async () => {},
  });
  const image: PageImage = { bytes: encodePgm(page(1600, 30, 40, 4, 100)), dpi: 400 };

  it('hands the engine the page shrunk, at the lower resolution, and puts the words back in the page\'s pixels', async () => {
    const seen: PageImage[] = [];
    const { result, scale } = await recognizeAtLineHeight(fakeEngine(seen), image, 20);
    // lines 3 + 4 + 40 = 47 px: read at 20 / 47 ≈ 0.43
    expect(scale).toBeCloseTo(20 / 47, 2);
    const handed = decodePgm(seen[0]!.bytes)!;
    expect(handed.width).toBe(Math.round(1600 * scale));
    expect(seen[0]!.dpi).toBeCloseTo(400 * scale, 6);
    const back = result.lines[0]!.words[0]!;
    expect(back.box.x1).toBe(Math.round(30 * (1600 / handed.width)));
    expect(back.symbols![0]!.box.y1).toBe(Math.round(40 * (decodePgm(image.bytes)!.height / handed.height)));
  });

  it('hands the page as it is when no line height is asked', async () => {
    const seen: PageImage[] = [];
    const { result, scale } = await recognizeAtLineHeight(fakeEngine(seen), image, null);
    expect(scale).toBe(1);
    expect(seen[0]).toBe(image);
    expect(result.lines[0]!.words[0]!.box).toEqual(word.box);
  });

  it('stretches every box of a result by the factors given', () => {
    const out = scaleResult({ lines: [{ words: [word], box: word.box }], widthPx: 100, heightPx: null }, 2, 3);
    expect(out.lines[0]!.box).toEqual({ x0: 20, y0: 60, x1: 60, y1: 120 });
    expect(out.widthPx).toBe(200);
    expect(out.heightPx).toBeNull();
  });
});

describe('the OCR stage with a line height asked', () => {
  it('records the scale each page was read at, and places its words in points as if read at full resolution', async () => {
    const full = page(1600, 30, 40, 4, 100);
    const seen: PageImage[] = [];
    const engine: OcrEngine = {
      name: 'fake',
      recognize: async (image) => {
        seen.push(image);
        // one word at 72 px from the left of whatever image it is handed: 72 / dpi inches
        return { lines: [{ words: [{ text: 'Hà', confidence: 0.9, box: { x0: 72, y0: 72, x1: 144, y1: 90 } }], box: { x0: 72, y0: 72, x1: 144, y1: 90 } }], widthPx: null, heightPx: null };
      },
      close: async () => {},
    };
    const renderer: PageRenderer = {
      prepare: async (request) => ({ image: { bytes: encodePgm(full), dpi: request.dpi }, skew: 0, orientation: 0, rulings: [], blank: false, gray: null, masked: [], photo: null, seals: [] }),
      preview: async () => ({ bytes: Buffer.alloc(0), dpi: 72 }),
      close: async () => {},
    };
    const input = { path: '/nowhere/scan.pdf', source: { kind: 'pdf', mediaType: 'application/pdf' } } as unknown as IntakeResult;
    const run = (lineHeight: number | null) => ocrPages(input, { pages: [], needsOcr: [1], scanDpi: {} }, new IssueLog().forStage('ocr'), { engine, renderer, dpi: 400, nativeResolution: false, lineHeight });
    const [scaled, asRendered] = [await run(20), await run(null)];
    expect(scaled.pages[0]!.repairs).toContain('read-scaled(0.43, 172 dpi)');
    expect(asRendered.pages[0]!.repairs.some((r) => r.startsWith('read-scaled'))).toBe(false);
    expect(seen.map((i) => Math.round(i.dpi))).toEqual([172, 400]);
    // 72 px of the image read at 172 dpi is 72 / 172 inches from the left edge: 30 pt; at 400 dpi 13 pt
    expect(scaled.pages[0]!.words[0]!.box!.x0).toBeCloseTo(30, 0);
    expect(asRendered.pages[0]!.words[0]!.box!.x0).toBeCloseTo(13, 0);
  });
});
