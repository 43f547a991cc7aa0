import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../core/index.js';
import { DEFAULT_PREFIX, connectRedisTarget, openQueues, type PlanQueues, type RedisTarget } from '../queue/index.js';
import { startServer, type DashboardMode } from '../review/index.js';
import { onShutdown } from './service-lifecycle.js';

export interface ServeCommandOptions {
  out: string;
  port: number;
  host: string;
  /** --dashboard: the queue dashboard for admins, read-only; --dashboard-actions lets them retry, clean, pause. */
  dashboard: DashboardMode;
  allowHost: string[];
  /** --public-read: reads need no session or token (edits still do). Default false. */
  publicRead: boolean;
}

/**
 * `plan-ingest serve --out DIR [--port P]`: the API (and review page) over an
 * output folder. With --dashboard, the queue dashboard (admins only) shows
 * the queue when one is there: REDIS_URL, or the embedded redis-server of
 * `watch` on this machine; serve never starts Redis itself.
 */
export async function serveCommand(o: ServeCommandOptions): Promise<void> {
  let target: RedisTarget | null = null;
  let queues: PlanQueues | null = null;
  if (o.dashboard !== 'off' && (process.env.REDIS_URL || existsSync(join(defaultDataDir(), 'redis', 'redis.sock')))) {
    target = await connectRedisTarget(defaultDataDir());
    queues = openQueues(target, DEFAULT_PREFIX);
  }
  const server = await startServer({ outDir: o.out, port: o.port, host: o.host, queues, dashboard: o.dashboard, allowedHosts: o.allowHost, publicRead: o.publicRead });
  process.stdout.write(`serving ${o.out} at ${server.url} (API: ${server.url}/api/documents${queues && o.dashboard !== 'off' ? `, queues (admins): ${server.url}/admin/queues` : ''}; reads ${o.publicRead ? 'open to anyone' : 'need a sign-in or an API token'})\n`);
  await onShutdown(async () => {
    await server.close();
    await queues?.close();
    await target?.close();
  });
}
