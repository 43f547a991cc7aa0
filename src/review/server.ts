import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type Express } from 'express';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import type { PlanQueues } from '../queue/index.js';
import { apiRoutes } from './api-routes.js';
import { DocumentIndex } from './document-index.js';

export interface ServeOptions {
  /** The output folder of `ingest` or `watch`. */
  outDir: string;
  /** Default 127.0.0.1: reviewers' data stays on the machine unless asked. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** The queue, for the dashboard at /admin/queues; null serves the folder alone. */
  queues?: PlanQueues | null;
}

/** The HTTP server: the API under /api, the queue dashboard under /admin/queues. */
export function createApp(o: ServeOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'X-Frame-Options': 'DENY' });
    next();
  });
  const index = new DocumentIndex(resolve(o.outDir));
  const queues = o.queues ?? null;
  app.use('/api', apiRoutes({ index, queueUp: async () => (queues ? pingQueue(queues) : null) }));
  if (queues) {
    const board = new ExpressAdapter();
    board.setBasePath('/admin/queues');
    createBullBoard({ queues: [new BullMQAdapter(queues.documents), new BullMQAdapter(queues.pages)], serverAdapter: board });
    app.use('/admin/queues', board.getRouter());
  } else {
    app.use('/admin/queues', (_req, res) => void res.status(503).type('text/plain').send('No queue: start `plan-ingest watch` (or set REDIS_URL) and serve again.'));
  }
  return app;
}

/** Starts listening; resolves once the port is bound. */
export async function startServer(o: ServeOptions): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const app = createApp(o);
  const host = o.host ?? '127.0.0.1';
  const server = await new Promise<Server>((ok, fail) => {
    const s = app.listen(o.port ?? 8080, host, (error?: Error) => (error ? fail(error) : ok(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  return {
    server,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Whether the queue's Redis answers within a second. */
async function pingQueue(queues: PlanQueues): Promise<boolean> {
  const timeout = new Promise<boolean>((ok) => setTimeout(() => ok(false), 1000).unref());
  const ping = queues.documents.client.then((c) => (c as unknown as { ping: () => Promise<string> }).ping()).then(
    (r) => r === 'PONG',
    () => false,
  );
  return Promise.race([ping, timeout]);
}
