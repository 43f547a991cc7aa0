import { createServer, type Server } from 'node:http';
import type { HealthReport } from '../../schemas/index.js';
import { ServiceStartError } from '../core/index.js';

/**
 * A small HTTP endpoint for a service that has no web server of its own
 * (`watch --health-port`): GET /health answers the health report as JSON,
 * 200 when ok and 503 when degraded, for a supervisor or a load balancer.
 * Anything else is 404. Binds to `host` (127.0.0.1 by default).
 */
export async function startHealthEndpoint(port: number, report: () => Promise<HealthReport>, host = '127.0.0.1'): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url !== '/health' && req.url !== '/api/health')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"no such route"}');
      return;
    }
    void report().then(
      (health) => res.writeHead(health.status === 'ok' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(health)),
      () => res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"internal error"}'),
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'EADDRINUSE' ? new ServiceStartError('listen', `port ${port} is in use: choose another with --health-port`) : new ServiceStartError('listen', `cannot listen on ${host}:${port} (--health-port): ${e.code ?? e.message}`)),
    );
    server.listen(port, host, () => ok());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${bound}/health`,
    close: async () => {
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
    },
  };
}
