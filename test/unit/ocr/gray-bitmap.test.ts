import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { cropGray, decodeGray, decodePgm, encodeGrayPng, encodePgm, rotateGray, rotatePng, turnGray, turnPng, whiteOutGray, type GrayBitmap } from '../../../src/ocr/gray-bitmap.js';

/** An asymmetric test picture: a black bar at the top left, a gray block at the bottom right. */
function picture(): Buffer {
  const canvas = createCanvas(120, 80);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 120, 80);
  ctx.fillStyle = '#000000';
  ctx.fillRect(5, 5, 60, 6);
  ctx.fillStyle = '#808080';
  ctx.fillRect(90, 50, 20, 20);
  return canvas.toBuffer('image/png');
}

const meanDiff = (a: GrayBitmap, b: GrayBitmap): number => a.data.reduce((s, v, i) => s + Math.abs(v - b.data[i]!), 0) / a.data.length;

describe('gray page images', () => {
  it('round-trips a gray image through PGM, the format pages go to the engine in', async () => {
    const gray = await decodeGray(picture());
    const pgm = encodePgm(gray);
    expect(pgm.subarray(0, 2).toString('latin1')).toBe('P5');
    const back = decodePgm(pgm)!;
    expect([back.width, back.height]).toEqual([120, 80]);
    expect(Buffer.from(back.data).equals(Buffer.from(gray.data))).toBe(true);
    expect(decodePgm(picture())).toBeNull();
  });

  it('writes a gray image as a stored PNG (what the engine is handed) that a PNG decoder reads back pixel for pixel', async () => {
    const gray = await decodeGray(picture());
    const png = encodeGrayPng(gray);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // stored, not compressed: about the pixels' size
    expect(png.length).toBeGreaterThan(gray.data.length);
    const back = await decodeGray(png);
    expect([back.width, back.height]).toEqual([120, 80]);
    expect(Buffer.from(back.data).equals(Buffer.from(gray.data))).toBe(true);
  });

  it.each([90, 180, 270] as const)('turns a gray image by %d° as turnPng turns the PNG', async (turn) => {
    const gray = await decodeGray(picture());
    const expected = await decodeGray(await turnPng(picture(), turn));
    const turned = turnGray(gray, turn);
    expect([turned.width, turned.height]).toEqual([expected.width, expected.height]);
    expect(meanDiff(turned, expected)).toBeLessThan(0.5);
  });

  it('rotates a gray image by a small angle as rotatePng rotates the PNG (within rounding)', async () => {
    const gray = await decodeGray(picture());
    for (const deg of [1.2, -0.8]) {
      const expected = await decodeGray(await rotatePng(picture(), deg));
      const rotated = rotateGray(gray, deg);
      expect(meanDiff(rotated, expected)).toBeLessThan(1);
      expect(meanDiff(rotated, gray)).toBeGreaterThan(1);
    }
  });

  it('paints boxes white on a copy and crops with a white margin', async () => {
    const gray = await decodeGray(picture());
    const out = whiteOutGray(gray, [{ x0: 4.5, y0: 4, x1: 66, y1: 12 }]);
    expect(Math.min(...out.data)).toBeGreaterThan(100);
    expect(gray.data[7 * 120 + 10]).toBe(0);
    const crop = cropGray(gray, { x0: 88, y0: 48, x1: 112, y1: 72 }, 5);
    expect([crop.width, crop.height]).toEqual([34, 34]);
    expect(crop.data[0]).toBe(255);
    expect(crop.data[(5 + 10) * 34 + 5 + 10]).toBeLessThan(140);
  });
});
