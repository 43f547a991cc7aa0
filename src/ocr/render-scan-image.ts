import { inflateSync } from 'node:zlib';
import { createCanvas, loadImage, type Canvas, type Image } from '@napi-rs/canvas';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RgbaBitmap } from './gray-bitmap.js';

/**
 * A scanned page, as scanners and their software write it, is one image
 * drawn over the page and nothing else. pdfjs renders such a page by
 * decoding the image in JavaScript (its own JPEG decoder) and drawing it,
 * which cost 0.3–1.1 s of CPU a page; the same JPEG decoded by Skia's
 * native decoder and drawn costs a tenth of that. So a page whose content
 * is exactly one JPEG (or plain Flate) image, placed upright, with no
 * annotations, is drawn here from the image's own bytes; anything else
 * (text or vector drawing, a mask, a soft mask, a colour space other than
 * gray or RGB, a rotated page, an object this small reader does not follow)
 * returns null and pdfjs renders the page as before. Untrusted bytes: any
 * surprise while reading is a null, never an error.
 */
export async function renderScanImage(pdf: PDFDocumentProxy, file: Buffer, text: string, pageNumber: number, dpi: number): Promise<RgbaBitmap | null> {
  try {
    const page = await pdf.getPage(pageNumber);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const reader = new PdfObjects(file, text);
    const pageDict = reader.dict(reader.object(page.ref as Ref | null));
    if (!pageDict || pageDict.get('/Type') !== '/Page' || pageDict.has('/Annots') || (pageDict.get('/UserUnit') ?? 1) !== 1) return null;
    const resources = reader.dict(reader.resolve(pageDict.get('/Resources')));
    const states = reader.dict(reader.resolve(resources?.get('/ExtGState')));
    const drawn = placedImage(reader, pageDict.get('/Contents'), (name) => extGStateHarmless(reader.dict(reader.resolve(states?.get(name)))));
    if (!drawn) return null;
    const image = reader.stream(reader.dict(reader.resolve(resources?.get('/XObject')))?.get(drawn.name));
    if (!image) return null;
    // the image's unit square, in canvas pixels: pdfjs's viewport (page box, scale, y down) after the content's matrix
    const [a, b, c, d, e, f] = multiply(drawn.ctm, viewport.transform as Matrix);
    if (Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 || a <= 0 || d >= 0) return null;
    // pdfjs shrinks an image drawn at over 2 pixels a device pixel in halving steps and draws a magnified
    // one unsmoothed; drawn here only between the two (a scan rendered at its own resolution is 1:1)
    const [width, height] = [image.dict.get('/Width'), image.dict.get('/Height')];
    if (typeof width !== 'number' || typeof height !== 'number') return null;
    const [sx, sy] = [width / a, height / -d];
    if (sx < 0.999 || sy < 0.999 || sx > 2 || sy > 2) return null;
    const pixels = await decodeImage(image.dict, image.data);
    if (!pixels) return null;
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    // the image's first row is its top (the unit square's y = 1); its corners snapped to whole pixels, as pdfjs
    // draws images (drawImageAtIntegerCoords), so that the pixels match its render's
    const [x0, y0] = [Math.round(e), Math.round(f + d)];
    ctx.drawImage(pixels, x0, y0, Math.abs(Math.round(e + a) - x0) || 1, Math.abs(Math.round(f) - y0) || 1);
    page.cleanup();
    return { width: canvas.width, height: canvas.height, data: ctx.getImageData(0, 0, canvas.width, canvas.height).data };
  } catch {
    return null;
  }
}

type Matrix = [number, number, number, number, number, number];

/** Inflated streams larger than this are not read here (a deflate bomb throws, and pdfjs gets the page). */
const MAX_INFLATED = 256 * 1024 * 1024;
const inflate = (data: Buffer): Buffer => inflateSync(data, { maxOutputLength: MAX_INFLATED });
interface Ref {
  num: number;
  gen: number;
}
type PdfValue = number | string | boolean | null | Ref | PdfValue[] | Map<string, PdfValue> | { str: string };

/** PDF matrix product m1 × m2 (m1 applied first). */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}

