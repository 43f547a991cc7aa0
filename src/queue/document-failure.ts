import type { Job } from 'bullmq';
import { DocumentJobData } from '../../schemas/index.js';
import { sha256File, type Logger } from '../core/index.js';
import { appendChange, documentId, readChanges } from '../output/index.js';
import type { ContentRegistry } from './content-registry.js';
import { refuseDocumentJob } from './job-guard.js';
import { exists, moveOriginalTo, plannedPlace } from './originals.js';
import { MAX_STALLED_COUNT } from './queues.js';
import { removeWorkDir, workDir } from './work-files.js';

/** What ending a document as failed needs. */
export interface FailureDeps {
  registry: ContentRegistry;
  log: Logger;
}

/**
 * Ends a document job as failed: one `failed` line in the change feed, the
 * original moved to `<inbox>/failed/` with `<name>.reason.txt` beside it,
 * the content marked failed (so dropping it again retries it), the work
 * folder removed. Each step may run again harmlessly: the processor, the
 * worker's `failed` event and the inbox's recovery at start can all reach
 * the same job. The original is moved only while it still holds the job's
 * content (the same name may have been dropped again since).
 */
export async function failDocument(deps: FailureDeps, data: DocumentJobData, jobId: string, reason: string): Promise<void> {
  const there = data.inbox !== null && (await sha256File(data.file).catch(() => null)) === data.sha256;
  // the feed names where the original will be (failed/…), not processing/ where it is now
  const original = data.inbox && there ? await plannedPlace(data.inbox, data.file, 'failed') : data.inbox ? null : data.file;
  await appendChange(data.outDir, { id: documentId(data.sha256), version: null, time: new Date().toISOString(), status: 'failed', file: data.name, output: null, reason, original, job: jobId });
  if (data.inbox && there) await moveOriginalTo(data.inbox, data.file, 'failed', original, reason);
  await deps.registry.settle({ outDir: data.outDir, sha256: data.sha256 }, jobId, 'failed');
  await removeWorkDir(workDir(data.outDir, jobId));
  deps.log.info({ job: jobId, file: data.name, reason }, 'document failed');
}

/** BullMQ's reason for a job whose worker died under it too often (moveStalledJobsToWait). */
const STALLED = 'job stalled more than allowable limit';

/** A failed job's reason as a clerk reads it: BullMQ's "stalled" said in words. */
export function failureReason(message: string): string {
  return message === STALLED ? `processing stopped without finishing ${MAX_STALLED_COUNT + 1} times (the worker process died or hung on this file); given up` : message;
}

/**
 * The worker's `failed` event for a document job: a job that failed for
 * good without its processor saying so — above all one that stalled too
 * many times because its worker process died under it (BullMQ fails it
 * without calling the processor) — is ended here, so its original never
 * stays in `processing/` and its content can be dropped again. A job this
 * installation would not run (unsigned, outside its inbox) is left alone.
 */
export async function settleFailedDocumentJob(deps: FailureDeps & { jobKey: Buffer }, job: Job, error: Error): Promise<void> {
  if ((await job.getState()) !== 'failed') return; // it will be retried
  const parsed = DocumentJobData.safeParse(job.data);
  if (!parsed.success || (await refuseDocumentJob(parsed.data, deps.jobKey))) return;
  const data = parsed.data;
  const handled = (await readChanges(data.outDir)).some((e) => e.job === job.id && e.status === 'failed');
  // the processor ended it already (and its original moved on): nothing is left to do
  if (handled && !(data.inbox && (await exists(data.file)))) return;
  await failDocument(deps, data, job.id!, failureReason(error.message));
}
