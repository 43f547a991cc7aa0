/**
 * Whether a file holds all of itself, for the formats whose end cannot be
 * read from their last bytes (see `hasItsEnd` for PDF, PNG and JPEG). A copy
 * that pauses longer than the inbox's stable time must not be taken
 * half-written: a TIFF cut short still has its header, and a text cut short
 * is still text.
 */

/** Directories walked at most (a loop in the chain ends the walk too). */
const MAX_DIRECTORIES = 10_000;

/**
 * A TIFF is whole when every image directory in its chain, and every strip
 * and tile those directories point at, lies inside the file. TIFF writers put
 * the directories first or last; either way a cut file points past its end.
 */
export function tiffIsWhole(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const u16 = (o: number): number => view.getUint16(o, little);
  const u32 = (o: number): number => view.getUint32(o, little);
  const seen = new Set<number>();
  for (let ifd = u32(4); ifd !== 0; ) {
    if (seen.has(ifd) || seen.size >= MAX_DIRECTORIES) return true;
    seen.add(ifd);
    if (ifd + 2 > bytes.length) return false;
    const count = u16(ifd);
    const next = ifd + 2 + count * 12;
    if (next + 4 > bytes.length) return false;
    const tags = new Map<number, number[]>();
    for (let k = 0; k < count; k++) {
      const e = ifd + 2 + k * 12;
      const tag = u16(e);
      if (tag !== 273 && tag !== 279 && tag !== 324 && tag !== 325) continue;
      const values = entryValues(u16(e + 2), u32(e + 4), e + 8, bytes.length, u16, u32);
      if (!values) return false;
      tags.set(tag, values);
    }
    for (const [offsets, counts] of [[273, 279], [324, 325]] as const) {
      const at = tags.get(offsets) ?? [];
      const size = tags.get(counts) ?? [];
      for (let i = 0; i < at.length; i++) if (at[i]! + (size[i] ?? 0) > bytes.length) return false;
    }
    ifd = u32(next);
  }
  return true;
}

/** An entry's SHORT or LONG values, read in place or where the entry points; null when they lie past the end. */
function entryValues(type: number, n: number, field: number, length: number, u16: (o: number) => number, u32: (o: number) => number): number[] | null {
  const size = type === 3 ? 2 : type === 4 ? 4 : 0;
  if (!size) return [];
  const at = n * size <= 4 ? field : u32(field);
  if (at + n * size > length) return null;
  return Array.from({ length: n }, (_, i) => (size === 2 ? u16(at + i * 2) : u32(at + i * 4)));
}

/**
 * A UTF-8 text is not whole when its last bytes stop inside a character (a
 * copy cut in the middle of "ệ"). A text cut between characters cannot be
 * told from a whole one by its bytes: the inbox also looks twice.
 */
export function utf8EndIsWhole(tail: Uint8Array): boolean {
  for (let back = 1; back <= Math.min(4, tail.length); back++) {
    const b = tail[tail.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needs <= back;
  }
  return tail.length === 0;
}
