import { Job } from 'bullmq';
import { lstat, mkdir } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ProcessingOptions } from '../../schemas/index.js';
import { appendChange, documentId, outputBase } from '../output/index.js';
import type { ContentClaim, ContentRegistry } from './content-registry.js';
import { sha256File } from '../core/index.js';
import { notRegularFile } from '../intake/index.js';
import { signDocumentJob } from './job-signature.js';
import { requireKey, type PlanQueues } from './queues.js';

export interface SubmitResult {
  file: string;
  id: string;
  /** The job, or null when the content was already queued or done (and `reprocess` was not asked). */
  job: string | null;
  duplicateOf?: string;
  /** Why it was not queued when it is not a regular file (a link, a FIFO: never read). */
  refused?: string;
}

/**
 * Queues files from where they are (no inbox: the originals stay in place),
 * for scripts and for re-processing: with `reprocess`, content already
 * processed is processed again, making a new version of the same document.
 */
export async function submitFiles(
  paths: readonly string[],
  o: { outDir: string; options: ProcessingOptions; queues: PlanQueues; registry: ContentRegistry; reprocess: boolean },
): Promise<SubmitResult[]> {
  const results: SubmitResult[] = [];
  // made now: the content registry keys contents by the folder's real path
  await mkdir(resolve(o.outDir), { recursive: true });
  for (const p of paths) {
    const file = resolve(p);
    const name = basename(file);
    // hashing a FIFO would wait for ever, and a link would be read through
    const entry = await lstat(file).catch(() => null);
    const odd = entry ? notRegularFile(entry) : 'file not found';
    if (odd) {
      results.push({ file: name, id: '', job: null, refused: odd });
      continue;
    }
    const sha256 = await sha256File(file);
    const id = documentId(sha256);
    const jobId = `${id}-${Date.now().toString(36)}`;
    const time = new Date().toISOString();
    const claim = { status: 'queued' as const, jobId, file: name, time };
    const held = await o.registry.claim({ outDir: o.outDir, sha256 }, claim);
    if (held && !o.reprocess && !(await claimEnded(o.queues, held))) {
      results.push({ file: name, id, job: null, duplicateOf: held.file });
      continue;
    }
    if (held) await o.registry.take({ outDir: o.outDir, sha256 }, claim);
    const base = outputBase(name);
    await o.queues.documents.add(name, signDocumentJob({ file, name, base, sha256, outDir: resolve(o.outDir), inbox: null, options: o.options, step: 'read' }, requireKey(o.queues)), { jobId });
    await appendChange(resolve(o.outDir), { id, version: null, time, status: 'queued', file: name, output: null, reason: null, job: jobId });
    results.push({ file: name, id, job: jobId });
  }
  return results;
}

/** A claim still marked queued whose job is gone or failed for good (it ended without settling): nothing holds the content. */
async function claimEnded(queues: PlanQueues, held: ContentClaim): Promise<boolean> {
  if (held.status !== 'queued') return false;
  const job = await Job.fromId(queues.documents, held.jobId);
  return !job || (await job.getState()) === 'failed';
}
