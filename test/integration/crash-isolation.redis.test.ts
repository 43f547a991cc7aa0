import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, type CliProcess } from '../support/cli-process.js';
import { claimingPng } from '../support/claiming-png.js';
import { finished, list, makeDirs, waitForFeed } from '../support/inbox.js';
import { runRedisTests, startTestRedis, uniquePrefix } from '../support/redis.js';
import { runCli } from '../support/run-cli.js';

const PLAN = 'Số: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ chuyển đổi số năm 2026.\n';

/** A crashing decoder and a dying Redis under `watch`: the service stays up, nothing is lost or stuck. */
describe.runIf(runRedisTests)('crash isolation under watch (real Redis, real workers)', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
  });
  const track = (p: CliProcess): CliProcess => {
    // SIGTERM first: a watch that started its own redis-server stops it
    cleanups.push(async () => (await Promise.race([p.stop('SIGTERM'), new Promise((r) => setTimeout(r, 20_000))])) ?? p.stop('SIGKILL'));
    return p;
  };

  it('a PNG that crashes the decoder ends in failed/ with the crash as its reason and a feed line, the service goes on, and submit --reprocess queues it again', async () => {
    const redis = await startTestRedis();
    cleanups.push(redis.stop);
    const dirs = makeDirs('crash-png');
    const env = { REDIS_URL: redis.url, PLAN_INGEST_QUEUE_PREFIX: uniquePrefix('crash-png'), PLAN_INGEST_DATA_DIR: dirs.data };
    // the pixel limit is raised so that the 65535 × 65535 claim reaches the decoder (it aborts Skia: SIGILL)
    const watch = track(startCli(['watch', dirs.inbox, '--out', dirs.out, '--stable-ms', '300', '--concurrency', '1', '--max-pixels', '5000'], env));
    await watch.waitFor(/watching /, 120_000);
    writeFileSync(join(dirs.inbox, 'bomb.png'), claimingPng(65535, 65535));
    writeFileSync(join(dirs.inbox, 'kế hoạch.txt'), PLAN);

    const feed = await waitForFeed(dirs.out, (es) => finished(es, 'bomb.png').length > 0 && finished(es, 'kế hoạch.txt').length > 0, 120_000);
    const failed = finished(feed, 'bomb.png');
    expect(failed).toEqual([expect.objectContaining({ status: 'failed', reason: expect.stringMatching(/^image decoder crashed \(SIG[A-Z]+\) on page 1 \(2 attempt\(s\)\)$/u) })]);
    expect(finished(feed, 'kế hoạch.txt')).toEqual([expect.objectContaining({ status: 'ok' })]);
    expect(list(join(dirs.inbox, 'failed'))).toEqual(['bomb.png', 'bomb.png.reason.txt']);
    expect(readFileSync(join(dirs.inbox, 'failed', 'bomb.png.reason.txt'), 'utf8')).toBe(`${failed[0]!.reason}\n`);
    expect(list(join(dirs.inbox, 'processing'))).toEqual([]);
    expect(watch.child.exitCode).toBeNull();
    await watch.waitFor(/failed +bomb\.png: image decoder crashed/);

    // after a fix, the same content can be processed again
    const again = await runCli(['submit', join(dirs.inbox, 'failed', 'bomb.png'), '--out', dirs.out, '--reprocess', '--max-pixels', '5000'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^queued +bomb\.png \(doc-[0-9a-f]+, job doc-[0-9a-f]+-[0-9a-z]+\)$/mu);
    const second = await waitForFeed(dirs.out, (es) => finished(es, 'bomb.png').length > 1, 60_000);
    expect(finished(second, 'bomb.png').map((e) => e.status)).toEqual(['failed', 'failed']);
    expect(new Set(finished(second, 'bomb.png').map((e) => e.job)).size).toBe(2);
    expect(watch.child.exitCode).toBeNull();
  }, 300_000);

  it('restarts the embedded redis-server it started when it dies, and files dropped afterwards are processed', async () => {
    const dirs = makeDirs('redis-dies');
    const env = { REDIS_URL: '', PLAN_INGEST_QUEUE_PREFIX: uniquePrefix('redis-dies'), PLAN_INGEST_DATA_DIR: dirs.data };
    const watch = track(startCli(['watch', dirs.inbox, '--out', dirs.out, '--stable-ms', '300', '--concurrency', '1', '--no-ocr'], env));
    await watch.waitFor(/watching .*embedded redis-server/, 120_000);
    const socket = join(dirs.data, 'redis', 'redis.sock');
    // should the watch die before it can stop its server (a failed start), no redis-server is left behind
    cleanups.unshift(async () => process.kill(await serverPid(), 'SIGKILL'));
    const serverPid = async (): Promise<number> => {
      const client = new Redis({ path: socket, maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
      client.on('error', () => {});
      await client.connect();
      try {
        return Number(/process_id:(\d+)/u.exec(await client.info('server'))![1]);
      } finally {
        client.disconnect();
      }
    };
    const first = await serverPid();
    process.kill(first, 'SIGKILL');
    await watch.waitFor(/embedded redis-server exited \(SIGKILL\); restarting in 1 s/);
    await watch.waitFor(/embedded redis-server restarted \(pid \d+\)/);
    const second = await serverPid();
    expect(second).not.toBe(first);

    writeFileSync(join(dirs.inbox, 'kế hoạch.txt'), PLAN);
    const feed = await waitForFeed(dirs.out, (es) => finished(es, 'kế hoạch.txt').length > 0, 90_000);
    expect(finished(feed, 'kế hoạch.txt')).toEqual([expect.objectContaining({ status: 'ok', version: 1 })]);
    expect(existsSync(join(dirs.out, 'kế hoạch.json'))).toBe(true);
    expect(list(join(dirs.inbox, 'processed'))).toEqual(['kế hoạch.txt']);
    // a clean stop stops the restarted server too
    expect(await watch.stop('SIGTERM')).toBe(0);
    await expect(serverPid()).rejects.toThrow();
  }, 300_000);
});
