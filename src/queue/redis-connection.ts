import { join } from 'node:path';
import type { RedisOptions } from 'ioredis';
import { startEmbeddedRedis } from './embedded-redis.js';

/** How to reach Redis, and whether this process must stop a server it started. */
export interface RedisTarget {
  /** ioredis options for every connection (BullMQ opens several). */
  options: RedisOptions;
  /** For messages: the URL or socket. */
  describe: string;
  /** Stops the embedded server when this process started it; otherwise does nothing. */
  close: () => Promise<void>;
}

/**
 * REDIS_URL (or `url`) when given; otherwise the embedded default: a
 * `redis-server` on a unix socket in `<dataDir>/redis`, started when not
 * already running. Connections retry forever with a capped backoff, so a
 * Redis restart pauses the work instead of failing it.
 */
export async function connectRedisTarget(dataDir: string, url = process.env.REDIS_URL): Promise<RedisTarget> {
  const base: RedisOptions = {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
  if (url) {
    const parsed = new URL(url);
    const options: RedisOptions = {
      ...base,
      host: parsed.hostname || '127.0.0.1',
      port: parsed.port ? Number(parsed.port) : 6379,
      username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
      tls: parsed.protocol === 'rediss:' ? {} : undefined,
    };
    if (parsed.protocol === 'unix:' || parsed.protocol === 'redis+unix:') return { options: { ...base, path: parsed.pathname }, describe: url, close: async () => {} };
    return { options, describe: url.replace(/:[^:@/]*@/, ':***@'), close: async () => {} };
  }
  const embedded = await startEmbeddedRedis(join(dataDir, 'redis'));
  return { options: { ...base, path: embedded.socket }, describe: `embedded redis-server at ${embedded.socket}`, close: embedded.stop ?? (async () => {}) };
}
