import { strFromU8, unzipSync, type UnzipFileInfo } from 'fflate';
import { InputError } from '../../core/index.js';

export interface DocxPackageOptions {
  /** The parts read may unpack to at most this many bytes in all. Default 64 MiB (a 300-page plan's document.xml is ~10 MiB). */
  maxUnpackedBytes?: number;
}

const DEFAULT_MAX_UNPACKED = 64 * 1024 * 1024;

/** The parts of a Word package that hold text: the body, numbering, styles, headers, footers and the relationships naming them. */
const TEXT_PART = /^word\/(?:document|numbering|styles|header\d*|footer\d*)\.xml$|^word\/_rels\/document\.xml\.rels$/u;

/** A Word package's text parts by name ("word/document.xml" → its XML). */
export type DocxParts = ReadonlyMap<string, string>;

/**
 * Unzips the text parts of a .docx. A zip bomb is refused before anything
 * is inflated: the parts' declared sizes are summed against the limit, and
 * fflate inflates each into a buffer of its declared size, so a part that
 * lies about its size comes out cut short instead of filling the memory.
 */
export function readDocxPackage(bytes: Uint8Array, opts: DocxPackageOptions = {}): DocxParts {
  const max = opts.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED;
  let declared = 0;
  let oversize: UnzipFileInfo | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!TEXT_PART.test(file.name)) return false;
        declared += file.originalSize;
        if (declared > max) oversize ??= file;
        return declared <= max;
      },
    });
  } catch (cause) {
    throw new InputError('corrupt-docx', `not a readable .docx: the zip package is damaged (${(cause as Error).message})`, { cause });
  }
  if (oversize) throw new InputError('docx-too-large', `the .docx unpacks to more than ${mib(max)} of text parts (${(oversize as UnzipFileInfo).name} and before it): refused as a possible zip bomb`);
  if (!files['word/document.xml']) throw new InputError('corrupt-docx', 'not a Word document: the package has no word/document.xml');
  const parts = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) parts.set(name, strFromU8(data).replace(/^\uFEFF/u, ''));
  return parts;
}

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MiB`;
