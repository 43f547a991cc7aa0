import { InputError } from '../../core/index.js';
import { readZipEntry, zipEntries, ZipReadError, type ZipEntry } from './zip-entries.js';

export interface DocxPackageOptions {
  /** The parts read may unpack to at most this many bytes in all. Default 64 MiB (a 300-page plan's document.xml is ~10 MiB). */
  maxUnpackedBytes?: number;
}

const DEFAULT_MAX_UNPACKED = 64 * 1024 * 1024;

/** The parts of a Word package that hold text: the body, numbering, styles, footnotes, headers, footers and the relationships naming them. */
const TEXT_PART = /^word\/(?:document|numbering|styles|footnotes|header\d*|footer\d*)\.xml$|^word\/_rels\/document\.xml\.rels$/u;

/** A Word package's text parts by name ("word/document.xml" → its XML). */
export type DocxParts = ReadonlyMap<string, string>;

/**
 * Unzips the text parts of a .docx (images and the rest are never
 * inflated). A zip bomb is refused: the parts may unpack to
 * `maxUnpackedBytes` in all, counted as they inflate, whatever their headers
 * declare (zip-entries.ts).
 */
export function readDocxPackage(bytes: Uint8Array, opts: DocxPackageOptions = {}): DocxParts {
  const max = opts.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED;
  const parts = new Map<string, string>();
  try {
    const wanted = zipEntries(bytes).filter((e) => TEXT_PART.test(e.name));
    if (!wanted.some((e) => e.name === 'word/document.xml')) throw new InputError('corrupt-docx', 'not a Word document: the package has no word/document.xml');
    let left = max;
    for (const entry of wanted) {
      const data = readZipEntry(bytes, entry, left);
      left -= data.length;
      parts.set(entry.name, new TextDecoder().decode(data).replace(/^\uFEFF/u, ''));
    }
  } catch (cause) {
    if (cause instanceof ZipReadError && cause.reason === 'too-large')
      throw new InputError('docx-too-large', `the .docx unpacks to more text than its zip headers declare or than the ${mib(max)} limit (${cause.message}): refused as a possible zip bomb`, { cause });
    if (cause instanceof ZipReadError) throw new InputError('corrupt-docx', `not a readable .docx: the zip package is damaged (${cause.message})`, { cause });
    throw cause;
  }
  return parts;
}

export type { ZipEntry };
const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MiB`;
