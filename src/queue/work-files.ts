import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from '../core/index.js';

/**
 * A document job's intermediate files on shared storage, under the output
 * folder: the draft its page jobs read, and one file per OCR'd page. Job ids
 * are ours (checked), never document content. Removed when the job is done.
 */
export function workDir(outDir: string, jobId: string): string {
  if (!/^[\w.-]+$/.test(jobId)) throw new Error(`unexpected job id ${JSON.stringify(jobId)}`);
  return join(outDir, '.work', jobId);
}

export const draftFile = (dir: string): string => join(dir, 'draft.json');
export const pageFile = (dir: string, page: number): string => join(dir, `page-${String(page).padStart(5, '0')}.json`);

export async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value));
}

/** Reads and validates a JSON file; null when it does not exist. */
export async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return schema.parse(JSON.parse(text));
}

export async function removeWorkDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
