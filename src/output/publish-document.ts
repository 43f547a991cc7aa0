import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../../schemas/index.js';
import { InputError } from '../core/index.js';
import { appendChange, nextVersion } from './change-feed.js';
import { writeDocument } from './write-document.js';

export interface PublishOptions {
  /** The file name as dropped (for the feed). */
  file: string;
  /** The queue job publishing it (a retried job publishes once); null outside the queue. */
  job?: string | null;
  /**
   * Refuse to replace `<base>.json` when it holds another document (another
   * file with the same name): the service must not lose a clerk's earlier
   * output. `ingest` replaces it, as asked on its command line. Default false.
   */
  keepOtherDocuments?: boolean;
}

/**
 * Writes a document's output and tells the change feed: `<base>.json`
 * (atomically, with its version: 1 + the versions written before for the
 * same id, so re-processing the same content makes a new version with the
 * same document and record ids), then one feed line.
 */
export async function publishDocument(doc: Document, outDir: string, base: string, opts: PublishOptions): Promise<{ path: string; version: number }> {
  if (opts.keepOtherDocuments) {
    const held = await idAt(join(outDir, `${base}.json`));
    if (held && held !== doc.id)
      throw new InputError('output-name-taken', `${base}.json in the output folder already holds another document (${held}); rename the file and drop it again`);
  }
  const version = await nextVersion(outDir, doc.id);
  const path = await writeDocument({ ...doc, version }, outDir, base);
  await appendChange(outDir, { id: doc.id, version, time: new Date().toISOString(), status: doc.status, file: opts.file, output: `${base}.json`, reason: null, job: opts.job ?? null });
  return { path, version };
}

/** The id of the document in an output file, or null when there is none (or it does not read). */
async function idAt(path: string): Promise<string | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { id?: unknown };
    return typeof parsed.id === 'string' ? parsed.id : null;
  } catch {
    return null;
  }
}
