import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { decodeGray } from '../../../src/ocr/gray-bitmap.js';
import { extend, findImageRulings } from '../../../src/ocr/image-rulings.js';

const DPI = 72; // pixels are points: rules come back where they were drawn

/** A 3-column ruled table with rows of text-like strokes. */
async function table(): Promise<Awaited<ReturnType<typeof decodeGray>>> {
  const canvas = createCanvas(800, 400);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'rgb(238,238,238)';
  ctx.fillRect(0, 0, 800, 400);
  ctx.fillStyle = 'rgb(60,60,60)';
  for (let y = 70; y < 330; y += 14) for (let x = 120; x < 680; x += 9) if ((x + y) % 4) ctx.fillRect(x, y, 5, 8);
  const rule = (shade: number, x0: number, y0: number, x1: number, y1: number) => {
    ctx.fillStyle = `rgb(${shade},${shade},${shade})`;
    ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
  };
  for (const x of [50, 110, 700, 750]) rule(30, x, 50, x + 2, 350);
  rule(30, 50, 50, 752, 52);
  rule(30, 50, 348, 752, 350);
  rule(30, 50, 200, 752, 202);
  return decodeGray(canvas.toBuffer('image/png'));
}

describe('findImageRulings', () => {
  it('follows a found rule on through the stretch where it faded, drifting a pixel, over small gaps', () => {
    // faint ink on line 200 from 40 to 109, on line 201 from 110 on, a 2-pixel gap at 70-71, the found part 110-750
    const faint = (line: number, pos: number) => (line === 200 && pos >= 40 && pos < 110 && (pos < 70 || pos > 71)) || (line === 201 && pos >= 110 && pos <= 760);
    expect(extend({ at: 200.5, from: 110, to: 750 }, 800, faint)).toEqual({ at: 200.5, from: 40, to: 760 });
    // a wider gap ends it
    const broken = (line: number, pos: number) => line === 200 && pos >= 40 && pos <= 750 && (pos < 70 || pos > 75);
    expect(extend({ at: 200, from: 110, to: 750 }, 800, broken).from).toBe(76);
  });

  it('finds the table\'s rules and none in its text', async () => {
    const rules = findImageRulings(await table(), DPI);
    expect(rules.filter((r) => r.orientation === 'h').map((r) => Math.round(r.at))).toEqual([51, 201, 349]);
    expect(rules.filter((r) => r.orientation === 'v').map((r) => Math.round(r.at))).toEqual([51, 111, 701, 751]);
  });
});
