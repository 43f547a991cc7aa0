import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { GrayBitmap } from '../../../src/ocr/gray-bitmap.js';
import { findSeals, maskSeals } from '../../../src/ocr/seal-shape.js';

const DPI = 150;
const MM = DPI / 25.4;
const [W, H] = [900, 800];
/** The seal: 36 mm across, centred here. */
const [CX, CY, R] = [450, 430, 18 * MM];
/** The signer's title: a line of print crossing the top of the seal, rows 330–348. */
const TITLE = { y: 330, h: 18 };

/** A gray page: paragraph lines above, the title line, optionally a seal in black (a black-and-white copy) over it. */
function page(opts: { seal?: boolean; smallRing?: boolean }): GrayBitmap {
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = '#000';
  // paragraph lines of "words"
  for (let y = 40; y < 260; y += 30) for (let x = 60; x < 840; x += 70) ctx.fillRect(x, y, 55, 14);
  // the title line, running across where the seal will lie
  for (let x = 230; x < 700; x += 40) ctx.fillRect(x, TITLE.y, 30, TITLE.h);
  if (opts.seal) {
    ctx.strokeStyle = '#202020';
    ctx.lineWidth = 0.9 * MM;
    ctx.beginPath();
    ctx.arc(CX, CY, R - 0.45 * MM, 0, Math.PI * 2);
    ctx.stroke();
    // the inner circle, the agency's name set round between (short strokes), a star in the middle
    ctx.lineWidth = 0.4 * MM;
    ctx.beginPath();
    ctx.arc(CX, CY, R * 0.62, 0, Math.PI * 2);
    ctx.stroke();
    for (let a = 0; a < 2 * Math.PI * 0.8; a += 0.16) {
      ctx.save();
      ctx.translate(CX + Math.cos(a - 2.4) * R * 0.8, CY + Math.sin(a - 2.4) * R * 0.8);
      ctx.rotate(a - 2.4 + Math.PI / 2);
      ctx.fillRect(-6, -9, 12, 18);
      ctx.restore();
    }
    ctx.beginPath();
    for (let k = 0; k < 10; k++) {
      const rr = k % 2 ? 12 : 30;
      ctx.lineTo(CX + rr * Math.sin((k * Math.PI) / 5), CY - rr * Math.cos((k * Math.PI) / 5));
    }
    ctx.fill();
  }
  if (opts.smallRing) {
    // a circled number, 8 mm across: not a seal
    ctx.lineWidth = 0.4 * MM;
    ctx.beginPath();
    ctx.arc(150, 600, 4 * MM, 0, Math.PI * 2);
    ctx.stroke();
  }
  const rgba = ctx.getImageData(0, 0, W, H).data;
  const data = new Uint8Array(W * H);
  for (let i = 0; i < data.length; i++) data[i] = rgba[4 * i]!;
  return { width: W, height: H, data };
}

const dark = (img: GrayBitmap, x0: number, y0: number, x1: number, y1: number): number => {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (img.data[y * img.width + x]! < 128) n++;
  return n;
};

describe('findSeals: a seal as dark as print, by its shape', () => {
  it('finds a 36 mm seal (ring, letters round it, star) over a line of print', () => {
    const seals = findSeals(page({ seal: true }), DPI);
    expect(seals).toHaveLength(1);
    const [s] = seals;
    expect(Math.hypot(s!.cx - CX, s!.cy - CY)).toBeLessThan(2 * MM);
    // the disc reaches just past the outer ring, into the paper around it
    expect(s!.r).toBeGreaterThanOrEqual(R - 0.5 * MM);
    expect(s!.r).toBeLessThan(R + 3 * MM);
  });

  it('finds nothing on a page of print, nor in a small circled number', () => {
    expect(findSeals(page({}), DPI)).toEqual([]);
    expect(findSeals(page({ smallRing: true }), DPI)).toEqual([]);
  });
});

describe('maskSeals: the seal painted white, print lines crossing it kept', () => {
  it('whitens the ring, letters and star, keeps the title line across the seal and the paragraphs', () => {
    const img = page({ seal: true });
    const out = maskSeals(img, DPI, findSeals(img, DPI));
    // the star and the ring's bottom are paper now
    expect(dark(img, CX - 10, CY - 10, CX + 10, CY + 10)).toBeGreaterThan(100);
    expect(dark(out, CX - 10, CY - 10, CX + 10, CY + 10)).toBe(0);
    const bottom = Math.round(CY + R - 0.45 * MM);
    expect(dark(img, CX - 5, bottom - 4, CX + 5, bottom + 4)).toBeGreaterThan(20);
    expect(dark(out, CX - 5, bottom - 4, CX + 5, bottom + 4)).toBe(0);
    // the title's words inside the disc are all still there
    expect(dark(out, CX - 100, TITLE.y, CX + 100, TITLE.y + TITLE.h)).toBe(dark(img, CX - 100, TITLE.y, CX + 100, TITLE.y + TITLE.h));
    // the paragraphs above are untouched
    expect(dark(out, 0, 0, W, 280)).toBe(dark(img, 0, 0, W, 280));
  });

  it('returns the page as it is when there is no seal', () => {
    const img = page({});
    expect(maskSeals(img, DPI, [])).toBe(img);
  });
});
