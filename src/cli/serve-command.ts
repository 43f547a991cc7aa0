import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { closeWithin, defaultDataDir, exitOnStartError, onShutdown, ServiceStartError } from '../core/index.js';
import { DEFAULT_PREFIX, connectRedisTarget, openQueues, type PlanQueues, type RedisTarget } from '../queue/index.js';
import { startServer, type DashboardMode } from '../review/index.js';
import { requireFolder } from './service-folders.js';

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

/** What serve gives in-flight requests and Redis connections when it stops (it runs no jobs). */
const SERVE_GRACE_MS = 5000;

/**
 * `plan-ingest serve --out DIR [--port P]`: the API (and review page) over an
 * output folder. With --dashboard, the queue dashboard (admins only) shows
 * the queue when one is there: REDIS_URL, or the embedded redis-server of
 * `watch` on this machine; serve never starts Redis itself. A folder that is
 * not there or not writable (reviewers' edits are written into it), or a
 * port in use, ends it at once with one line and its own exit code.
 */
export async function serveCommand(o: ServeCommandOptions): Promise<void> {
  let target: RedisTarget | null = null;
  let queues: PlanQueues | null = null;
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    const outDir = await requireFolder(o.out, { what: 'the output folder (--out)' });
    const dataDir = await requireFolder(defaultDataDir(), { what: 'the data folder (PLAN_INGEST_DATA_DIR)', create: true });
    const socket = join(dataDir, 'redis', 'redis.sock');
    if (o.dashboard !== 'off' && (process.env.REDIS_URL || existsSync(socket))) {
      // the socket as a URL: joined when watch's server answers, never started from here
      target = await connectRedisTarget(dataDir, process.env.REDIS_URL || `unix://${socket}`);
      queues = openQueues(target, DEFAULT_PREFIX);
    }
    server = await startServer({ outDir, port: o.port, host: o.host, queues, queueDescription: target?.describe, dashboard: o.dashboard, allowedHosts: o.allowHost, publicRead: o.publicRead }).catch((e: NodeJS.ErrnoException) => {
      throw listenError(e, o);
    });
  } catch (error) {
    if (queues) await closeQueues(queues);
    await target?.close();
    exitOnStartError(error);
  }
  process.stdout.write(`serving ${o.out} at ${server.url} (API: ${server.url}/api/documents${queues && o.dashboard !== 'off' ? `, queues (admins): ${server.url}/admin/queues` : ''}; reads ${o.publicRead ? 'open to anyone' : 'need a sign-in or an API token'})\n`);
  await onShutdown(
    async () => {
      await server.close();
      if (queues) await closeQueues(queues);
      await target?.close();
    },
    { graceMs: SERVE_GRACE_MS },
  );
}

/** The queues' connections, dropped when their Redis does not answer (it went away with `watch`). */
async function closeQueues(queues: PlanQueues): Promise<void> {
  await closeWithin(2000, queues.close, () => Promise.all([queues.documents.disconnect(), queues.pages.disconnect()]));
}

/** A listen failure said as what to do about it. */
function listenError(e: NodeJS.ErrnoException, o: ServeCommandOptions): Error {
  if (e?.code === 'EADDRINUSE') return new ServiceStartError('listen', `port ${o.port} is in use: choose another with --port`);
  if (e?.code === 'EACCES') return new ServiceStartError('listen', `port ${o.port} needs more rights than this user has (ports below 1024 do): choose another with --port`);
  if (e?.code === 'EADDRNOTAVAIL' || e?.code === 'ENOTFOUND') return new ServiceStartError('listen', `--host ${o.host} is not an address of this machine`);
  return e;
}
