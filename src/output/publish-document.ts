import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../../schemas/index.js';
import { InputError, writeFileAtomic } from '../core/index.js';
import { applyCorrections } from './apply-corrections.js';
import { extractedPath, readCorrections } from './corrections-store.js';
import { appendChange, nextVersion, readChanges } from './change-feed.js';
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

/** What publishing did: wrote `path` as `version`, or found the document already there under another name. */
export interface PublishResult {
  /** The document's current output: the file written, or the one that already holds it. */
  path: string;
  version: number;
  /** For a duplicate: the file name the document was first published from; nothing was written. */
  duplicateOf: string | null;
}

/**
 * Writes a document's output and tells the change feed: `<base>.json`
 * (atomically, with its version: 1 + the versions written before for the
 * same id, so re-processing the same content makes a new version with the
 * same document and record ids, and with reviewers' corrections applied on
 * top; the machine's version is kept beside them), then one feed line.
 *
 * One current JSON per document id: when another output in the folder
 * already holds this id (the same content dropped under a second name),
 * nothing is written, and the feed gets a `duplicate` line naming it. The
 * same content under the same name is a re-processing: a new version.
 */
export async function publishDocument(doc: Document, outDir: string, base: string, opts: PublishOptions): Promise<PublishResult> {
  const output = `${base}.json`;
  const current = await currentOutput(outDir, doc.id);
  if (current && current.output !== output) {
    const reason = `same content as ${current.file}, already in ${current.output}; not written again`;
    await appendChange(outDir, { id: doc.id, version: null, time: new Date().toISOString(), status: 'duplicate', file: opts.file, output: null, reason, original: opts.original ?? null, job: opts.job ?? null });
    return { path: join(outDir, current.output), version: current.version, duplicateOf: current.file };
  }
  if (opts.keepOtherDocuments) {
    const held = await idAt(join(outDir, output));
    if (held && held !== doc.id)
      throw new InputError('output-name-taken', `${output} in the output folder already holds another document (${held}); rename the file and drop it again`);
  }
  const version = await nextVersion(outDir, doc.id);
  const machine: Document = { ...doc, version };
  // reviewers' corrections of an earlier version stay on top of the new extraction
  const corrections = await readCorrections(outDir, doc.id);
  if (corrections.length) await writeFileAtomic(extractedPath(outDir, doc.id), JSON.stringify(machine));
  const path = await writeDocument(applyCorrections(machine, corrections), outDir, base);
  await appendChange(outDir, { id: doc.id, version, time: new Date().toISOString(), status: doc.status, file: opts.file, output, reason: null, original: opts.original ?? null, job: opts.job ?? null });
  return { path, version, duplicateOf: null };
}

/**
 * The output that holds document `id` now: the last one the feed names for
 * it, if that file still holds the id (it may have been deleted, or
 * replaced by `ingest` with another document of the same name).
 */
async function currentOutput(outDir: string, id: string): Promise<{ output: string; file: string; version: number } | null> {
  const entries = await readChanges(outDir);
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.id !== id || e.output === null || e.version === null || e.status === 'corrected') continue;
    return (await idAt(join(outDir, e.output))) === id ? { output: e.output, file: e.file, version: e.version } : null;
  }
  return null;
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
