import { Redis, type RedisOptions } from 'ioredis';

/**
 * Why Redis does not answer PING within `timeoutMs` (a short reason:
 * "ECONNREFUSED", "NOAUTH Authentication required."), or null when it
 * does. One connection of its own that never retries, so the answer comes
 * in time whatever the service's own connections (which retry forever) do.
 */
export async function redisProblem(options: RedisOptions, timeoutMs = 3000): Promise<string | null> {
  const client = new Redis({ ...options, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false, connectTimeout: timeoutMs, reconnectOnError: () => false });
  let lastError: string | null = null;
  client.on('error', (e: NodeJS.ErrnoException) => (lastError = e.code ?? e.message));
  const timeout = new Promise<string>((ok) => setTimeout(() => ok(`no answer within ${Math.round(timeoutMs / 1000)} s`), timeoutMs).unref());
  const ping = (async () => {
    try {
      await client.connect();
      return (await client.ping()) === 'PONG' ? null : 'unexpected answer to PING';
    } catch (e) {
      return lastError ?? (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
  })();
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    client.disconnect();
  }
}
