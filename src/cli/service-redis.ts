import { connectRedisTarget, redisProblem, type RedisTarget } from '../queue/index.js';
import { ServiceStartError } from '../core/index.js';

/**
 * Redis for a service, checked before anything uses it: the embedded
 * redis-server started (or joined), or REDIS_URL answering. Without the
 * check, a wrong REDIS_URL gave a service that said it was watching while
 * every connection retried in silence.
 */
export async function connectServiceRedis(dataDir: string, url = process.env.REDIS_URL): Promise<RedisTarget> {
  let target: RedisTarget;
  try {
    target = await connectRedisTarget(dataDir, url || undefined);
  } catch (e) {
    throw new ServiceStartError('redis', (e as Error)?.message ?? String(e));
  }
  const problem = await redisProblem(target.options, 5000);
  if (problem) {
    await target.close();
    throw new ServiceStartError('redis', `cannot reach Redis at ${target.describe}: ${problem}`);
  }
  return target;
}
