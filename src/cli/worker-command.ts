import { createLogger, defaultDataDir, exitOnStartError } from '../core/index.js';
import { DEFAULT_PREFIX, runWorkerPool, startWorkerPool, type QueueName, type RedisTarget } from '../queue/index.js';
import type { OcrModel } from '../ocr/index.js';
import { requireFolder } from './service-folders.js';
import { connectServiceRedis } from './service-redis.js';

export interface WorkerCommandOptions {
  concurrency?: number;
  documentConcurrency: number;
  ocrEngine: 'tesseract.js' | 'native';
  /** tesseract.js's model: best or fast. */
  ocrModel?: OcrModel;
  graceS: number;
  /** Queues to work (default both). */
  queues?: QueueName[];
}

/**
 * `plan-ingest worker`: more workers for the same queue, on this machine or
 * another one (REDIS_URL pointing at the service's Redis; the inbox and
 * output folders at the same paths, on shared storage). Runs until
 * SIGINT/SIGTERM, which lets running jobs finish.
 */
export async function workerCommand(o: WorkerCommandOptions): Promise<void> {
  let target: RedisTarget;
  try {
    const dataDir = await requireFolder(defaultDataDir(), { what: 'the data folder (PLAN_INGEST_DATA_DIR)', create: true });
    target = await connectServiceRedis(dataDir);
  } catch (error) {
    exitOnStartError(error);
  }
  const pool = startWorkerPool(target, {
    prefix: DEFAULT_PREFIX,
    pageConcurrency: o.concurrency,
    documentConcurrency: o.documentConcurrency,
    ocrEngine: o.ocrEngine,
    ocrModel: o.ocrModel,
    queues: o.queues,
    log: createLogger('worker'),
  });
  await runWorkerPool(target, pool, o.graceS);
}
