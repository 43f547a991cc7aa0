import { join } from 'node:path';
import type { Document } from '../../schemas/index.js';
import { writeFileAtomic } from '../core/index.js';

/**
 * Writes `<outDir>/<base>.json` atomically. `base` comes from the input's
 * file name (never from document content), checked to be a plain name.
 */
export async function writeDocument(doc: Document, outDir: string, base: string): Promise<string> {
  if (!base || base.includes('/') || base.includes('\\') || base === '.' || base === '..') throw new Error(`unsafe output name: ${JSON.stringify(base)}`);
  const path = join(outDir, `${base}.json`);
  await writeFileAtomic(path, `${JSON.stringify(doc, null, 2)}\n`);
  return path;
}
