import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../../src/core/index.js';
import { rgbaToGray, type GrayBitmap } from '../../../src/ocr/gray-bitmap.js';
import { renderPdfPagePixels } from '../../../src/ocr/render-page.js';
import { findSheet, rectifyPagePhoto } from '../../../src/ocr/page-photo.js';
import type { Point } from '../../../src/ocr/perspective.js';

const DPI = 100;
const [PAGE_W, PAGE_H] = [300, 420];

/** A page: paper 235, lines of "print" (dark bars), and a black square marker at (60, 60)–(75, 75). */
function pageAt(u: number, v: number): number {
  if (u >= 60 && u < 75 && v >= 60 && v < 75) return 0;
  const inLine = v >= 100 && v < 380 && (v - 100) % 24 < 8 && u >= 30 && u < 270;
  return inLine && Math.floor(u / 9) % 3 !== 2 ? 30 : 235;
}

/**
 * A photo of the page: the sheet's corners at `corners` (TL, TR, BR, BL) in a
 * frame on a desk of gray 90. Drawn by splatting the page's points through
 * the projective map of the unit square onto the quad (Heckbert's closed
 * form, written out here so the code under test does not draw its own input).
 */
function photo(corners: Point[], frame = { width: 400, height: 520 }, desk = 90): GrayBitmap {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = corners as [Point, Point, Point, Point];
  const [sx, sy] = [x0 - x1 + x2 - x3, y0 - y1 + y2 - y3];
  const [dx1, dx2, dy1, dy2] = [x1 - x2, x3 - x2, y1 - y2, y3 - y2];
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / den;
  const h = (dx1 * sy - sx * dy1) / den;
  const [a, b, d, e] = [x1 - x0 + g * x1, x3 - x0 + h * x3, y1 - y0 + g * y1, y3 - y0 + h * y3];
  const data = new Uint8Array(frame.width * frame.height).fill(desk);
  const STEP = 1 / 3;
  for (let v = 0; v < PAGE_H; v += STEP)
    for (let u = 0; u < PAGE_W; u += STEP) {
      const [s, t] = [u / PAGE_W, v / PAGE_H];
      const z = g * s + h * t + 1;
      const x = Math.floor((a * s + b * t + x0) / z);
      const y = Math.floor((d * s + e * t + y0) / z);
      if (x >= 0 && y >= 0 && x < frame.width && y < frame.height) data[y * frame.width + x] = pageAt(Math.floor(u), Math.floor(v));
    }
  return { ...frame, data };
}

const sub = (p: Point, q: Point): [number, number] => [p[0] - q[0], p[1] - q[1]];

const TRAPEZOID: Point[] = [
  [70, 40],
  [335, 55],
  [370, 480],
  [35, 470],
];

describe('findSheet: the page in a phone photo', () => {
  it('finds the corners of a sheet seen at an angle on a darker desk', () => {
    const corners = findSheet(photo(TRAPEZOID), DPI);
    expect(corners).not.toBeNull();
    corners!.forEach((p, k) => {
      expect(Math.abs(p[0] - TRAPEZOID[k]![0])).toBeLessThan(4);
      expect(Math.abs(p[1] - TRAPEZOID[k]![1])).toBeLessThan(4);
    });
  });

  it('leaves a scan alone: paper filling the frame, even with a dark scanner edge down one side', () => {
    const scan = photo(
      [
        [0, 0],
        [400, 0],
        [400, 520],
        [0, 520],
      ],
      { width: 400, height: 520 },
    );
    for (let y = 0; y < 520; y++) for (let x = 0; x < 12; x++) scan.data[y * 400 + x] = 20;
    expect(findSheet(scan, DPI)).toBeNull();
  });

  it('leaves alone a sheet photographed square-on, and one on a desk as bright as the paper', () => {
    const upright: Point[] = [
      [50, 50],
      [350, 50],
      [350, 470],
      [50, 470],
    ];
    expect(findSheet(photo(upright), DPI)).toBeNull();
    expect(findSheet(photo(TRAPEZOID, undefined, 220), DPI)).toBeNull();
  });
});

describe('rectifyPagePhoto: the sheet drawn square-on', () => {
  it('draws the sheet upright at its own size, the marker where the page has it', () => {
    const out = rectifyPagePhoto(photo(TRAPEZOID), DPI);
    expect(out).not.toBeNull();
    const { gray } = out!;
    // as wide and tall as the sheet's longer edges in the photo
    const longer = (a: number, b: number, c: number, d: number): number => Math.max(Math.hypot(...sub(TRAPEZOID[a]!, TRAPEZOID[b]!)), Math.hypot(...sub(TRAPEZOID[c]!, TRAPEZOID[d]!)));
    expect(Math.abs(gray.width - longer(0, 1, 3, 2))).toBeLessThan(6);
    expect(Math.abs(gray.height - longer(0, 3, 1, 2))).toBeLessThan(6);
    // the marker's centre, at 67.5/300 and 67.5/420 of the page, is black in the drawn sheet; paper beside it
    const at = (fx: number, fy: number): number => gray.data[Math.round(fy * gray.height) * gray.width + Math.round(fx * gray.width)]!;
    expect(at(67.5 / PAGE_W, 67.5 / PAGE_H)).toBeLessThan(60);
    expect(at(45 / PAGE_W, 67.5 / PAGE_H)).toBeGreaterThan(200);
    expect(at(90 / PAGE_W, 67.5 / PAGE_H)).toBeGreaterThan(200);
    // a print line's rows are dark across, the gap below it paper: the lines run level
    const rowInk = (fy: number): number => {
      let dark = 0;
      for (let x = Math.round(0.15 * gray.width); x < Math.round(0.85 * gray.width); x++) if (gray.data[Math.round(fy * gray.height) * gray.width + x]! < 128) dark++;
      return dark / (0.7 * gray.width);
    };
    expect(rowInk((100 + 4) / PAGE_H)).toBeGreaterThan(0.5);
    expect(rowInk((100 + 16) / PAGE_H)).toBeLessThan(0.05);
    expect(rowInk((340 + 4) / PAGE_H)).toBeGreaterThan(0.5);
    // the page keeps its place on the PDF page: the resolution grows as the sheet fills more of it
    expect(Math.abs(out!.dpi - DPI * Math.max(gray.width / 400, gray.height / 520))).toBeLessThan(0.01);
    expect(out!.dpi).toBeLessThan(DPI);
  });
});

describe('the committed page-photo fixture (a real scan photographed, scripts/fixtures/make-page-photo.ts)', () => {
  it('finds the sheet where the manifest says its corners are', async () => {
    const dir = new URL('../../../fixtures/photo/', import.meta.url);
    const made = (JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { files: Record<string, { dpi: number; corners: [number, number][] }> }).files['cv-8204-photo.pdf']!;
    const dpi = 100;
    const pdf = await openPdf(new URL('cv-8204-photo.pdf', dir).pathname);
    const corners = findSheet(rgbaToGray(await renderPdfPagePixels(pdf, 1, dpi)), dpi);
    expect(corners).not.toBeNull();
    const k = dpi / made.dpi;
    // within a millimetre (4 pixels at 100 dpi) of each corner
    corners!.forEach((p, i) => expect(Math.hypot(p[0] - made.corners[i]![0] * k, p[1] - made.corners[i]![1] * k)).toBeLessThan(4));
  });
});
