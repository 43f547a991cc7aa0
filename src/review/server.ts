import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type Express } from 'express';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { NOT_HERE, outputHealth, queueHealth, type PlanQueues } from '../queue/index.js';
import { overallStatus, type HealthReport } from '../../schemas/index.js';
import { isIP } from 'node:net';
import { createLogger, defaultDataDir, keepPrivate } from '../core/index.js';
import { checkOrigin, identify, requireAdmin, requireApiAccess } from './access-control.js';
import { ApiTokens } from './api-tokens.js';
import { apiRoutes } from './api-routes.js';
import { mountPageAssets } from './page-assets.js';
import { DocumentIndex } from './document-index.js';
import { PageImages } from './page-images.js';
import { ReviewStore } from './review-store.js';
import { reviewRoutes } from './review-routes.js';
import { ReviewerAccounts } from './reviewer-accounts.js';
import { Sessions } from './sessions.js';

export interface ServeOptions {
  /** The output folder of `ingest` or `watch`. */
  outDir: string;
  /** Default 127.0.0.1: reviewers' data stays on the machine unless asked. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** The data dir (agency registry and its learned aliases, API tokens). Default: PLAN_INGEST_DATA_DIR or ~/.cache/plan-ingest. */
  dataDir?: string;
  /** The queue, for the dashboard at /admin/queues; null serves the folder alone. */
  queues?: PlanQueues | null;
  /** Where the queue's Redis is, for /api/health ("embedded redis-server at …"). Default "Redis". */
  queueDescription?: string;
  /**
   * The queue dashboard at /admin/queues, for signed-in admins only: "off"
   * (default), "read-only", or "actions" (retry, clean, pause …).
   */
  dashboard?: DashboardMode;
  /** Host names besides the loopback ones and IP literals that requests may name (DNS rebinding guard). */
  allowedHosts?: readonly string[];
  /**
   * Reads (document list, documents, page images, corrections trail,
   * exports, change feed) without a session or token. Default false: every
   * read needs a signed-in reviewer or an API token. Edits always need one.
   */
  publicRead?: boolean;
}

export type DashboardMode = 'off' | 'read-only' | 'actions';

const log = createLogger('serve');

/** No inline script or style anywhere: text from PDFs can never run, even if it slipped past escaping. */
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
/**
 * bull-board's UI sets inline styles (React) and a <base> of its own path;
 * its scripts are files, so inline scripts stay forbidden there too (its
 * web fonts are not fetched: nothing leaves the machine).
 */
const DASHBOARD_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("base-uri 'none'", "base-uri 'self'");

/** The app and what it holds (so tests and the CLI can flush pending writes). */
export interface ReviewApp {
  app: Express;
  store: ReviewStore;
  images: PageImages;
  /** The files holding secrets, made 0600 by {@link startServer} when they are more open. */
  secretFiles: string[];
}

/** The HTTP server: the API under /api, the review page at /, the queue dashboard under /admin/queues. */
export function createApp(o: ServeOptions): ReviewApp {
  const app = express();
  app.disable('x-powered-by');
  app.use(allowHosts(o.allowedHosts ?? []));
  app.use((req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'X-Frame-Options': 'DENY', 'Content-Security-Policy': req.path.startsWith('/admin/queues') ? DASHBOARD_CSP : CSP });
    next();
  });
  const outDir = resolve(o.outDir);
  const dataDir = o.dataDir ?? defaultDataDir();
  const index = new DocumentIndex(outDir);
  const store = new ReviewStore(index, dataDir);
  const queues = o.queues ?? null;
  const images = new PageImages(outDir);
  const sessions = new Sessions();
  const accounts = new ReviewerAccounts(outDir);
  const tokens = new ApiTokens(dataDir);
  // who asks, before any route: every read and write of the API is checked here, not route by route
  app.use(checkOrigin(o.allowedHosts ?? []));
  app.use(['/api', '/admin'], identify(sessions, tokens));
  app.use('/api', requireApiAccess(o.publicRead ?? false));
  app.use('/api', apiRoutes({ index, store, health: () => serverHealth(outDir, queues, o.queueDescription ?? 'Redis') }));
  app.use('/api', reviewRoutes({ store, accounts, sessions, images, publicRead: o.publicRead ?? false }));
  app.use('/api', (_req, res) => void res.status(404).json({ error: 'no such route' }));
  const page = mountPageAssets(app);
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.get('/', page);
  app.get('/documents/:id', page);
  mountDashboard(app, queues, o.dashboard ?? 'off');
  // last: a generic answer for anything that went wrong, never a stack trace or install paths
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const given = (error as { status?: unknown })?.status;
    const status = typeof given === 'number' && given >= 400 && given < 600 ? given : 500;
    if (status >= 500) log.error({ err: error, method: req.method, path: req.path }, 'request failed');
    else log.info({ err: error, method: req.method, path: req.path }, 'bad request');
    if (!res.headersSent) res.status(status).json({ error: status >= 500 ? 'internal error' : 'bad request' });
    else res.end();
  });
  return { app, store, images, secretFiles: [accounts.path, tokens.path, join(dataDir, 'job-key')] };
}

