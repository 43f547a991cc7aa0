import { Worker } from 'bullmq';
import { availableParallelism } from 'node:os';
import { createLogger, defaultDataDir, type Logger } from '../core/index.js';
import { createNativeTesseractEngine, createSandboxedRenderer, createTesseractEngine, lazyEngine, type OcrModel } from '../ocr/index.js';
import { loadAgencyRegistry } from '../records/index.js';
import { loadModel, type NgramModel } from '../restore/index.js';
import { ContentRegistry } from './content-registry.js';
import { documentProcessor } from './document-processor.js';
import { settleFailedDocumentJob } from './document-failure.js';
import { pageProcessor } from './page-processor.js';
import { loadJobKey } from './job-signature.js';
import { DEFAULT_PREFIX, DOCUMENTS_QUEUE, MAX_STALLED_COUNT, openQueues, PAGES_QUEUE, requireKey } from './queues.js';
import type { RedisTarget } from './redis-connection.js';

export interface WorkerPoolOptions {
  /** BullMQ key prefix. Default "plan-ingest" ($PLAN_INGEST_QUEUE_PREFIX). */
  prefix?: string;
  /** Page (OCR) jobs at once in this process; also the OCR engine's worker threads. Default: the machine's cores. */
  pageConcurrency?: number;
  /** Document jobs at once in this process (text layer, restore, records: light next to OCR). Default 2. */
  documentConcurrency?: number;
  /** "tesseract.js" (default) or "native" (the tesseract binary). */
  ocrEngine?: 'tesseract.js' | 'native';
  /** tesseract.js's LSTM model: "best" or "fast" (default: the engine's). */
  ocrModel?: OcrModel;
  /**
   * How long a job's lock lasts without renewal (ms): a worker that dies
   * (SIGKILL, power loss) hands its jobs to the others after about this
   * long. Default 30000 ($PLAN_INGEST_LOCK_MS).
   */
  lockMs?: number;
  /** Which queues this process works: both by default; "pages" alone makes an OCR-only machine. */
  queues?: readonly QueueName[];
  dataDir?: string;
  log?: Logger;
}

export type QueueName = typeof DOCUMENTS_QUEUE | typeof PAGES_QUEUE;

export interface WorkerPool {
  /**
   * Stops taking jobs and lets running ones finish for up to `graceMs`
   * (default 30000); jobs still running then are handed back to the queue
   * (another worker picks them up once their lock expires).
   */
  close: (graceMs?: number) => Promise<void>;
  workers: Worker[];
}

/**
 * This process's workers: one for document jobs, one for page jobs, sharing
 * one OCR engine (started on first OCR) and one restoration model.
 */
export function startWorkerPool(target: RedisTarget, opts: WorkerPoolOptions = {}): WorkerPool {
  const prefix = opts.prefix ?? DEFAULT_PREFIX;
  const log = opts.log ?? createLogger('worker');
  const pageConcurrency = opts.pageConcurrency ?? availableParallelism();
  const lockDuration = opts.lockMs ?? (Number(process.env.PLAN_INGEST_LOCK_MS) || 30_000);
  const dataDir = opts.dataDir ?? defaultDataDir();
  const queues = openQueues(target, prefix, loadJobKey(dataDir));
  const registry = new ContentRegistry(target, prefix);
  const engine = lazyEngine(async () =>
    opts.ocrEngine === 'native' ? createNativeTesseractEngine({ workers: pageConcurrency }) : createTesseractEngine({ workers: pageConcurrency, model: opts.ocrModel }),
  );
  // a child renders for about every two OCR pages at once (rendering takes a fraction of a page's OCR time)
  const renderer = createSandboxedRenderer({ children: Math.max(1, Math.min(4, Math.ceil(pageConcurrency / 2))) });
  let model: Promise<NgramModel> | null = null;
  const ctx = { queues, registry, engine, renderer, restoreModel: () => (model ??= loadModel(dataDir)), agencyRegistry: () => loadAgencyRegistry(dataDir), log };
  const common = { connection: target.options, prefix, lockDuration, stalledInterval: Math.max(1000, Math.round(lockDuration / 2)), maxStalledCount: MAX_STALLED_COUNT };
  const wanted = new Set(opts.queues ?? [DOCUMENTS_QUEUE, PAGES_QUEUE]);
  const workers: Worker[] = [];
  if (wanted.has(DOCUMENTS_QUEUE)) {
    const documents = new Worker(DOCUMENTS_QUEUE, documentProcessor(ctx), { ...common, concurrency: opts.documentConcurrency ?? 2 });
    // a job BullMQ fails without its processor (stalled too often: its worker died under it) still ends in failed/
    const jobKey = requireKey(queues);
    documents.on('failed', (job, e) => {
      if (job) void settleFailedDocumentJob({ registry, log, jobKey }, job, e).catch((err: unknown) => log.error({ err, job: job.id }, 'failed job'));
    });
    workers.push(documents);
  }
  if (wanted.has(PAGES_QUEUE)) workers.push(new Worker(PAGES_QUEUE, pageProcessor(ctx), { ...common, concurrency: pageConcurrency }));
  // a service's worker gets ready while it waits: the OCR engine (seconds to start) and the restoration model
  if (wanted.has(PAGES_QUEUE) || wanted.has(DOCUMENTS_QUEUE)) engine.warm();
  if (wanted.has(DOCUMENTS_QUEUE)) void ctx.restoreModel().catch((e: unknown) => log.error({ err: e }, 'restoration model'));
  for (const w of workers) {
    w.on('error', (e) => log.error({ err: e }, 'worker error'));
    w.on('failed', (job, e) => log.info({ job: job?.id, err: e.message }, 'job failed'));
  }
  return {
    workers,
    close: async (graceMs = 30_000) => {
      const gentle = Promise.all(workers.map((w) => w.close()));
      const timedOut = await Promise.race([gentle.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref())]);
      if (timedOut) await Promise.all(workers.map((w) => w.close(true)));
      await engine.close();
      await renderer.close();
      await queues.close();
      await registry.close();
    },
  };
}
