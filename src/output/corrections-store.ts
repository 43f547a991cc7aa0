import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { appendJsonLine, readJsonLines } from '../core/index.js';
import { Correction, EDITABLE_FIELDS, type Assignment, type Indicator, type RecordKind } from '../../schemas/index.js';

/** A document id as the pipeline makes them (`doc-` + 16 hex); the only thing review paths are built from. */
export const DOCUMENT_ID = /^doc-[0-9a-f]{16}$/;

/**
 * Where a document's review lives in the output folder: `.review/<id>/`
 * holds `corrections.jsonl` (the append-only trail: every correction with
 * reviewer, time, before and after) and `extracted.json` (the machine's
 * Document, kept once corrections exist so they can be re-applied).
 * Plain files rather than SQLite: no native module to build, the trail is
 * readable and diffable, and it sits on the same (shared) storage as the
 * outputs it belongs to; appends are fsynced.
 */
export function reviewDir(outDir: string, docId: string): string {
  if (!DOCUMENT_ID.test(docId)) throw new Error(`not a document id: ${JSON.stringify(docId)}`);
  return join(outDir, '.review', docId);
}
export const correctionsPath = (outDir: string, docId: string): string => join(reviewDir(outDir, docId), 'corrections.jsonl');
export const extractedPath = (outDir: string, docId: string): string => join(reviewDir(outDir, docId), 'extracted.json');

/** Every correction of a document, in order (a torn last line after a crash is skipped). */
export async function readCorrections(outDir: string, docId: string): Promise<Correction[]> {
  return readJsonLines(correctionsPath(outDir, docId), Correction);
}

/** Appends one correction and waits until it is on disk (fsync). */
export async function appendCorrection(outDir: string, correction: Correction): Promise<void> {
  const valid = Correction.parse(correction);
  await appendJsonLine(correctionsPath(outDir, valid.document), valid, { sync: true });
}

/**
 * A short fingerprint of the machine's reading of a record (its editable
 * fields), stored with each correction: when re-processing reads the row
 * differently, the correction is flagged for another look.
 */
export function recordFingerprint(kind: RecordKind, record: Indicator | Assignment): string {
  const fields = EDITABLE_FIELDS[kind] as readonly string[];
  const values = fields.map((f) => (record as unknown as Record<string, unknown>)[f] ?? null);
  return createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 16);
}

/** Text fields whose corrected values are sentences a reviewer wrote or fixed. */
const TEXT_FIELDS = new Set(['task', 'name', 'output', 'notes', 'section', 'directing', 'period']);

/**
 * The latest corrected text of every text field in an output folder's
 * corrections (one per record and field): reviewers' Vietnamese, for the
 * restoration model's corpus (`plan-ingest train --corrections DIR`).
 */
export async function correctedTexts(outDir: string): Promise<string[]> {
  const ids = await readdir(join(outDir, '.review')).catch(() => [] as string[]);
  const texts: string[] = [];
  for (const id of ids.filter((n) => DOCUMENT_ID.test(n)).sort()) {
    const latest = new Map<string, string>();
    for (const c of await readCorrections(outDir, id))
      if (c.op === 'set' && c.field && TEXT_FIELDS.has(c.field) && typeof c.after === 'string') latest.set(`${c.record}\u0000${c.field}`, c.after);
    texts.push(...latest.values());
  }
  return texts;
}
