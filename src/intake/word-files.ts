import { DOCX_MEDIA_TYPE } from '../../schemas/index.js';
import { InputError } from '../core/index.js';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
/** "PK\x05\x06": a zip's End Of Central Directory record, 22 bytes plus its comment, at the very end. */
const EOCD = [0x50, 0x4b, 0x05, 0x06];

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);

/** An OLE2 compound file: Word 97-2003 .doc (also .xls, and a password-protected .docx). */
export const isOle2 = (bytes: Uint8Array): boolean => startsWith(bytes, OLE2);

/**
 * Whether the bytes are a Word .docx: a zip whose entries include
 * word/document.xml (entry names are stored uncompressed), or, when only
 * the file's first bytes are at hand (the watch folder), any zip named .docx.
 */
export function looksLikeDocx(bytes: Uint8Array, extension: string): boolean {
  if (!startsWith(bytes, ZIP_LOCAL_HEADER)) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml', 0, 'latin1') || extension === '.docx';
}

/**
 * Whether a zip's last bytes hold its End Of Central Directory record: the
 * signature, with a comment length that ends exactly at the file's end. A
 * zip cut short (still being copied) has none, and nothing in it can be
 * found without it.
 */
export function hasZipEnd(tail: Uint8Array): boolean {
  for (let at = tail.length - 22; at >= 0; at--) {
    if (!startsWith(tail, EOCD, at)) continue;
    const comment = (tail[at + 20] ?? 0) | ((tail[at + 21] ?? 0) << 8);
    if (at + 22 + comment === tail.length) return true;
  }
  return false;
}

/** The refusal of a Word 97-2003 file, by its name or its bytes. */
export function legacyWordError(extension: string): InputError {
  const what = extension === '.docx' ? 'this ".docx" is a Word 97-2003 (or password-protected) file, which' : 'Word 97-2003 .doc';
  return new InputError('legacy-word', `${what} is not read: save it as .docx or PDF`);
}

export { DOCX_MEDIA_TYPE };
