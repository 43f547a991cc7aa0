import { Job } from 'bullmq';
import { basename, extname, resolve } from 'node:path';
import type { ProcessingOptions } from '../../schemas/index.js';
import { appendChange, documentId } from '../output/index.js';
import type { ContentClaim, ContentRegistry } from './content-registry.js';
import { sha256File } from '../core/index.js';
import { signDocumentJob } from './job-signature.js';
import { requireKey, type PlanQueues } from './queues.js';

export interface SubmitResult {
  file: string;
  id: string;
  /** The job, or null when the content was already queued or done (and `reprocess` was not asked). */
  job: string | null;
  duplicateOf?: string;
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
  for (const p of paths) {
    const file = resolve(p);
    const name = basename(file);
    const sha256 = await sha256File(file);
    const id = documentId(sha256);
    const jobId = `${id}-${Date.now().toString(36)}`;
    const time = new Date().toISOString();
    const claim = { status: 'queued' as const, jobId, file: name, time };
    const held = await o.registry.claim(sha256, claim);
    if (held && !o.reprocess && !(await claimEnded(o.queues, held))) {
      results.push({ file: name, id, job: null, duplicateOf: held.file });
      continue;
    }
    if (held) await o.registry.take(sha256, claim);
    const base = basename(name, extname(name)) || name;
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
