import { closeWithin, createLogger, defaultDataDir, onShutdown } from '../core/index.js';
import { connectRedisTarget, type RedisTarget } from './redis-connection.js';
import { startWorkerPool, type QueueName, type WorkerPool } from './worker-pool.js';

/** Seconds running jobs get to finish on SIGTERM, unless PLAN_INGEST_GRACE_S says otherwise. */
export const DEFAULT_GRACE_S = 30;

/**
 * Runs a started worker pool until SIGINT/SIGTERM: says it is ready once its
 * workers are, then on a signal lets running jobs finish for `graceS`
 * seconds (a job still running then is handed back to the queue), closes
 * Redis and exits, as `watch` does (a second signal quits at once; a stop
 * that hangs exits with SERVICE_EXIT.stopTimedOut). Shared by `plan-ingest
 * worker` and the per-queue entries in workers/, so both stop the same way.
 */
export async function runWorkerPool(target: RedisTarget, pool: WorkerPool, graceS: number): Promise<never> {
  // the signal handlers first: a SIGTERM while the workers connect stops them as gently as one after
  const stopped = onShutdown(
    async () => {
      await closeWithin(graceS * 1000 + 1000, () => pool.close(graceS * 1000), () => {});
      await target.close();
    },
    { graceMs: graceS * 1000 },
  );
  await Promise.all(pool.workers.map((w) => w.waitUntilReady()));
  process.stdout.write(`worker ready (Redis: ${target.describe}; pid ${process.pid})\n`);
  return stopped;
}

/**
 * One queue's worker from the environment alone (REDIS_URL,
 * PLAN_INGEST_DATA_DIR, PLAN_INGEST_GRACE_S): what workers/*.ts run.
 */
export async function runQueueEntry(queue: QueueName, name: string): Promise<never> {
  const grace = Number(process.env.PLAN_INGEST_GRACE_S);
  const target = await connectRedisTarget(defaultDataDir());
  const pool = startWorkerPool(target, { queues: [queue], log: createLogger(name) });
  return runWorkerPool(target, pool, Number.isFinite(grace) && grace >= 0 ? grace : DEFAULT_GRACE_S);
}
