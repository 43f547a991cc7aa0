/**
 * The pixel size an image's header claims, read from the bytes before any
 * decoder sees them: a 90-byte PNG can claim 65535 × 65535 pixels, and the
 * native decoder aborts the whole process trying to allocate them. PNG
 * (IHDR), JPEG (the frame header, SOFn) and TIFF (every page's width and
 * length tags; the largest page counts). Null when the header cannot be read.
 */
export function imageSize(bytes: Uint8Array, mediaType: string): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (mediaType === 'image/png') return bytes.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : null;
  if (mediaType === 'image/jpeg') return jpegSize(bytes, view);
  if (mediaType === 'image/tiff') return tiffSize(bytes, view);
  return null;
}

/** The first frame header (SOF0-SOF15 but DHT, JPG and DAC): height then width. */
function jpegSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + length;
  }
  return null;
}

/** Walks the chain of image directories, at most 10,000 (a loop in the chain ends the walk). */
function tiffSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | null {
  if (bytes.length < 8) return null;
  const little = bytes[0] === 0x49;
  const u16 = (o: number): number => view.getUint16(o, little);
  const u32 = (o: number): number => view.getUint32(o, little);
  let best: { width: number; height: number } | null = null;
  const seen = new Set<number>();
  for (let ifd = u32(4); ifd > 0 && ifd + 2 <= bytes.length && !seen.has(ifd) && seen.size < 10_000; ) {
    seen.add(ifd);
    const n = u16(ifd);
    let width = 0;
    let height = 0;
    for (let k = 0; k < n; k++) {
      const e = ifd + 2 + k * 12;
      if (e + 12 > bytes.length) break;
      const tag = u16(e);
      const value = u16(e + 2) === 3 ? u16(e + 8) : u32(e + 8);
      if (tag === 256) width = value;
      else if (tag === 257) height = value;
    }
    if (!best || width * height > best.width * best.height) best = { width, height };
    const next = ifd + 2 + n * 12;
    ifd = next + 4 <= bytes.length ? u32(next) : 0;
  }
  return best;
}
