import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { InputError } from '../core/index.js';
import { DEFAULT_LIMITS, type IntakeResult } from '../../schemas/index.js';
import { tiffIsWhole, utf8EndIsWhole } from './file-completeness.js';
import { SUPPORTED_EXTENSIONS, sniffType } from './file-type.js';
import { imageSize } from './image-size.js';
import { findOversizedStream } from './pdf-stream-sizes.js';
import { notRegularFile } from './regular-file.js';
import { DOCX_MEDIA_TYPE, hasZipEnd, isOle2, legacyWordError } from './word-files.js';

export interface IntakeOptions {
  /** Files above this size are refused (bytes). Default 512 MiB. */
  maxBytes?: number;
  /** Images whose header claims more pixels than this are refused before decoding. Default 150 million (A0 at 300 DPI is 140). */
  maxPixels?: number;
  /** PDFs with a Flate stream that inflates past this are refused before pdfjs reads them (bytes). Default 256 MiB. */
  maxStreamBytes?: number;
  /** Text inputs (.txt, .md) above this size are refused (bytes). Default 8 MiB. */
  maxTextBytes?: number;
}

const DEFAULT_MAX_BYTES = DEFAULT_LIMITS.maxBytes;
export const DEFAULT_MAX_PIXELS = DEFAULT_LIMITS.maxPixels;

/**
 * Checks that a file can be processed and describes it. Throws InputError
 * with a reason a clerk understands; never modifies the file.
 * Page counts are filled in by extract.
 */
export async function intakeFile(path: string, opts: IntakeOptions = {}): Promise<IntakeResult> {
  // a link is never followed: a document dropped as a link to /etc/passwd must not end up in the output
  const info = await lstat(path).catch(() => null);
  if (!info) throw new InputError('not-found', 'file not found');
  const odd = notRegularFile(info);
  if (odd) throw new InputError(info.isSymbolicLink() ? 'symlink' : 'not-a-file', odd);
  const ext = extname(path).toLowerCase();
  const claimed = SUPPORTED_EXTENSIONS[ext];
  if (ext === '.doc') throw legacyWordError(ext);
  if (!claimed) throw new InputError('unsupported-type', `unsupported file type "${ext || '(none)'}"; expected ${Object.keys(SUPPORTED_EXTENSIONS).join(', ')}`);
  if (info.size === 0) throw new InputError('empty', 'empty file (0 bytes)');
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (info.size > max) throw new InputError('too-large', `file is ${mib(info.size)}, above the ${mib(max)} limit`);

  // opened without following a link and without blocking, should the entry have been swapped since lstat
  const bytes = await readRegular(path).catch((cause: unknown) => {
    throw new InputError('unreadable', `cannot read file: ${(cause as Error).message}`, { cause });
  });
  // a text cut inside a character is not UTF-8 any more: say it is cut rather than of another type
  if (claimed === 'text' && !utf8EndIsWhole(bytes.subarray(Math.max(0, bytes.length - 8))))
    throw new InputError('truncated-text', 'truncated text: it ends inside a character (still being copied, or cut short)');
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
  if (sniffed.kind === 'image' && (!whole || (sniffed.mediaType === 'image/tiff' && !tiffIsWhole(bytes))))
    throw new InputError('truncated-image', `truncated image: the ${sniffed.mediaType} data ends early (still being copied, or cut short)`);
  if (sniffed.kind === 'text') {
    const maxText = opts.maxTextBytes ?? DEFAULT_LIMITS.maxTextBytes;
    if (info.size > maxText) throw new InputError('text-too-large', `text is ${mib(info.size)}, above the ${mib(maxText)} limit for text inputs`);
  }
  if (sniffed.kind === 'pdf') {
    // pdfjs inflates a stream whole: a 3 MB stream that inflates to 3 GiB must be refused before it does
    const maxStream = opts.maxStreamBytes ?? DEFAULT_LIMITS.maxStreamBytes;
    const bomb = await findOversizedStream(bytes, maxStream);
    if (bomb)
      throw new InputError('stream-too-large', `a compressed stream${bomb.object ? ` (object ${bomb.object})` : ''} of ${mib(bomb.compressed)} inflates to more than ${mib(maxStream)}, above the limit for one stream`);
  }
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
 * Directory record, and a text does not stop inside a UTF-8 character.
 * Checked before any decoder sees the bytes: the native image decoder
 * crashes the process on a cut-off PNG. A TIFF's end is checked on the
 * whole file (`tiffIsWhole`).
 */
export function hasItsEnd(tail: Uint8Array, mediaType: string): boolean {
  const last = Buffer.from(tail.subarray(Math.max(0, tail.length - 64)));
  if (mediaType === 'application/pdf') return Buffer.from(tail).toString('latin1').includes('%%EOF');
  if (mediaType === 'image/png') return last.includes(Buffer.from('IEND', 'latin1'));
  if (mediaType === 'image/jpeg') return last.includes(Buffer.from([0xff, 0xd9]));
  if (mediaType.startsWith('text/')) return utf8EndIsWhole(tail);
  if (mediaType === DOCX_MEDIA_TYPE) return hasZipEnd(tail);
  return true;
}

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;

async function readRegular(path: string): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) throw new Error('not a regular file');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
