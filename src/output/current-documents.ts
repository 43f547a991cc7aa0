import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document } from '../../schemas/index.js';
import { applyCorrections } from './apply-corrections.js';
import { extractedPath, readCorrections } from './corrections-store.js';

/** An output file that could not be read as a document, and why. */
export interface UnreadableOutput {
  file: string;
  reason: string;
}

/**
 * Every document of an output folder as reviewers see it now: `<base>.json`
 * files (dot files and other names skipped), each with its reviewers'
 * corrections applied again on the machine's version kept beside them
 * (so an edit whose rewrite of `<base>.json` was still pending counts).
 * Files are found by listing the folder; ids are never made into paths
 * except through the checked review-folder helpers. Throws when the folder
 * cannot be read.
 */
export async function currentDocuments(outDir: string): Promise<{ documents: { file: string; doc: Document }[]; unreadable: UnreadableOutput[] }> {
  const names = (await readdir(outDir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  const documents: { file: string; doc: Document }[] = [];
  const unreadable: UnreadableOutput[] = [];
  for (const file of names) {
    const parsed = await readJson(join(outDir, file)).then((v) => Document.safeParse(v));
    if (!parsed.success) {
      unreadable.push({ file, reason: 'not a plan-ingest document (or written by another version)' });
      continue;
    }
    const corrections = await readCorrections(outDir, parsed.data.id);
    // the emitted file already holds the corrections; only the machine's kept version takes them again
    const machine = corrections.length ? await readJson(extractedPath(outDir, parsed.data.id)).then((v) => Document.safeParse(v)) : null;
    documents.push({ file, doc: machine?.success ? applyCorrections(machine.data, corrections) : parsed.data });
  }
  return { documents, unreadable };
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}
