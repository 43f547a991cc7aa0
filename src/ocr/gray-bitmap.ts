import { crc32, deflateSync } from 'node:zlib';
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

/** An RGBA image as a canvas gives it, row-major, 4 bytes a pixel. */
export interface RgbaBitmap {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** Decodes a PNG or JPEG (Skia) into RGBA. */
export async function decodeRgba(bytes: Buffer): Promise<RgbaBitmap> {
  const img = await loadImage(bytes);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
}

/**
 * Gray levels (luma) of an RGBA image; where `white` is non-zero the pixel
 * is paper (255): ink painted out before OCR.
 */
export function rgbaToGray(img: RgbaBitmap, white?: Uint8Array | null): GrayBitmap {
  const rgba = img.data;
  const data = new Uint8Array(img.width * img.height);
  // one tight loop over the pixels (a page is millions), the painted-out ones set after
  for (let i = 0, j = 0; j < data.length; i += 4, j++) data[j] = (rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114) / 1000;
  if (white) for (let j = 0; j < data.length; j++) if (white[j]) data[j] = 255;
  return { width: img.width, height: img.height, data };
}

/** Decodes a PNG or JPEG into gray levels (luma); a binary PGM (what `encodePgm` writes) is read as it is. */
export async function decodeGray(bytes: Buffer): Promise<GrayBitmap> {
  return decodePgm(bytes) ?? rgbaToGray(await decodeRgba(bytes));
}

/**
 * A binary PGM (P5, 8-bit) of the image: the format pages travel in between
 * our own steps and into the OCR engine. Unlike PNG it costs no compression
 * to write nor to read (tesseract's leptonica reads PNM as it is), and it
 * keeps one gray channel, which is all the engine looks at.
 */
export function encodePgm(img: GrayBitmap): Buffer {
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'latin1');
  const out = Buffer.allocUnsafe(header.length + img.data.length);
  header.copy(out, 0);
  out.set(img.data, header.length);
  return out;
}

/**
 * The image as an 8-bit gray PNG whose data is stored, not compressed: what
 * the OCR engine is handed. tesseract.js's leptonica reads a PGM a byte at
 * a time (0.1–0.3 s a page in wasm, more than the whole page's other
 * reading), a PNG by rows; stored blocks cost nothing to write and little
 * to inflate. Same pixels, so the same reading (measured: identical words
 * and boxes on five pages, 5 % less CPU a recognition).
 */
export function encodeGrayPng(img: GrayBitmap): Buffer {
  const { width, height, data } = img;
  // each row behind its filter byte (0: none)
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) rows.set(data.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 0; // gray
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows, { level: 0 })), pngChunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** A PNG chunk: length, type, data, CRC of type and data. */
function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/** The image in a binary 8-bit PGM as `encodePgm` writes it (no comments), or null for anything else. */
export function decodePgm(bytes: Uint8Array): GrayBitmap | null {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x35) return null;
  const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/u.exec(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 40)).toString('latin1'));
  if (!head) return null;
  const [width, height] = [Number(head[1]), Number(head[2])];
  const start = head[0].length;
  if (bytes.byteLength - start < width * height) return null;
  return { width, height, data: bytes.subarray(start, start + width * height) };
}

/**
 * Rotates a gray image by `degrees` (counter-clockwise positive) about the
 * centre, on white, with bilinear sampling (as `rotatePng` has Skia do for
 * a PNG). Done here on the gray buffer: a round trip through a canvas cost
 * ten times as much.
 */
export function rotateGray(img: GrayBitmap, degrees: number): GrayBitmap {
  const { width: w, height: h, data: src } = img;
  const data = new Uint8Array(w * h);
  const a = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const [cx, cy] = [w / 2, h / 2];
  // the source pixel read at (x, y) of the source, paper outside it
  const at = (x: number, y: number): number => (x >= 0 && y >= 0 && x < w && y < h ? (src[y * w + x] ?? 255) : 255);
  for (let y = 0; y < h; y++) {
    const v = y + 0.5 - cy;
    // the source point under each pixel's centre, less half a pixel (pixel centres sit at .5)
    let sx = cx + (0.5 - cx) * cos - v * sin - 0.5;
    let sy = cy + (0.5 - cx) * sin + v * cos - 0.5;
    for (let x = 0, o = y * w; x < w; x++, o++, sx += cos, sy += sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
        const i = y0 * w + x0;
        const top = src[i]! + (src[i + 1]! - src[i]!) * fx;
        const bottom = src[i + w]! + (src[i + w + 1]! - src[i + w]!) * fx;
        data[o] = top + (bottom - top) * fy + 0.5;
      } else {
        const top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * fx;
        const bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * fx;
        data[o] = top + (bottom - top) * fy + 0.5;
      }
    }
  }
  return { width: w, height: h, data };
}

/** Turns a gray image by quarter turns clockwise (90: the top goes to the right), as `turnPng` does a PNG. */
export function turnGray(img: GrayBitmap, clockwise: 90 | 180 | 270): GrayBitmap {
  const { width: w, height: h, data: src } = img;
  const [tw, th] = clockwise === 180 ? [w, h] : [h, w];
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      // where source pixel (x, y) lands
      const [tx, ty] = clockwise === 90 ? [h - 1 - y, x] : clockwise === 180 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x];
      data[ty * tw + tx] = src[y * w + x] ?? 255;
    }
  return { width: tw, height: th, data };
}

/**
 * A copy of a gray image with rectangles (pixel boxes) painted white: table
 * rules erased before OCR, so they are not read as "|" or "_". A pixel the
 * box covers in part is whitened in part, as a canvas paints a box with
 * fractional edges (the strokes beside a rule keep their ink).
 */
export function whiteOutGray(img: GrayBitmap, boxes: readonly { x0: number; y0: number; x1: number; y1: number }[]): GrayBitmap {
  const data = new Uint8Array(img.data);
  for (const b of boxes) {
    const { x0, y0, x1, y1 } = pixelBox(img, b);
    for (let y = y0; y < y1; y++) {
      const cy = Math.min(y + 1, b.y1) - Math.max(y, b.y0);
      for (let x = x0; x < x1; x++) {
        const cover = cy * (Math.min(x + 1, b.x1) - Math.max(x, b.x0));
        const i = y * img.width + x;
        data[i] = cover >= 1 ? 255 : Math.round(data[i]! + (255 - data[i]!) * cover);
      }
    }
  }
  return { width: img.width, height: img.height, data };
}

/** A rectangle (pixel box) cut out of a gray image with a white margin of `pad` pixels around it; the part outside the image is white. */
export function cropGray(img: GrayBitmap, box: { x0: number; y0: number; x1: number; y1: number }, pad: number): GrayBitmap {
  const { x0, y0, x1, y1 } = pixelBox(img, box);
  const [w, h] = [Math.max(0, x1 - x0) + 2 * pad, Math.max(0, y1 - y0) + 2 * pad];
  const data = new Uint8Array(w * h).fill(255);
  for (let y = y0; y < y1; y++) data.set(img.data.subarray(y * img.width + x0, y * img.width + x1), (y - y0 + pad) * w + pad);
  return { width: w, height: h, data };
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
  // an indexed loop into a typed histogram: a page's millions of pixels, read by several steps
  const hist = new Float64Array(256);
  const px = img.data;
  for (let i = 0; i < px.length; i++) {
    const v = px[i]!;
    hist[v] = hist[v]! + 1;
  }
  const total = px.length;
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
