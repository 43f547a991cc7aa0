import { resolve } from 'node:path';
import { ProcessingOptions } from '../../schemas/index.js';
import { createLogger, defaultDataDir } from '../core/index.js';
import { ContentRegistry, DEFAULT_PREFIX, connectRedisTarget, loadJobKey, openQueues, startInbox, startWorkerPool } from '../queue/index.js';
import { reportQueue } from './queue-reporter.js';
import { onShutdown } from './service-lifecycle.js';

export interface WatchOptions {
  out: string;
  ocr: boolean;
  restore: boolean;
  ocrDpi: number;
  maxSizeMb: number;
  /** Largest image (pixels its header claims) accepted. Default 150 million. */
  maxPixels?: number;
  /** Run workers in this process too (default true); false: only queue, other `plan-ingest worker`s process. */
  workers: boolean;
  /** OCR page jobs at once here (default: cores). */
  concurrency?: number;
  /** Document jobs at once here (default 2). */
  documentConcurrency?: number;
  ocrEngine: 'tesseract.js' | 'native';
  /** How long a file must keep its size before it is taken (ms). */
  stableMs: number;
  /** Seconds running jobs get to finish on SIGTERM. */
  graceS: number;
}

/**
 * `plan-ingest watch <inbox> --out DIR`: the service for clerks. Redis from
 * REDIS_URL or an embedded redis-server; files dropped into the inbox are
 * queued and processed by this process's workers (and any `plan-ingest
 * worker` on the same Redis); runs until SIGINT/SIGTERM.
 */
export async function watchCommand(inboxArg: string, o: WatchOptions): Promise<void> {
  const inbox = resolve(inboxArg);
  const outDir = resolve(o.out);
  const log = createLogger('watch');
  const prefix = DEFAULT_PREFIX;
  const target = await connectRedisTarget(defaultDataDir());
  const queues = openQueues(target, prefix, loadJobKey(defaultDataDir()));
  const registry = new ContentRegistry(target, prefix);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const events = reportQueue(target, prefix, queues, say);
  const pool = o.workers ? startWorkerPool(target, { prefix, pageConcurrency: o.concurrency, documentConcurrency: o.documentConcurrency, ocrEngine: o.ocrEngine, log }) : null;
  const options = ProcessingOptions.parse({ ocr: o.ocr, restore: o.restore, ocrDpi: o.ocrDpi, maxBytes: o.maxSizeMb * 1024 * 1024, maxPixels: o.maxPixels });
  const inboxService = await startInbox({
    inbox,
    outDir,
    options,
    queues,
    registry,
    log,
    watch: { stableMs: o.stableMs },
    onEvent: (e) => {
      if (e.kind === 'queued') say(`queued    ${e.file} (${e.id})`);
      else if (e.kind === 'duplicate') say(`duplicate ${e.file}: same content as ${e.of}; not processed again (moved to processed/)`);
      else say(`error     ${e.file}: ${e.message}`);
    },
  });
  await inboxService.ready;
  say(`watching ${inbox} → ${outDir} (Redis: ${target.describe}; ${pool ? 'workers in this process' : 'no workers here: start plan-ingest worker'})`);
  await onShutdown(async () => {
    await inboxService.close();
    await pool?.close(o.graceS * 1000);
    await events.close();
    await queues.close();
    await registry.close();
    await target.close();
  });
}
