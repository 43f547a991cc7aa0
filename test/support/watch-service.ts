import { afterAll, beforeAll, expect } from 'vitest';
import { startCli, type CliProcess } from './cli-process.js';
import { makeDirs } from './inbox.js';
import { startTestRedis, uniquePrefix } from './redis.js';

export interface WatchService {
  dirs: ReturnType<typeof makeDirs>;
  prefix: string;
  /** The redis-server and the `watch` process, there once the suite's beforeAll has run. */
  redis: Awaited<ReturnType<typeof startTestRedis>>;
  watch: CliProcess;
}

/**
 * `plan-ingest watch` as a clerk runs it, over fresh folders and a real
 * redis-server: started before the suite's tests, stopped after them with
 * SIGTERM, which must be a clean stop (exit 0).
 */
export function useWatchService(name: string): WatchService {
  const service = { dirs: makeDirs(name), prefix: uniquePrefix(name) } as WatchService;
  beforeAll(async () => {
    service.redis = await startTestRedis();
    service.watch = startCli(['watch', service.dirs.inbox, '--out', service.dirs.out, '--stable-ms', '300', '--concurrency', '1'], {
      REDIS_URL: service.redis.url,
      PLAN_INGEST_QUEUE_PREFIX: service.prefix,
      PLAN_INGEST_DATA_DIR: service.dirs.data,
    });
    await service.watch.waitFor(/watching /);
  });
  afterAll(async () => {
    expect(await service.watch?.stop()).toBe(0);
    await service.redis?.stop();
  });
  return service;
}
