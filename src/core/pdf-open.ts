import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError } from './input-error.js';

const require = createRequire(import.meta.url);
/** pdfjs needs its standard font metrics for PDFs that do not embed the 14 base fonts. */
const STANDARD_FONTS = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

/**
 * Opens a PDF with pdfjs-dist, turning its failures into InputErrors a clerk
 * can act on: a password-protected file is "encrypted", a file pdfjs cannot
 * parse is "corrupt". The caller must `destroy()` the document.
 */
export async function openPdf(path: string): Promise<PDFDocumentProxy> {
  const data = new Uint8Array(await readFile(path));
  // imported here, not at the top: pdfjs costs ~200 MB of RSS, and the core is
  // also loaded by what never opens a PDF (restore, the review server's lists)
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    return await getDocument({
      data,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      standardFontDataUrl: STANDARD_FONTS,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new InputError('encrypted-pdf', 'encrypted PDF: it needs a password to open', { cause: error });
    throw new InputError('corrupt-pdf', `corrupt PDF: ${(error as Error).message}`, { cause: error });
  }
}
