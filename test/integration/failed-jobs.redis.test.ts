import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Job, Worker } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessingOptions } from '../../schemas/index.js';
import { createLogger, sha256File } from '../../src/core/index.js';
import { ContentRegistry, DOCUMENTS_QUEUE, loadJobKey, openQueues, startInbox, startWorkerPool, type PlanQueues } from '../../src/queue/index.js';
import { signDocumentJob } from '../../src/queue/job-signature.js';
import { finished, list, makeDirs, waitForFeed } from '../support/inbox.js';
import { runRedisTests, startTestRedis, uniquePrefix } from '../support/redis.js';

const STALLED_REASON = /^processing stopped without finishing 3 times \(the worker process died or hung on this file\); given up$/u;

/**
 * A document job BullMQ fails without calling the processor — its worker
 * died under it too often, so it "stalled more than allowable limit" —
 * must still end in failed/ with its reason, never stay in processing/ nor
 * come back later as a duplicate of itself.
 */
describe.runIf(runRedisTests)('document jobs failed by BullMQ (real Redis)', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
  });

  /** A signed job for a file sitting in `<inbox>/processing/`, queued and claimed as `watch` does it. */
  async function queuedFile(name: string) {
    const redis = await startTestRedis();
    cleanups.push(redis.stop);
    const dirs = makeDirs('stalled');
    const prefix = uniquePrefix('stalled');
    const target = { options: { path: redis.url.slice('unix://'.length), maxRetriesPerRequest: null }, describe: redis.url, close: async () => {} };
    const queues = openQueues(target, prefix, loadJobKey(dirs.data));
    const registry = new ContentRegistry(target, prefix);
    cleanups.push(() => queues.close(), () => registry.close());
    mkdirSync(join(dirs.inbox, 'processing'), { recursive: true });
    const file = join(dirs.inbox, 'processing', name);
    writeFileSync(file, 'KẾ HOẠCH\nThực hiện nhiệm vụ chuyển đổi số năm 2026.\n');
    const sha256 = await sha256File(file);
    const jobId = `doc-test-${Date.now().toString(36)}`;
    await registry.claim({ outDir: dirs.out, sha256 }, { status: 'queued', jobId, file: name, time: new Date().toISOString() });
    const data = signDocumentJob({ file, name, base: 'plan', sha256, outDir: dirs.out, inbox: dirs.inbox, options: ProcessingOptions.parse({}), step: 'read' }, queues.jobKey!);
    await queues.documents.add(name, data, { jobId, attempts: 1 });
    return { dirs, prefix, target, queues, registry, sha256, key: { outDir: dirs.out, sha256 }, jobId };
  }

  /** Takes the job as a worker would and lets its lock lapse, as when the worker process dies: BullMQ marks it to fail as stalled. */
  async function stallOnce(queues: PlanQueues, target: { options: object }, prefix: string): Promise<void> {
    const ghost = new Worker(DOCUMENTS_QUEUE, null, { connection: target.options, prefix, lockDuration: 300, stalledInterval: 200, maxStalledCount: 0, autorun: false });
    try {
      let taken: Job | undefined;
      for (let i = 0; !taken && i < 50; i++) taken = await ghost.getNextJob('ghost', { block: false });
      expect(taken).toBeTruthy();
      void ghost.startStalledCheckTimer();
      for (let i = 0; ((await queues.documents.getJobCounts('active')).active ?? 0) > 0; i++) {
        if (i > 200) throw new Error('the job never stalled');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await ghost.close(true);
    }
  }

  it("the worker's failed event moves the original to failed/ with the reason, writes the feed line and frees the content", async () => {
    const { dirs, prefix, target, queues, registry, key, jobId } = await queuedFile('kế hoạch.txt');
    await stallOnce(queues, target, prefix);
    // a worker taking the job now fails it at once (the processor never runs) and emits `failed`
    const pool = startWorkerPool(target as never, { prefix, dataDir: dirs.data, queues: [DOCUMENTS_QUEUE], log: createLogger('test') });
    cleanups.push(() => pool.close(1000));
    const feed = await waitForFeed(dirs.out, (es) => finished(es, 'kế hoạch.txt').length > 0, 30_000);
    expect(finished(feed, 'kế hoạch.txt')).toEqual([expect.objectContaining({ status: 'failed', job: jobId, reason: expect.stringMatching(STALLED_REASON) })]);
    expect(await (await Job.fromId(queues.documents, jobId))!.getState()).toBe('failed');
    for (let i = 0; list(join(dirs.inbox, 'processing')).length && i < 100; i++) await new Promise((r) => setTimeout(r, 50));
    expect(list(join(dirs.inbox, 'processing'))).toEqual([]);
    expect(list(join(dirs.inbox, 'failed'))).toEqual(['kế hoạch.txt', 'kế hoạch.txt.reason.txt']);
    expect(readFileSync(join(dirs.inbox, 'failed', 'kế hoạch.txt.reason.txt'), 'utf8')).toMatch(/^processing stopped without finishing 3 times/u);
    for (let i = 0; (await registry.get(key))?.status !== 'failed' && i < 100; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await registry.get(key)).toMatchObject({ status: 'failed', jobId });
  });

  it('a file left in processing/ whose job failed that way is filed under failed/ at start, not as a duplicate of itself', async () => {
    const { dirs, prefix, target, queues, registry, key, jobId } = await queuedFile('kế hoạch.txt');
    await stallOnce(queues, target, prefix);
    // a worker without our handler takes it (BullMQ fails it there and then), and the service dies before anything else happens
    const taker = new Worker(DOCUMENTS_QUEUE, null, { connection: target.options, prefix, autorun: false });
    expect(await taker.getNextJob('taker', { block: false })).toBeUndefined();
    await taker.close(true);
    expect(await (await Job.fromId(queues.documents, jobId))!.getState()).toBe('failed');

    const inbox = await startInbox({ inbox: dirs.inbox, outDir: dirs.out, options: ProcessingOptions.parse({}), queues, registry, log: createLogger('test') });
    cleanups.push(() => inbox.close());
    const feed = await waitForFeed(dirs.out, (es) => finished(es, 'kế hoạch.txt').length > 0, 30_000);
    expect(finished(feed, 'kế hoạch.txt')).toEqual([expect.objectContaining({ status: 'failed', job: jobId, reason: expect.stringMatching(STALLED_REASON) })]);
    await inbox.close();
    expect(list(join(dirs.inbox, 'processing'))).toEqual([]);
    expect(list(join(dirs.inbox, 'processed'))).toEqual([]);
    expect(list(join(dirs.inbox, 'failed'))).toEqual(['kế hoạch.txt', 'kế hoạch.txt.reason.txt']);
    expect(await registry.get(key)).toMatchObject({ status: 'failed' });
  });
});