/** Text objects and their state: they paint nothing while the text is invisible (render mode 3, a scanner's OCR layer). */
const TEXT_STATE = ['BT', 'ET', 'Tc', 'Tw', 'Tz', 'TL', 'Tf', 'Ts', 'Td', 'TD', 'Tm', 'T*'];
/** Text shown by these paints, unless the render mode is 3 (invisible). */
const TEXT_SHOW = new Set(['Tj', 'TJ', "'", '"']);

/**
 * Operators that set state without painting (colours only matter to what
 * is filled or stroked, and to image masks, which are not read here): a
 * content stream of these and one `Do` draws only that image. `gs` is
 * checked apart (extGStateHarmless).
 */
const HARMLESS = new Set(['q', 'Q', 'cm', 'w', 'J', 'j', 'M', 'd', 'ri', 'i', 'BMC', 'BDC', 'EMC', 'MP', 'DP', 'g', 'G', 'rg', 'RG', 'k', 'K', 'cs', 'CS', 'sc', 'SC', 'scn', 'SCN', ...TEXT_STATE]);

/** Graphics-state entries that do not change how an opaque image is drawn (line styles, overprint, flatness); opacity and blending only at their defaults. */
const HARMLESS_GS = new Set(['/Type', '/LW', '/LC', '/LJ', '/ML', '/D', '/RI', '/OP', '/op', '/OPM', '/FL', '/SM', '/SA']);
function extGStateHarmless(gs: Map<string, PdfValue> | null): boolean {
  if (!gs) return false;
  for (const [key, value] of gs) {
    if (HARMLESS_GS.has(key)) continue;
    if ((key === '/CA' || key === '/ca') && value === 1) continue;
    if (key === '/BM' && (value === '/Normal' || value === '/Compatible')) continue;
    if (key === '/AIS' && value === false) continue;
    return false;
  }
  return true;
}

/** The one image XObject a page's content draws, with the matrix it is drawn under; null when it draws anything else or more. */
function placedImage(reader: PdfObjects, contents: PdfValue | undefined, harmlessState: (name: string) => boolean): { name: string; ctm: Matrix } | null {
  const parts = Array.isArray(reader.resolve(contents)) ? (reader.resolve(contents) as PdfValue[]) : [contents];
  const streams = parts.map((p) => reader.stream(p));
  if (!streams.length || streams.some((s) => !s)) return null;
  const decoded = streams.map((s) => decodeStream(s!.dict, s!.data));
  if (decoded.some((d) => !d)) return null;
  const lexer = new Lexer(decoded.map((d) => d!.toString('latin1')).join('\n'));
  const stack: { ctm: Matrix; mode: number }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  // the text render mode (Tr), part of the graphics state
  let mode = 0;
  let operands: PdfValue[] = [];
  let found: { name: string; ctm: Matrix } | null = null;
  for (;;) {
    lexer.skipSpace();
    if (lexer.done()) break;
    const op = lexer.operator();
    if (op === null) {
      operands.push(lexer.value());
      continue;
    }
    if (op === 'Do') {
      if (found || typeof operands[0] !== 'string') return null;
      found = { name: operands[0], ctm };
    } else if (op === 'gs') {
      if (typeof operands[0] !== 'string' || !harmlessState(operands[0])) return null;
    } else if (op === 'Tr') {
      if (typeof operands[0] !== 'number') return null;
      mode = operands[0];
    } else if (TEXT_SHOW.has(op)) {
      if (mode !== 3) return null;
    } else if (!HARMLESS.has(op)) return null;
    else if (op === 'q') stack.push({ ctm, mode });
    else if (op === 'Q') ({ ctm, mode } = stack.pop() ?? { ctm, mode });
    else if (op === 'cm') {
      if (operands.length !== 6 || operands.some((v) => typeof v !== 'number')) return null;
      ctm = multiply(operands as Matrix, ctm);
    }
    operands = [];
  }
  return found;
}

/** The stream's bytes with its filter undone: none or Flate (no predictor); null for anything else. */
function decodeStream(dict: Map<string, PdfValue>, data: Buffer): Buffer | null {
  const filter = dict.get('/Filter');
  const filters = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
  if (dict.has('/DecodeParms') || dict.has('/DP')) return null;
  if (!filters.length) return data;
  if (filters.length === 1 && (filters[0] === '/FlateDecode' || filters[0] === '/Fl')) return inflate(data);
  return null;
}

