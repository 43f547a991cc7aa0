import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComponentHealth } from '../../schemas/index.js';
import type { PlanQueues } from './queues.js';

const NOT_HERE: ComponentHealth = { status: 'not running here' };

/**
 * The output folder: up when a file can be written in it (a real write:
 * permission bits say yes to root on a read-only mount), down with why not.
 */
export async function outputHealth(outDir: string): Promise<ComponentHealth> {
  const probe = join(outDir, `.plan-ingest-health-${process.pid}`);
  try {
    await writeFile(probe, '');
    await rm(probe, { force: true });
    return { status: 'up', detail: outDir };
  } catch (e) {
    return { status: 'down', detail: `${outDir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

/**
 * Redis as the queues see it (PING within a second), and the workers
 * connected to them (BullMQ names its worker connections; CLIENT LIST may be
 * refused by a managed Redis, and then the count is left out). `workersHere`:
 * how many workers this process runs (null: it runs none).
 */
export async function queueHealth(queues: PlanQueues | null, describe: string, workersHere: { running: number; total: number } | null): Promise<{ redis: ComponentHealth; workers: ComponentHealth }> {
  if (!queues) return { redis: NOT_HERE, workers: workersHere ? workerStatus(workersHere, undefined) : NOT_HERE };
  const up = await withinSecond(queues.documents.client.then((c) => (c as unknown as { ping: () => Promise<string> }).ping()).then((r) => r === 'PONG'));
  const redis: ComponentHealth = up ? { status: 'up', detail: describe } : { status: 'down', detail: `${describe} does not answer` };
  const connected = up ? await withinSecond(Promise.all([queues.documents.getWorkersCount(), queues.pages.getWorkersCount()]).then(([d, p]) => d + p)) : undefined;
  const count = typeof connected === 'number' ? connected : undefined;
  return { redis, workers: workersHere ? workerStatus(workersHere, count) : { ...NOT_HERE, ...(count !== undefined ? { connected: count } : {}) } };
}

function workerStatus(here: { running: number; total: number }, connected: number | undefined): ComponentHealth {
  const base: ComponentHealth = here.running === here.total ? { status: 'up', detail: `${here.total} worker(s) in this process` } : { status: 'down', detail: `${here.total - here.running} of ${here.total} worker(s) in this process stopped` };
  return connected !== undefined ? { ...base, connected } : base;
}

/** The answer, or false/undefined when it takes more than a second or fails. */
async function withinSecond<T>(p: Promise<T>): Promise<T | false> {
  const timeout = new Promise<false>((ok) => setTimeout(() => ok(false), 1000).unref());
  return Promise.race([p.catch(() => false as const), timeout]);
}

export { NOT_HERE };
