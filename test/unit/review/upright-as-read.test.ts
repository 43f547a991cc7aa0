import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../../schemas/index.js';
import { uprightAsRead } from '../../../src/review/page-images.js';

/** A 40 × 20 image, white, with a black dot in its top-left corner. */
function image(): Buffer {
  const canvas = createCanvas(40, 20);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 40, 20);
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, 4, 4);
  return canvas.toBuffer('image/png');
}

const page = (repairs: string[]): Page => ({
  number: 1, width: 20, height: 40, origin: 'ocr', text: '', words: [], lines: [], rulings: [], blocks: [], quality: null, repairs, originalText: null,
});

/** Where the dot is: which corner of the image is dark. */
async function dotCorner(png: Buffer): Promise<{ width: number; height: number; corner: string }> {
  const img = await loadImage(png);
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  const dark = (x: number, y: number) => (ctx.getImageData(x, y, 1, 1).data[0] ?? 255) < 128;
  const corners: [string, number, number][] = [['top-left', 1, 1], ['top-right', img.width - 2, 1], ['bottom-left', 1, img.height - 2], ['bottom-right', img.width - 2, img.height - 2]];
  return { width: img.width, height: img.height, corner: corners.find(([, x, y]) => dark(x, y))?.[0] ?? 'none' };
}

describe('uprightAsRead: the review image turned as OCR turned the page', () => {
  it('turns a page read as scanned sideways back the way OCR did', async () => {
    // scanned 90° clockwise: OCR turned it 270° (a quarter counter-clockwise), the top-left dot goes bottom-left
    expect(await dotCorner(await uprightAsRead(image(), page(['turned(90°)', 'deskew(0.3°)'])))).toEqual({ width: 20, height: 40, corner: 'bottom-left' });
    expect(await dotCorner(await uprightAsRead(image(), page(['turned(270°)'])))).toEqual({ width: 20, height: 40, corner: 'top-right' });
    expect(await dotCorner(await uprightAsRead(image(), page(['turned(180°)'])))).toEqual({ width: 40, height: 20, corner: 'bottom-right' });
  });

  it('leaves a page OCR did not turn as it is', async () => {
    const png = image();
    expect(await uprightAsRead(png, page(['deskew(0.3°)']))).toBe(png);
    expect(await uprightAsRead(png, undefined)).toBe(png);
  });
});
