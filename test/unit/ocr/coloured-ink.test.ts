import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { inkColour, maskColouredInk } from '../../../src/ocr/coloured-ink.js';
import { decodeRgba, type GrayBitmap } from '../../../src/ocr/gray-bitmap.js';

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

const pixel = (img: GrayBitmap, x: number, y: number): number => img.data[y * img.width + x] ?? -1;

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
    const masked = maskColouredInk(await decodeRgba(page({ seal: true, pen: true })), 150);
    // the ring's top (250, 110) and the pen stroke are paper now; the print under the ring's left side is still black
    expect(pixel(masked.gray, 250, 110)).toBe(255);
    expect(pixel(masked.gray, 482, 97)).toBe(255); // on the pen stroke (luma 57 before)
    expect(pixel(masked.gray, 160, 200)).toBeLessThan(60);
    expect(pixel(masked.gray, 300, 200)).toBeLessThan(60);
    expect(new Set(masked.regions.map((r) => r.colour))).toEqual(new Set(['blue', 'red']));
    // the ring (which the print cuts in two) lies within the red regions; the pen stroke within a blue one
    const red = masked.regions.filter((r) => r.colour === 'red');
    expect(Math.min(...red.map((r) => r.x0))).toBeLessThanOrEqual(160);
    expect(Math.max(...red.map((r) => r.x1))).toBeGreaterThanOrEqual(340);
    expect(masked.regions.some((r) => r.colour === 'blue' && r.x0 <= 420 && r.x1 >= 560)).toBe(true);
  });

  it('leaves a page of black print as it was (only turned to gray)', async () => {
    const rgba = await decodeRgba(page({}));
    const masked = maskColouredInk(rgba, 150);
    expect(masked.regions).toEqual([]);
    expect(Array.from(masked.gray.data)).toEqual(Array.from(rgba.data.filter((_, i) => i % 4 === 0)));
  });
});

describe('maskColouredInk: handwritten figures kept apart', () => {
  it('keeps the ink alone of a blue region the size of a few figures, and of no seal or signature', async () => {
    const canvas = createCanvas(600, 400);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 600, 400);
    ctx.fillStyle = '#000000';
    ctx.fillRect(60, 60, 30, 20); // print beside the figures: not in their ink
    ctx.strokeStyle = 'rgb(30, 50, 170)';
    ctx.lineWidth = 3;
    ctx.beginPath(); // "17" in pen, about 0.2 inch tall at 150 dpi
    ctx.moveTo(100, 50);
    ctx.lineTo(100, 80);
    ctx.moveTo(110, 50);
    ctx.lineTo(125, 50);
    ctx.lineTo(112, 80);
    ctx.stroke();
    ctx.strokeStyle = 'rgb(220, 40, 50)';
    ctx.lineWidth = 8;
    ctx.beginPath();
    ctx.arc(400, 250, 90, 0, Math.PI * 2);
    ctx.stroke();
    const masked = maskColouredInk(await decodeRgba(canvas.toBuffer('image/png')), 150);
    const figures = masked.regions.filter((r) => r.ink);
    expect(figures).toHaveLength(1);
    const [r] = figures;
    expect(r!.colour).toBe('blue');
    expect([r!.ink!.width, r!.ink!.height]).toEqual([r!.x1 - r!.x0, r!.y1 - r!.y0]);
    // the pen's pixels are dark in the crop, paper white; the print beside it is not there
    expect(pixel(r!.ink!, 100 - r!.x0, 65 - r!.y0)).toBeLessThan(160);
    expect(pixel(r!.ink!, 105 - r!.x0, 65 - r!.y0)).toBe(255);
    expect(Math.min(...Array.from(r!.ink!.data.slice(0, 1)))).toBe(255);
    expect(masked.regions.find((g) => g.colour === 'red')?.ink).toBeUndefined();
  });
});
