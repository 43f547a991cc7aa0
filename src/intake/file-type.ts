import type { InputKind } from '../../schemas/index.js';
import { DOCX_MEDIA_TYPE, looksLikeDocx } from './word-files.js';

/** Extensions `ingest` accepts, and the kind each claims to be. */
export const SUPPORTED_EXTENSIONS: Readonly<Record<string, InputKind>> = {
  '.pdf': 'pdf',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.tif': 'image',
  '.tiff': 'image',
  '.txt': 'text',
  '.md': 'text',
  // a Word document is read as text: paragraphs and tables without positions
  '.docx': 'text',
};

/**
 * Files a clerk means as inputs but that are not read: listed from a folder
 * all the same, so that intake says why instead of skipping them in
 * silence ("Word 97-2003 .doc is not read: save it as .docx or PDF").
 */
export const REFUSED_EXTENSIONS: ReadonlySet<string> = new Set(['.doc']);

export interface SniffedType {
  kind: InputKind;
  mediaType: string;
}

const startsWith = (bytes: Uint8Array, sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);

/**
 * What the bytes are, regardless of the file name. PDF's "%PDF-" may be
 * preceded by junk (the spec tolerates up to 1024 bytes), so it is searched
 * for there. Text means valid UTF-8 with no NUL bytes.
 */
export function sniffType(bytes: Uint8Array, extension: string): SniffedType | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return { kind: 'pdf', mediaType: 'application/pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { kind: 'image', mediaType: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mediaType: 'image/jpeg' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { kind: 'image', mediaType: 'image/tiff' };
  if (looksLikeDocx(bytes, extension)) return { kind: 'text', mediaType: DOCX_MEDIA_TYPE };
  if (isUtf8Text(bytes)) return { kind: 'text', mediaType: extension === '.md' ? 'text/markdown' : 'text/plain' };
  return null;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