/** An image XObject decoded natively: a JPEG (DCTDecode) by Skia, a Flate image as its raw samples; null for what this does not read. */
async function decodeImage(dict: Map<string, PdfValue>, data: Buffer): Promise<Image | Canvas | null> {
  if (dict.get('/Subtype') !== '/Image' || dict.get('/ImageMask') === true) return null;
  if (dict.has('/Mask') || dict.has('/SMask') || dict.has('/Decode') || dict.has('/D') || dict.has('/DecodeParms') || dict.has('/DP')) return null;
  const width = dict.get('/Width');
  const height = dict.get('/Height');
  const bpc = dict.get('/BitsPerComponent');
  const space = dict.get('/ColorSpace');
  const channels = space === '/DeviceGray' || space === '/G' ? 1 : space === '/DeviceRGB' || space === '/RGB' ? 3 : 0;
  if (typeof width !== 'number' || typeof height !== 'number' || bpc !== 8 || !channels) return null;
  const filter = dict.get('/Filter');
  const filters = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
  // Flate layers undone first (a JPEG may be deflated again); then the bytes are a JPEG or raw samples
  let raw = data;
  for (const f of filters.slice(0, -1)) {
    if (f !== '/FlateDecode' && f !== '/Fl') return null;
    raw = inflate(raw);
  }
  const last = filters.at(-1);
  if (last === '/DCTDecode' || last === '/DCT') {
    const jpeg = withoutExif(raw);
    if (!jpeg) return null;
    const img = await loadImage(jpeg);
    return img.width === width && img.height === height ? img : null;
  }
  if (last === '/FlateDecode' || last === '/Fl') raw = inflate(raw);
  else if (last !== undefined) return null;
  if (raw.length < width * height * channels) return null;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const frame = ctx.createImageData(width, height);
  const px = frame.data;
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    px[4 * i] = raw[j]!;
    px[4 * i + 1] = raw[j + (channels === 3 ? 1 : 0)]!;
    px[4 * i + 2] = raw[j + (channels === 3 ? 2 : 0)]!;
    px[4 * i + 3] = 255;
  }
  ctx.putImageData(frame, 0, 0);
  return canvas;
}

/**
 * The JPEG with its Exif segment's contents blanked, as pdfjs does: a PDF
 * places the image itself, and a decoder that obeyed an Exif orientation
 * would turn it. Null when the bytes are not a JPEG.
 */
function withoutExif(data: Buffer): Buffer | null {
  const start = data.indexOf(Buffer.from([0xff, 0xd8]));
  if (start < 0) return null;
  let jpeg = data.subarray(start);
  for (let i = 2; i + 4 <= jpeg.length && jpeg[i] === 0xff; ) {
    const marker = jpeg[i + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // the image data begins
    const length = jpeg.readUInt16BE(i + 2);
    if (marker === 0xe1 && jpeg.subarray(i + 4, i + 8).toString('latin1') === 'Exif') {
      jpeg = Buffer.from(jpeg);
      jpeg.fill(0, i + 4, i + 2 + length);
    }
    i += 2 + length;
  }
  return jpeg;
}

/** Reads indirect objects out of a PDF's bytes by finding `num gen obj` (the last one, as an update would write it). */
class PdfObjects {
  constructor(
    private readonly file: Buffer,
    private readonly text: string,
  ) {}

  /** The object a reference names, or the value itself when it is no reference. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return isRef(value) ? this.object(value) : value;
  }

  dict(value: PdfValue | undefined): Map<string, PdfValue> | null {
    return value instanceof Map ? value : null;
  }

  object(ref: Ref | null): PdfValue | undefined {
    const at = ref && this.find(ref);
    if (at === null || at === undefined) return undefined;
    return new Lexer(this.text, at).value();
  }

  /** A stream object: its dictionary and its raw (still encoded) bytes. */
  stream(value: PdfValue | undefined): { dict: Map<string, PdfValue>; data: Buffer } | null {
    if (!isRef(value)) return null;
    const at = this.find(value);
    if (at === null) return null;
    const lexer = new Lexer(this.text, at);
    const dict = lexer.value();
    if (!(dict instanceof Map)) return null;
    const m = /^\s*stream(?:\r\n|\r|\n)/u.exec(this.text.slice(lexer.pos, lexer.pos + 20));
    const length = this.resolve(dict.get('/Length'));
    if (!m || typeof length !== 'number' || length < 0) return null;
    const start = lexer.pos + m[0].length;
    if (start + length > this.file.length) return null;
    return { dict, data: this.file.subarray(start, start + length) };
  }

  private find(ref: Ref): number | null {
    const re = new RegExp(`(?<![0-9])${ref.num}\\s+${ref.gen}\\s+obj\\b`, 'gu');
    let at: number | null = null;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) at = m.index + m[0].length;
    return at;
  }
}

