import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { inkColour, maskColouredInk } from '../../../src/ocr/coloured-ink.js';

/** A 150 dpi page with a line of black print, optionally a red seal ring over it and blue pen strokes beside it. */
function page(opts: { seal?: boolean; pen?: boolean }): Buffer {
  const canvas = createCanvas(600, 400);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 600, 400);
  ctx.fillStyle = '#000000';
  ctx.fillRect(100, 190, 300, 20); // the print: a black bar the seal lies over
  if (opts.seal) {
    // seal ink is laid over the toner, not under it: where it crosses print, the print stays black
    ctx.globalCompositeOperation = 'multiply';
    ctx.strokeStyle = 'rgb(220, 40, 50)';
    ctx.lineWidth = 8;
    ctx.beginPath();
    ctx.arc(250, 200, 90, 0, Math.PI * 2);
    ctx.stroke();
    ctx.globalCompositeOperation = 'source-over';
  }
  if (opts.pen) {
    ctx.strokeStyle = 'rgb(30, 50, 170)';
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(420, 100);
    ctx.bezierCurveTo(460, 40, 500, 160, 560, 80);
    ctx.stroke();
  }
  return canvas.toBuffer('image/png');
}

async function pixel(bytes: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const img = await loadImage(bytes);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(x, y, 1, 1).data;
  return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0];
}

describe('inkColour: red and blue ink told from print', () => {
  it('classes seal red, pen blue, and leaves black, grey and green alone', () => {
    expect(inkColour(210, 40, 60)).toBe('red');
    expect(inkColour(30, 50, 170)).toBe('blue');
    expect(inkColour(20, 20, 25)).toBeNull();
    expect(inkColour(128, 128, 128)).toBeNull();
    expect(inkColour(40, 160, 60)).toBeNull();
  });
});

describe('maskColouredInk: seals and signatures painted white before OCR', () => {
  it('paints a red seal and a blue signature white, keeps the black print under the seal, and says where they were', async () => {
    const masked = await maskColouredInk(page({ seal: true, pen: true }), 150);
    // the ring's top (250, 110) and the pen stroke are paper now; the print under the ring's left side is still black
    expect(await pixel(masked.bytes, 250, 110)).toEqual([255, 255, 255]);
    expect((await pixel(masked.bytes, 160, 200))[0]).toBeLessThan(60);
    expect((await pixel(masked.bytes, 300, 200))[0]).toBeLessThan(60);
    expect(new Set(masked.regions.map((r) => r.colour))).toEqual(new Set(['blue', 'red']));
    // the ring (which the print cuts in two) lies within the red regions; the pen stroke within a blue one
    const red = masked.regions.filter((r) => r.colour === 'red');
    expect(Math.min(...red.map((r) => r.x0))).toBeLessThanOrEqual(160);
    expect(Math.max(...red.map((r) => r.x1))).toBeGreaterThanOrEqual(340);
    expect(masked.regions.some((r) => r.colour === 'blue' && r.x0 <= 420 && r.x1 >= 560)).toBe(true);
  });

  it('leaves a page of black print as it was', async () => {
    const bytes = page({});
    const masked = await maskColouredInk(bytes, 150);
    expect(masked.regions).toEqual([]);
    expect(masked.bytes).toBe(bytes);
  });
});
