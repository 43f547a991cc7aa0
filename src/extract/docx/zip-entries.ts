import { inflateRawSync } from 'node:zlib';

/** One file of a zip, as its central directory lists it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The size the directory claims; never trusted for memory, only checked against. */
  declaredSize: number;
  localHeaderOffset: number;
}

/** Why a zip could not be read: `damaged` (not a zip, or its directory points outside it) or `too-large` (a part unpacks beyond the limit). */
export class ZipReadError extends Error {
  override readonly name = 'ZipReadError';
  constructor(
    readonly reason: 'damaged' | 'too-large',
    message: string,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip, read from its central directory (found through the
 * End Of Central Directory record at the end; a zip comment may follow it).
 */
export function zipEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipReadError('damaged', 'no end of central directory record');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) throw new ZipReadError('damaged', 'central directory entry out of place');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * An entry's bytes. An entry declaring more than `maxBytes` is refused
 * unread; inflating stops as soon as the output passes the declared size:
 * a zip bomb costs neither memory nor minutes, whatever its headers claim.
 */
export function readZipEntry(zip: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL) throw new ZipReadError('damaged', `${entry.name}: local header out of place`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new ZipReadError('damaged', `${entry.name}: data cut short`);
  if (entry.declaredSize > maxBytes) throw new ZipReadError('too-large', `${entry.name} says it unpacks to more than the limit`);
  const limit = entry.declaredSize;
  if (entry.method === 0) {
    if (data.length > limit) throw new ZipReadError('too-large', `${entry.name} is larger than its header says`);
    return data;
  }
  if (entry.method !== 8) throw new ZipReadError('damaged', `${entry.name}: compression method ${entry.method} is not deflate`);
  try {
    // zlib stops as soon as the output would pass the limit: a lying header costs no more than the limit
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipReadError('too-large', `${entry.name} unpacks to more than its header says`);
    throw new ZipReadError('damaged', `${entry.name}: ${(e as Error).message}`);
  }
}
