import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { pdfBytes } from '../../scripts/fixtures/pdf-bytes.js';

const require = createRequire(import.meta.url);
const FONT = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSerif.ttf');

/**
 * A small real PDF with a Vietnamese text layer, made in the test so that
 * bad-input tests do not depend on generated fixtures. `userPassword`
 * makes it encrypted.
 */
export function makePdf(lines: string[], opts: { userPassword?: string } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) }, ...(opts.userPassword ? { userPassword: opts.userPassword, ownerPassword: 'owner' } : {}) });
  const done = pdfBytes(doc);
  doc.font(FONT).fontSize(13);
  for (const line of lines) doc.text(line);
  doc.end();
  return done;
}
