import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the batch holds, so the bench can say what it measured. */
export interface BatchPlan {
  digital: number;
  scanned: number;
  bad: number;
}

const DIGITAL = ['kh-tu-57', 'kh-bql-2026', 'kh-skhcn-2026', 'kh-xa-chi-minh-2026'].map((n) => `fixtures/pdf/${n}.pdf`);
const SCANNED = ['fixtures/scan/kh-bql-2026.p1.png', 'fixtures/scan/kh-bql-2026.p2-3.tif'];

/**
 * Writes `total` distinct files into `dir` from the fixtures: digital PDFs,
 * one-page scans and bad files (not a PDF, empty, corrupt), about 76/14/10
 * in a hundred. Copies of one fixture differ by a comment after the PDF's
 * %%EOF (or bytes after the image's end), so each is a document of its own
 * and none is a duplicate.
 */
export function writeBatch(dir: string, total: number): BatchPlan {
  mkdirSync(dir, { recursive: true });
  const bad = Math.max(3, Math.round(total * 0.1));
  const scanned = Math.round(total * 0.14);
  const digital = total - bad - scanned;
  for (let i = 0; i < digital; i++) {
    const src = DIGITAL[i % DIGITAL.length]!;
    const bytes = Buffer.concat([readFileSync(src), Buffer.from(`\n%bench copy ${i}\n`)]);
    writeFileSync(join(dir, `digital ${String(i).padStart(3, '0')} ${src.split('/').pop()}`), bytes);
  }
  for (let i = 0; i < scanned; i++) {
    const src = SCANNED[i % 7 === 6 ? 1 : 0]!;
    const name = `scan ${String(i).padStart(3, '0')} ${src.split('/').pop()}`;
    // a PNG is read up to its IEND chunk, a TIFF by its offsets: a few bytes after either change the hash only
    if (i === 0) copyFileSync(src, join(dir, name));
    else writeFileSync(join(dir, name), Buffer.concat([readFileSync(src), Buffer.from(`${i}`.padStart(4, '0'))]));
  }
  for (let i = 0; i < bad; i++) {
    const name = `bad ${String(i).padStart(3, '0')}.pdf`;
    // one empty file (empty files are all the same content), the others not a PDF or corrupt
    if (i === 1) writeFileSync(join(dir, `empty ${String(i).padStart(3, '0')}.pdf`), '');
    else if (i % 2 === 0) writeFileSync(join(dir, name), `Không phải PDF ${i}\n`);
    else writeFileSync(join(dir, name), `%PDF-1.7\n${'garbage '.repeat(50)}${i}\n%%EOF\n`);
  }
  return { digital, scanned, bad };
}