/** The queue dashboard: off unless asked for, and then for signed-in admins only. */
function mountDashboard(app: Express, queues: PlanQueues | null, mode: DashboardMode): void {
  if (mode === 'off') {
    app.use('/admin/queues', (_req, res) => void res.status(404).type('text/plain').send('The queue dashboard is off: serve --dashboard turns it on (for admins).'));
    return;
  }
  app.use('/admin/queues', requireAdmin());
  if (!queues) {
    app.use('/admin/queues', (_req, res) => void res.status(503).type('text/plain').send('No queue: start `plan-ingest watch` (or set REDIS_URL) and serve again.'));
    return;
  }
  const board = new ExpressAdapter();
  board.setBasePath('/admin/queues');
  const readOnlyMode = mode !== 'actions';
  createBullBoard({ queues: [new BullMQAdapter(queues.documents, { readOnlyMode }), new BullMQAdapter(queues.pages, { readOnlyMode })], serverAdapter: board });
  app.use('/admin/queues', board.getRouter());
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Refuses requests whose Host names another site: a page on a domain that
 * re-points its name at 127.0.0.1 (DNS rebinding) would otherwise reach us
 * as same-origin. IP literals cannot be rebound and pass; names must be
 * loopback ones (localhost, *.localhost) or allowed with --allow-host.
 */
function allowHosts(extra: readonly string[]) {
  const allowed = new Set([...LOOPBACK_NAMES, ...extra.map((h) => h.toLowerCase())]);
  return (req: express.Request, res: express.Response, next: express.NextFunction): void => {
    const host = (req.get('host') ?? '').toLowerCase().replace(/:\d+$/, '');
    if (allowed.has(host) || host.endsWith('.localhost') || isIP(host.replace(/^\[|\]$/g, '')) !== 0) return next();
    res.status(421).type('text/plain').send(`Host "${host.slice(0, 100)}" is not served here (serve --allow-host ${host.slice(0, 100)} allows it).`);
  };
}

/** Starts listening; resolves once the port is bound. */
export async function startServer(o: ServeOptions): Promise<{ server: Server; url: string; store: ReviewStore; close: () => Promise<void> }> {
  const { app, store, images, secretFiles } = createApp(o);
  for (const path of secretFiles) {
    const was = await keepPrivate(path);
    if (was !== null) log.warn({ path, mode: was.toString(8) }, 'a secret file was readable by others: made it 0600');
  }
  const host = o.host ?? '127.0.0.1';
  const server = await new Promise<Server>((ok, fail) => {
    const s = app.listen(o.port ?? 8080, host, (error?: Error) => (error ? fail(error) : ok(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  return {
    server,
    store,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: async () => {
      // no new connections; idle keep-alive ones dropped now, busy ones once their answer is out (2 s at most)
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), 2000);
      await closed;
      clearTimeout(cut);
      // after the last request: an edit that came in while stopping is written too
      await store.flush();
      await images.close();
    },
  };
}

/**
 * The server's health: the server itself and the output folder are its own
 * parts; Redis only when it shows the queue dashboard; workers and the
 * watcher run elsewhere (`watch`, `worker`), so they are "not running here"
 * rather than down (the workers connected to the queue are counted when the
 * queue is known).
 */
async function serverHealth(outDir: string, queues: PlanQueues | null, describe: string): Promise<HealthReport> {
  const [output, { redis, workers }] = await Promise.all([outputHealth(outDir), queueHealth(queues, describe, null)]);
  const components = { server: { status: 'up' as const }, redis, workers, watcher: NOT_HERE, output };
  return { status: overallStatus(components), components };
}
