import { join } from 'node:path';
import { ChangeEntry, type ChangeEntryInput } from '../../schemas/index.js';
import { appendJsonLine, readJsonLines } from '../core/index.js';

/** The feed's file in an output folder. */
export const changeFeedPath = (outDir: string): string => join(outDir, 'changes.jsonl');

/**
 * Every entry of the feed, in order. A line that does not parse (a torn
 * write after a crash) is skipped, not fatal: the feed stays readable.
 */
export async function readChanges(outDir: string): Promise<ChangeEntry[]> {
  return readJsonLines(changeFeedPath(outDir), ChangeEntry);
}

/**
 * Appends one entry as one line with a single append write (O_APPEND: lines
 * of concurrent writers on one machine never interleave). An entry already
 * written by the same job with the same status is not written again, so a
 * retried job leaves one line.
 */
export async function appendChange(outDir: string, entry: ChangeEntryInput): Promise<void> {
  const valid = ChangeEntry.parse(entry);
  if (valid.job !== null) {
    const existing = await readChanges(outDir);
    if (existing.some((e) => e.job === valid.job && e.status === valid.status && e.id === valid.id)) return;
  }
  await appendJsonLine(changeFeedPath(outDir), valid);
}

/** The version the next output of document `id` in `outDir` gets: 1 + the highest written so far. */
export async function nextVersion(outDir: string, id: string): Promise<number> {
  let highest = 0;
  for (const e of await readChanges(outDir)) if (e.id === id && e.version !== null) highest = Math.max(highest, e.version);
  return highest + 1;
}
