import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedRedis } from '../../src/queue/index.js';

/** Whether the Debian redis-server is installed (.ci/run installs it; elsewhere Redis tests say they were skipped). */
export const haveRedis = spawnSync('redis-server', ['--version']).status === 0;
/** In CI the Redis tests must run: a missing server is a failure there, not a skip. */
export const runRedisTests = haveRedis || Boolean(process.env.CI);

/** A real redis-server of the test's own, on a unix socket in a temp dir, with AOF so it can be restarted with its data. */
export async function startTestRedis(): Promise<{ url: string; dir: string; stop: () => Promise<void>; restart: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pi-redis-'));
  let server = await startEmbeddedRedis(dir);
  return {
    dir,
    url: `unix://${server.socket}`,
    stop: async () => server.stop?.(),
    restart: async () => {
      server = await startEmbeddedRedis(dir);
    },
  };
}

/** A queue prefix of the test's own, so tests never see each other's jobs. */
export const uniquePrefix = (name: string): string => `pi-test-${name}-${process.pid}-${Date.now().toString(36)}`;