const isRef = (v: PdfValue | undefined): v is Ref => typeof v === 'object' && v !== null && 'num' in v && 'gen' in v;

const DELIMITERS = '()<>[]{}/%';
const SPACE = ' \t\r\n\f\0';

/** PDF's object syntax, enough for dictionaries, arrays, names, numbers, references and content-stream operators. */
class Lexer {
  constructor(
    private readonly s: string,
    public pos = 0,
  ) {}

  done(): boolean {
    return this.pos >= this.s.length;
  }

  skipSpace(): void {
    while (this.pos < this.s.length) {
      const ch = this.s[this.pos]!;
      if (SPACE.includes(ch)) this.pos++;
      else if (ch === '%') while (this.pos < this.s.length && this.s[this.pos] !== '\n' && this.s[this.pos] !== '\r') this.pos++;
      else break;
    }
  }

  private word(): string {
    const start = this.pos;
    while (this.pos < this.s.length && !SPACE.includes(this.s[this.pos]!) && !DELIMITERS.includes(this.s[this.pos]!)) this.pos++;
    return this.s.slice(start, this.pos);
  }

  /** A content-stream operator at the position (consumed), or null when a value is there. */
  operator(): string | null {
    const ch = this.s[this.pos]!;
    if (!/[A-Za-z'"]/u.test(ch)) return null;
    const start = this.pos;
    const w = this.word();
    if (w === 'true' || w === 'false' || w === 'null') {
      this.pos = start;
      return null;
    }
    if (!w) throw new Error('unexpected character');
    return w;
  }

  value(): PdfValue {
    this.skipSpace();
    const ch = this.s[this.pos];
    if (ch === undefined) throw new Error('unexpected end');
    if (this.s.startsWith('<<', this.pos)) {
      this.pos += 2;
      const dict = new Map<string, PdfValue>();
      for (;;) {
        this.skipSpace();
        if (this.s.startsWith('>>', this.pos)) {
          this.pos += 2;
          return dict;
        }
        const key = this.value();
        if (typeof key !== 'string' || !key.startsWith('/')) throw new Error('dictionary key is no name');
        dict.set(key, this.value());
      }
    }
    if (ch === '[') {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.s[this.pos] === ']') {
          this.pos++;
          return items;
        }
        items.push(this.value());
      }
    }
    if (ch === '/') {
      this.pos++;
      return `/${this.word()}`;
    }
    if (ch === '(') return this.literal();
    if (ch === '<') {
      const end = this.s.indexOf('>', this.pos);
      if (end < 0) throw new Error('unterminated hex string');
      const str = this.s.slice(this.pos + 1, end);
      this.pos = end + 1;
      return { str };
    }
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/u.test(w)) throw new Error(`unexpected token ${w.slice(0, 10)}`);
    const n = Number(w);
    // "num gen R" is a reference
    const ref = /^\s+(\d+)\s+R(?![A-Za-z])/u.exec(this.s.slice(this.pos, this.pos + 24));
    if (ref && /^\d+$/u.test(w)) {
      this.pos += ref[0].length;
      return { num: n, gen: Number(ref[1]) };
    }
    return n;
  }

  private literal(): { str: string } {
    let depth = 0;
    const start = this.pos;
    for (; this.pos < this.s.length; this.pos++) {
      const ch = this.s[this.pos];
      if (ch === '\\') this.pos++;
      else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) {
        this.pos++;
        return { str: this.s.slice(start + 1, this.pos - 1) };
      }
    }
    throw new Error('unterminated string');
  }
}
