import { createHash } from 'node:crypto';
import { lstat, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { InputError } from '../core/index.js';
import type { IntakeResult } from '../../schemas/index.js';
import { SUPPORTED_EXTENSIONS, sniffType } from './file-type.js';
import { imageSize } from './image-size.js';
import { DOCX_MEDIA_TYPE, hasZipEnd, isOle2, legacyWordError } from './word-files.js';

export interface IntakeOptions {
  /** Files above this size are refused (bytes). Default 512 MiB. */
  maxBytes?: number;
  /** Images whose header claims more pixels than this are refused before decoding. Default 150 million (A0 at 300 DPI is 140). */
  maxPixels?: number;
}

const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
export const DEFAULT_MAX_PIXELS = 150_000_000;

/**
 * Checks that a file can be processed and describes it. Throws InputError
 * with a reason a clerk understands; never modifies the file.
 * Page counts are filled in by extract.
 */
export async function intakeFile(path: string, opts: IntakeOptions = {}): Promise<IntakeResult> {
  // a link is never followed: a document dropped as a link to /etc/passwd must not end up in the output
  const link = await lstat(path).catch(() => null);
  if (link?.isSymbolicLink()) throw new InputError('symlink', 'a symbolic link: not followed (give the file itself)');
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError('not-found', 'file not found');
  if (!info.isFile()) throw new InputError('not-a-file', 'not a regular file');
  const ext = extname(path).toLowerCase();
  const claimed = SUPPORTED_EXTENSIONS[ext];
  if (ext === '.doc') throw legacyWordError(ext);
  if (!claimed) throw new InputError('unsupported-type', `unsupported file type "${ext || '(none)'}"; expected ${Object.keys(SUPPORTED_EXTENSIONS).join(', ')}`);
  if (info.size === 0) throw new InputError('empty', 'empty file (0 bytes)');
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (info.size > max) throw new InputError('too-large', `file is ${mib(info.size)}, above the ${mib(max)} limit`);

  const bytes = await readFile(path).catch((cause: unknown) => {
    throw new InputError('unreadable', `cannot read file: ${(cause as Error).message}`, { cause });
  });
  const sniffed = sniffType(bytes, ext);
  if (ext === '.docx' && isOle2(bytes)) throw legacyWordError(ext);
  if (ext === '.docx' && sniffed?.mediaType !== DOCX_MEDIA_TYPE)
    throw new InputError('unsupported-type', `not a Word .docx: the file is no zip package${sniffed ? ` (it looks like ${sniffed.mediaType})` : ''}`);
  if (claimed === 'pdf' && sniffed?.kind !== 'pdf')
    throw new InputError('not-a-pdf', `not a PDF: the file has no %PDF header${sniffed ? ` (it looks like ${sniffed.mediaType})` : ''}`);
  if (!sniffed || sniffed.kind !== claimed)
    throw new InputError('unsupported-type', `content does not match the "${ext}" extension${sniffed ? ` (it looks like ${sniffed.mediaType})` : ''}`);
  const whole = hasItsEnd(bytes.subarray(Math.max(0, bytes.length - 2048)), sniffed.mediaType);
  if (sniffed.kind === 'pdf' && !whole)
    throw new InputError('truncated-pdf', 'truncated PDF: no %%EOF at the end (still being copied, or cut short)');
  if (sniffed.mediaType === DOCX_MEDIA_TYPE && !whole)
    throw new InputError('truncated-docx', 'truncated .docx: the zip package has no end record (still being copied, or cut short)');
  if (sniffed.kind === 'image' && !whole)
    throw new InputError('truncated-image', `truncated image: the ${sniffed.mediaType} data ends early (still being copied, or cut short)`);
  if (sniffed.kind === 'image') {
    // the header's claim is checked before any decoder allocates for it: a decoder that cannot allocate kills the process
    const size = imageSize(bytes, sniffed.mediaType);
    if (!size || size.width <= 0 || size.height <= 0) throw new InputError('corrupt-image', `cannot read the ${sniffed.mediaType} header: no image size in it`);
    const pixels = size.width * size.height;
    const limit = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
    if (pixels > limit) throw new InputError('too-many-pixels', `image is ${size.width} × ${size.height} pixels (${(pixels / 1e6).toFixed(0)} megapixels), above the ${(limit / 1e6).toFixed(0)}-megapixel limit`);
  }

  return {
    path,
    source: {
      file: basename(path),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: info.size,
      kind: sniffed.kind,
      mediaType: sniffed.mediaType,
      pages: 0,
    },
  };
}

/**
 * Whether a file's last bytes (`tail`, up to 2 KiB) hold its format's end:
 * a PDF ends with "%%EOF" (possibly followed by a little whitespace or junk),
 * a PNG with its IEND chunk and a JPEG with the EOI marker (FF D9), possibly
 * followed by a little padding, a .docx (a zip) with its End Of Central
 * Directory record. Checked before any decoder sees the bytes:
 * the native image decoder crashes the process on a cut-off PNG. Other
 * formats do not say where they end and count as whole.
 */
export function hasItsEnd(tail: Uint8Array, mediaType: string): boolean {
  const last = Buffer.from(tail.subarray(Math.max(0, tail.length - 64)));
  if (mediaType === 'application/pdf') return Buffer.from(tail).toString('latin1').includes('%%EOF');
  if (mediaType === 'image/png') return last.includes(Buffer.from('IEND', 'latin1'));
  if (mediaType === 'image/jpeg') return last.includes(Buffer.from([0xff, 0xd9]));
  if (mediaType === DOCX_MEDIA_TYPE) return hasZipEnd(tail);
  return true;
}

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;
