import { readFile } from 'node:fs/promises';
import type { Page } from '../../schemas/index.js';
import { InputError } from '../core/index.js';
import { readDocxPackage, type DocxPackageOptions } from './docx/docx-package.js';
import { docxPages } from './docx/docx-pages.js';

/**
 * Reads a Word .docx input as text-input pages (see docx/docx-pages.ts):
 * paragraphs with their printed list labels, tables as grids with merged
 * cells, headers and footers. Throws InputError when the package is damaged,
 * too large unpacked, or its XML unreadable.
 */
export async function readDocxPages(path: string, opts: DocxPackageOptions = {}): Promise<Page[]> {
  const parts = readDocxPackage(await readFile(path), opts);
  try {
    return docxPages(parts);
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    throw new InputError('corrupt-docx', `not a readable .docx: ${(cause as Error).message}`, { cause });
  }
}
