import { stat } from 'node:fs/promises';
import { overallStatus, ProcessingOptions, type ComponentHealth, type HealthReport, type Limits } from '../../schemas/index.js';
import { closeWithin, createLogger, defaultDataDir, exitOnStartError, onShutdown } from '../core/index.js';
import { ContentRegistry, DEFAULT_PREFIX, loadJobKey, NOT_HERE, openQueues, outputHealth, queueHealth, startInbox, startWorkerPool, type RedisTarget } from '../queue/index.js';
import type { OcrModel } from '../ocr/index.js';
import { startHealthEndpoint } from './health-endpoint.js';
import { reportQueue } from './queue-reporter.js';
import { requireFolder } from './service-folders.js';
import { connectServiceRedis } from './service-redis.js';

export interface WatchOptions {
  out: string;
  ocr: boolean;
  restore: boolean;
  ocrDpi: number;
  maxSizeMb: number;
  /** The other resource limits (schemas/limits.ts), carried by each job. */
  limits: Limits;
  /** Run workers in this process too (default true); false: only queue, other `plan-ingest worker`s process. */
  workers: boolean;
  /** OCR page jobs at once here (default: cores). */
  concurrency?: number;
  /** Document jobs at once here (default 2). */
  documentConcurrency?: number;
  ocrEngine: 'tesseract.js' | 'native';
  /** tesseract.js's model: best or fast. */
  ocrModel?: OcrModel;
  /** How long a file must keep its size before it is taken (ms). */
  stableMs: number;
  /** Seconds running jobs get to finish on SIGTERM. */
  graceS: number;
  /** Serve GET /health on this port of 127.0.0.1 (0: any free port). Default: no endpoint. */
  healthPort?: number;
}

/**
 * `plan-ingest watch <inbox> --out DIR`: the service for clerks. Redis from
 * REDIS_URL or an embedded redis-server; files dropped into the inbox are
 * queued and processed by this process's workers (and any `plan-ingest
 * worker` on the same Redis); runs until SIGINT/SIGTERM.
 */
export async function watchCommand(inboxArg: string, o: WatchOptions): Promise<void> {
  const log = createLogger('watch');
  const prefix = DEFAULT_PREFIX;
  let inbox: string, outDir: string, dataDir: string, target: RedisTarget;
  try {
    // a mistyped inbox must not become a new empty folder nobody drops files into; the output folder is made
    inbox = await requireFolder(inboxArg, { what: 'the inbox' });
    outDir = await requireFolder(o.out, { what: 'the output folder (--out)', create: true });
    dataDir = await requireFolder(defaultDataDir(), { what: 'the data folder (PLAN_INGEST_DATA_DIR)', create: true });
    target = await connectServiceRedis(dataDir);
  } catch (error) {
    exitOnStartError(error);
  }
  const queues = openQueues(target, prefix, loadJobKey(dataDir));
  const registry = new ContentRegistry(target, prefix);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const events = reportQueue(target, prefix, queues, say);
  const pool = o.workers ? startWorkerPool(target, { prefix, pageConcurrency: o.concurrency, documentConcurrency: o.documentConcurrency, ocrEngine: o.ocrEngine, ocrModel: o.ocrModel, log }) : null;
  const options = ProcessingOptions.parse({ ocr: o.ocr, restore: o.restore, ocrDpi: o.ocrDpi, maxBytes: o.maxSizeMb * 1024 * 1024, limits: o.limits });
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
      else if (e.kind === 'refused') say(`refused   ${e.file}: ${e.reason}${e.moved ? ' (moved to failed/)' : ''}`);
      else if (e.kind === 'duplicate') say(`duplicate ${e.file}: same content as ${e.of}; not processed again (moved to processed/)`);
      else say(`error     ${e.file}: ${e.message}`);
    },
  });
  await inboxService.ready;
  let watching = true;
  const health = async (): Promise<HealthReport> => {
    const here = pool ? { running: pool.workers.filter((w) => w.isRunning()).length, total: pool.workers.length } : null;
    const [{ redis, workers }, output, inboxThere] = await Promise.all([queueHealth(queues, target.describe, here), outputHealth(outDir), isFolder(inbox)]);
    const watcher: ComponentHealth = !watching ? { status: 'down', detail: 'stopping' } : inboxThere ? { status: 'up', detail: inbox } : { status: 'down', detail: `${inbox} is gone` };
    const components = { server: NOT_HERE, redis, workers, watcher, output };
    return { status: overallStatus(components), components };
  };
  const graceMs = o.graceS * 1000;
  const stop = async () => {
    // the order matters: no new files, then running jobs finish (or go back to the queue), then Redis
    watching = false;
    await inboxService.close();
    // bounded: past the grace, a job still running is left to be retried (its lock expires), and an
    // OCR engine still starting up or a worker waiting on a Redis that is gone must not hold the exit
    if (pool) await closeWithin(graceMs + 1000, () => pool.close(graceMs), () => {});
    await closeWithin(2000, () => events.close(), () => events.disconnect());
    await closeWithin(2000, queues.close, () => Promise.all([queues.documents.disconnect(), queues.pages.disconnect()]));
    await registry.close();
    await target.close();
  };
  let endpoint: Awaited<ReturnType<typeof startHealthEndpoint>> | null = null;
  if (o.healthPort !== undefined) {
    try {
      endpoint = await startHealthEndpoint(o.healthPort, health);
    } catch (error) {
      await stop();
      exitOnStartError(error);
    }
  }
  say(`watching ${inbox} → ${outDir} (Redis: ${target.describe}; ${pool ? 'workers in this process' : 'no workers here: start plan-ingest worker'}${endpoint ? `; health: ${endpoint.url}` : ''})`);
  await onShutdown(
    async () => {
      await stop();
      await endpoint?.close();
    },
    { graceMs },
  );
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
