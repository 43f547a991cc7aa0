import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../../schemas/index.js';
import { InputError, writeFileAtomic } from '../core/index.js';
import { applyCorrections } from './apply-corrections.js';
import { extractedPath, readCorrections } from './corrections-store.js';
import { appendChange, nextVersion } from './change-feed.js';
import { writeDocument } from './write-document.js';

export interface PublishOptions {
  /** The file name as dropped (for the feed). */
  file: string;
  /** Absolute path of the original as read (recorded in the feed for the review page's crops). */
  original?: string | null;
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
 * same document and record ids, and with reviewers' corrections applied on
 * top; the machine's version is kept beside them), then one feed line.
 */
export async function publishDocument(doc: Document, outDir: string, base: string, opts: PublishOptions): Promise<{ path: string; version: number }> {
  if (opts.keepOtherDocuments) {
    const held = await idAt(join(outDir, `${base}.json`));
    if (held && held !== doc.id)
      throw new InputError('output-name-taken', `${base}.json in the output folder already holds another document (${held}); rename the file and drop it again`);
  }
  const version = await nextVersion(outDir, doc.id);
  const machine: Document = { ...doc, version };
  // reviewers' corrections of an earlier version stay on top of the new extraction
  const corrections = await readCorrections(outDir, doc.id);
  if (corrections.length) await writeFileAtomic(extractedPath(outDir, doc.id), JSON.stringify(machine));
  const path = await writeDocument(applyCorrections(machine, corrections), outDir, base);
  await appendChange(outDir, { id: doc.id, version, time: new Date().toISOString(), status: doc.status, file: opts.file, output: `${base}.json`, reason: null, original: opts.original ?? null, job: opts.job ?? null });
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
