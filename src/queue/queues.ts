import { Queue, type DefaultJobOptions } from 'bullmq';
import type { DocumentJobData, PageJobData } from '../../schemas/index.js';
import type { RedisTarget } from './redis-connection.js';

/** BullMQ key prefix: several installations (or test runs) can share one Redis under different prefixes. */
export const DEFAULT_PREFIX = process.env.PLAN_INGEST_QUEUE_PREFIX ?? 'plan-ingest';
export const DOCUMENTS_QUEUE = 'documents';
export const PAGES_QUEUE = 'pages';

/**
 * Retries for transient faults (a worker crash, Redis away, a full disk):
 * exponential backoff from 2 s. Bad input is not retried: processors throw
 * UnrecoverableError for it. Finished jobs are kept a while for the dashboard.
 */
export const JOB_OPTIONS: DefaultJobOptions = {
  attempts: 4,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * Attempts of a job whose renderer child crashed (or ran out of time) on
 * it: one retry, in case the crash came from outside (memory pressure),
 * then the page is recorded as failed, or the image document fails with
 * the crash as its reason. A hostile file crashes twice, not four times.
 */
export const CRASH_ATTEMPTS = 2;

/**
 * Times a job may lose its worker (lock expired: the process died or hung)
 * and be taken up again; the next time BullMQ fails it ("stalled"), and
 * the worker's `failed` event ends it in `failed/` (document-failure.ts).
 */
export const MAX_STALLED_COUNT = 2;

export interface PlanQueues {
  documents: Queue<DocumentJobData>;
  pages: Queue<PageJobData>;
  /**
   * The installation's job key (job-signature.ts): jobs are signed with it
   * when queued and checked with it by the workers. Null for a process that
   * only looks at the queues (the dashboard of `serve`).
   */
  jobKey: Buffer | null;
  close: () => Promise<void>;
}

/** The two queues: one job per document, one per page that needs OCR. */
export function openQueues(target: RedisTarget, prefix = DEFAULT_PREFIX, jobKey: Buffer | null = null): PlanQueues {
  const documents = new Queue<DocumentJobData>(DOCUMENTS_QUEUE, { connection: target.options, prefix, defaultJobOptions: JOB_OPTIONS });
  const pages = new Queue<PageJobData>(PAGES_QUEUE, { connection: target.options, prefix, defaultJobOptions: JOB_OPTIONS });
  return {
    documents,
    pages,
    jobKey,
    close: async () => {
      await Promise.all([documents.close(), pages.close()]);
    },
  };
}

/** The key to sign jobs with; a process that queues work must have opened the queues with it. */
export function requireKey(queues: PlanQueues): Buffer {
  if (!queues.jobKey) throw new Error('these queues were opened without the job key: they cannot queue work');
  return queues.jobKey;
}
