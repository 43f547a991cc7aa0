import { createRequire } from 'node:module';
import UTIF from 'utif2';

/**
 * Skia, loaded when a TIFF page is drawn: the native module costs ~70 ms at
 * the start of every command that loads the core, most of which never meet
 * a TIFF. (require, not import(): tiffPage stays synchronous.)
 */
const skia = (): typeof import('@napi-rs/canvas') => createRequire(import.meta.url)('@napi-rs/canvas') as typeof import('@napi-rs/canvas');

/**
 * Multi-page TIFF (office scanners save a whole plan as one file): the
 * pages, decoded by utif2 (baseline TIFF, LZW/Deflate/PackBits/CCITT), each
 * handed on as a PNG the OCR reads like any page image. @napi-rs/canvas
 * alone would decode only the first page.
 */
export interface TiffPage {
  /** The page as PNG bytes. */
  png: Buffer;
  /** Its resolution from the file's XResolution tag, null when it has none. */
  dpi: number | null;
}

/** The file's bytes as the ArrayBuffer utif2 reads. */
const arrayBufferOf = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** The image directories that are pages (not thumbnails or masks: NewSubfileType bit 0 / bit 2 unset). */
function pageDirectories(buffer: ArrayBuffer): UTIF.IFD[] {
  return UTIF.decode(buffer).filter((ifd) => ((Number((ifd.t254 as number[] | undefined)?.[0] ?? 0) & 0b101) === 0 && ifd.t256 !== undefined));
}

/** How many pages a TIFF holds. */
export function tiffPageCount(bytes: Uint8Array): number {
  return pageDirectories(arrayBufferOf(bytes)).length;
}

/** Page `n` (1-based) of a TIFF, as PNG. */
export function tiffPage(bytes: Uint8Array, n: number): TiffPage {
  const buffer = arrayBufferOf(bytes);
  const ifd = pageDirectories(buffer)[n - 1];
  if (!ifd) throw new Error(`the TIFF has no page ${n}`);
  UTIF.decodeImage(buffer, ifd);
  const rgba = UTIF.toRGBA8(ifd);
  const width = Number(ifd.width);
  const height = Number(ifd.height);
  const canvas = skia().createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(width, height);
  data.data.set(rgba);
  ctx.putImageData(data, 0, 0);
  return { png: canvas.toBuffer('image/png'), dpi: resolution(ifd) };
}

/** XResolution in dots per inch (ResolutionUnit 3 is per centimetre). */
function resolution(ifd: UTIF.IFD): number | null {
  const x = ifd.t282 as number[] | undefined;
  const value = x?.[0];
  if (!value || !Number.isFinite(value)) return null;
  const unit = Number((ifd.t296 as number[] | undefined)?.[0] ?? 2);
  return Math.round(unit === 3 ? value * 2.54 : value);
}
