import { createCanvas, loadImage } from '@napi-rs/canvas';

/** An 8-bit grayscale image, row-major, 0 = black. */
export interface GrayBitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Whether pixel (x, y) is ink at `threshold` (darker than it); outside the image is paper. */
export function inkAt(img: GrayBitmap, threshold: number): (x: number, y: number) => boolean {
  return (x, y) => (img.data[y * img.width + x] ?? 255) < threshold;
}

/** A box (pixels) snapped outward to whole pixels and clipped to the image. */
export function pixelBox(img: GrayBitmap, box: { x0: number; y0: number; x1: number; y1: number }): { x0: number; y0: number; x1: number; y1: number } {
  return { x0: Math.max(0, Math.floor(box.x0)), y0: Math.max(0, Math.floor(box.y0)), x1: Math.min(img.width, Math.ceil(box.x1)), y1: Math.min(img.height, Math.ceil(box.y1)) };
}

/** Decodes a PNG or JPEG into gray levels (luma). */
export async function decodeGray(bytes: Buffer): Promise<GrayBitmap> {
  const img = await loadImage(bytes);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
  const data = new Uint8Array(img.width * img.height);
  for (let i = 0, j = 0; j < data.length; i += 4, j++) data[j] = ((rgba[i] ?? 0) * 299 + (rgba[i + 1] ?? 0) * 587 + (rgba[i + 2] ?? 0) * 114) / 1000;
  return { width: img.width, height: img.height, data };
}

/** Rotates by `degrees` (counter-clockwise positive) about the centre, on white, and encodes PNG. */
export async function rotatePng(bytes: Buffer, degrees: number): Promise<Buffer> {
  const img = await loadImage(bytes);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.translate(img.width / 2, img.height / 2);
  ctx.rotate((-degrees * Math.PI) / 180);
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  return canvas.toBuffer('image/png');
}

/** Turns an image by quarter turns clockwise (90: the top goes to the right) and encodes PNG; 90 and 270 swap width and height. */
export async function turnPng(bytes: Buffer, clockwise: 90 | 180 | 270): Promise<Buffer> {
  const img = await loadImage(bytes);
  const [w, h] = clockwise === 180 ? [img.width, img.height] : [img.height, img.width];
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  if (clockwise === 90) ctx.translate(w, 0);
  else if (clockwise === 180) ctx.translate(w, h);
  else ctx.translate(0, h);
  ctx.rotate((clockwise * Math.PI) / 180);
  ctx.drawImage(img, 0, 0);
  return canvas.toBuffer('image/png');
}

/** Otsu's threshold: the gray level that best separates ink from paper. */
export function otsuThreshold(img: GrayBitmap): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of img.data) hist[v] = (hist[v] ?? 0) + 1;
  const total = img.data.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * (hist[t] ?? 0);
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] ?? 0;
    if (!wB || wB === total) continue;
    sumB += t * (hist[t] ?? 0);
    const mB = sumB / wB;
    const mF = (sum - sumB) / (total - wB);
    const between = wB * (total - wB) * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Paints white over rectangles (pixel boxes) and encodes PNG: table rules erased before OCR, so they are not read as "|" or "_". */
export async function whiteOut(bytes: Buffer, boxes: readonly { x0: number; y0: number; x1: number; y1: number }[]): Promise<Buffer> {
  const img = await loadImage(bytes);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  ctx.fillStyle = '#ffffff';
  for (const b of boxes) ctx.fillRect(b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
  return canvas.toBuffer('image/png');
}
