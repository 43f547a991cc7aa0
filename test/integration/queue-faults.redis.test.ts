import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { Document } from '../../schemas/index.js';
import { PAGES_QUEUE } from '../../src/queue/index.js';
import { startCli, type CliProcess } from '../support/cli-process.js';
import { finished, list, makeDirs, waitForFeed } from '../support/inbox.js';
import { runRedisTests, startTestRedis, uniquePrefix } from '../support/redis.js';
import { scannedPdf } from '../support/scanned-pdf.js';

/** Faults the service must survive: a worker killed mid-document, Redis restarted mid-batch. */
describe.runIf(runRedisTests)('queue faults (real Redis, real workers)', () => {
  const procs: CliProcess[] = [];
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const p of procs.splice(0)) await p.stop('SIGKILL');
    for (const s of stops.splice(0)) await s();
  });

  it('a worker killed with SIGKILL mid-document: another worker completes it, one output, no duplicates', async () => {
    const redis = await startTestRedis();
    stops.push(redis.stop);
    const dirs = makeDirs('crash');
    const prefix = uniquePrefix('crash');
    // locks expire after 2 s, so the killed worker's jobs come back quickly
    const env = { REDIS_URL: redis.url, PLAN_INGEST_QUEUE_PREFIX: prefix, PLAN_INGEST_DATA_DIR: dirs.data, PLAN_INGEST_LOCK_MS: '2000' };
    const watch = startCli(['watch', dirs.inbox, '--out', dirs.out, '--stable-ms', '300', '--no-workers'], env);
    procs.push(watch);
    await watch.waitFor(/watching /);
    const doomed = startCli(['worker', '--concurrency', '1'], env);
    procs.push(doomed);
    await doomed.waitFor(/worker ready/);

    writeFileSync(join(dirs.inbox, 'scan.pdf'), await scannedPdf([['KẾ HOẠCH', 'Phát triển khoa học'], ['Ủy ban nhân dân', 'thành phố Hải Phòng'], ['chuyển đổi số', 'năm 2026']]));
    const pages = new Queue(PAGES_QUEUE, { connection: { path: redis.url.slice('unix://'.length) }, prefix });
    try {
      for (let i = 0; (await pages.getActiveCount()) === 0; i++) {
        if (i > 600) throw new Error(`no page job became active:\n${watch.output()}\n${doomed.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await pages.close();
    }
    await doomed.stop('SIGKILL');
    const survivor = startCli(['worker', '--concurrency', '1'], env);
    procs.push(survivor);

    const feed = await waitForFeed(dirs.out, (es) => finished(es, 'scan.pdf').length > 0, 120_000);
    const doc = Document.parse(JSON.parse(readFileSync(join(dirs.out, 'scan.json'), 'utf8')));
    // the document's own issues say why, should it come out partial
    expect(finished(feed, 'scan.pdf'), JSON.stringify(doc.issues)).toEqual([expect.objectContaining({ status: 'ok', version: 1 })]);
    expect(doc.pages.map((p) => p.origin)).toEqual(['ocr', 'ocr', 'ocr']);
    expect(doc.issues.filter((i) => i.code === 'ocr-page-failed')).toEqual([]);
    expect(list(dirs.out).filter((n) => n.endsWith('.json'))).toEqual(['scan.json']);
    expect(list(join(dirs.inbox, 'processed'))).toEqual(['scan.pdf']);
  });

  it('redis-server restarted mid-batch: the batch completes, nothing lost or doubled', async () => {
    const redis = await startTestRedis();
    stops.push(redis.stop);
    const dirs = makeDirs('restart');
    const env = { REDIS_URL: redis.url, PLAN_INGEST_QUEUE_PREFIX: uniquePrefix('restart'), PLAN_INGEST_DATA_DIR: dirs.data };
    const watch = startCli(['watch', dirs.inbox, '--out', dirs.out, '--stable-ms', '300', '--concurrency', '1'], env);
    procs.push(watch);
    await watch.waitFor(/watching /);
    const names = ['kh-tu-57.pdf', 'kh-bql-2026.pdf', 'kh-skhcn-2026.pdf', 'kh-xa-chi-minh-2026.pdf'];
    for (const n of names) copyFileSync(join('fixtures', 'pdf', n), join(dirs.inbox, n));
    await watch.waitFor(/queued +kh-/);
    await redis.stop();
    await new Promise((r) => setTimeout(r, 1500));
    await redis.restart();
    const restarted = new Date().toISOString();

    const feed = await waitForFeed(dirs.out, (es) => names.every((n) => finished(es, n).length > 0), 120_000);
    for (const n of names) expect(finished(feed, n), n).toEqual([expect.objectContaining({ status: 'ok', version: 1 })]);
    // the outage really fell in the middle of the batch
    expect(feed.filter((e) => e.status === 'ok' && e.time > restarted).length).toBeGreaterThan(0);
    expect(list(join(dirs.inbox, 'processed'))).toEqual([...names].sort());
    expect(list(join(dirs.inbox, 'processing'))).toEqual([]);
  });

  it('a file left in processing/ by a crash is taken up when the service starts again', async () => {
    const redis = await startTestRedis();
    stops.push(redis.stop);
    const dirs = makeDirs('recover');
    mkdirSync(join(dirs.inbox, 'processing'), { recursive: true });
    // as if the service died after moving the file and before queueing it
    copyFileSync(join('fixtures', 'pdf', 'kh-xa-chi-minh-2026.pdf'), join(dirs.inbox, 'processing', 'kh-xa-chi-minh-2026.pdf'));
    const env = { REDIS_URL: redis.url, PLAN_INGEST_QUEUE_PREFIX: uniquePrefix('recover'), PLAN_INGEST_DATA_DIR: dirs.data };
    const watch = startCli(['watch', dirs.inbox, '--out', dirs.out, '--stable-ms', '300'], env);
    procs.push(watch);
    // a service starting beside the suite's OCR tests (2 cores) can take over a minute to take the job up: it alone passes in ~10 s
    const feed = await waitForFeed(dirs.out, (es) => finished(es, 'kh-xa-chi-minh-2026.pdf').length > 0, 200_000);
    expect(finished(feed, 'kh-xa-chi-minh-2026.pdf')).toEqual([expect.objectContaining({ status: 'ok', version: 1 })]);
    expect(list(join(dirs.inbox, 'processing'))).toEqual([]);
    expect(list(join(dirs.inbox, 'processed'))).toEqual(['kh-xa-chi-minh-2026.pdf']);
  }, 240_000);
});
