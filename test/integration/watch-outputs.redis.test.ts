import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type CliProcess } from '../support/cli-process.js';
import { finished, makeDirs, waitForFeed } from '../support/inbox.js';
import { runRedisTests, startTestRedis, uniquePrefix } from '../support/redis.js';
import { runCli } from '../support/run-cli.js';

const PLAN = 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: 15/KH-UBND\nKẾ HOẠCH\nỨng dụng công nghệ thông tin năm 2026\n1. Văn phòng UBND thành phố chủ trì nâng cấp cổng thông tin điện tử, hoàn thành trong năm 2026.\n';
const jsons = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.json')).sort();

/** Starting a process from the sources (tsx) takes long on a loaded test machine. */
const START_MS = 100_000;
/** A test that starts processes: room for START_MS and its own work. */
const TEST_MS = 240_000;

/**
 * Two watch folders with their own output folders on one Redis (as on a
 * machine where every watch shares the embedded Redis of the data folder):
 * what each output folder holds, and where the feed says the originals are.
 */
describe.runIf(runRedisTests)('watch: outputs per output folder, one JSON per document id, originals where they are (real Redis)', () => {
  let redis: Awaited<ReturnType<typeof startTestRedis>>;
  let a: CliProcess;
  let b: CliProcess;
  const one = makeDirs('outputs-a');
  const two = makeDirs('outputs-b');
  const prefix = uniquePrefix('outputs');
  const env = () => ({ REDIS_URL: redis.url, PLAN_INGEST_QUEUE_PREFIX: prefix, PLAN_INGEST_DATA_DIR: one.data });

  beforeAll(async () => {
    redis = await startTestRedis();
    mkdirSync(one.data, { recursive: true });
    a = startCli(['watch', one.inbox, '--out', one.out, '--stable-ms', '200', '--concurrency', '1', '--no-ocr'], env());
    // the second folder's jobs are done by the first one's workers: one Redis, one queue
    b = startCli(['watch', two.inbox, '--out', two.out, '--stable-ms', '200', '--no-workers', '--no-ocr'], env());
    await Promise.all([a.waitFor(/watching /, START_MS), b.waitFor(/watching /, START_MS)]);
  }, TEST_MS);
  afterAll(async () => {
    expect(await a?.stop()).toBe(0);
    expect(await b?.stop()).toBe(0);
    await redis?.stop();
  }, TEST_MS);

  it("names the original's place after the move: processed/ or failed/, not processing/", async () => {
    writeFileSync(join(one.inbox, 'ke-hoach.txt'), PLAN);
    writeFileSync(join(one.inbox, 'hỏng.pdf'), 'this is not a PDF\n');
    const feed = await waitForFeed(one.out, (es) => finished(es, 'ke-hoach.txt').length > 0 && finished(es, 'hỏng.pdf').length > 0);
    const ok = finished(feed, 'ke-hoach.txt')[0]!;
    const failed = finished(feed, 'hỏng.pdf')[0]!;
    expect(ok).toMatchObject({ status: 'ok', output: 'ke-hoach.json', original: join(one.inbox, 'processed', 'ke-hoach.txt') });
    expect(failed).toMatchObject({ status: 'failed', original: join(one.inbox, 'failed', 'hỏng.pdf') });
    expect(existsSync(ok.original!)).toBe(true);
    expect(existsSync(failed.original!)).toBe(true);

    writeFileSync(join(one.inbox, 'bản sao.txt'), PLAN);
    const dup = finished(await waitForFeed(one.out, (es) => finished(es, 'bản sao.txt').length > 0), 'bản sao.txt')[0]!;
    expect(dup).toMatchObject({ status: 'duplicate', original: join(one.inbox, 'processed', 'bản sao.txt') });
    expect(existsSync(dup.original!)).toBe(true);
    expect(jsons(one.out)).toEqual(['ke-hoach.json']);
  }, TEST_MS);

  it('processes content already done for one output folder again for another one; never twice for the same folder', async () => {
    writeFileSync(join(two.inbox, 'ke-hoach.txt'), PLAN);
    const feed = await waitForFeed(two.out, (es) => finished(es, 'ke-hoach.txt').length > 0);
    expect(finished(feed, 'ke-hoach.txt')[0]).toMatchObject({ status: 'ok', output: 'ke-hoach.json', version: 1, original: join(two.inbox, 'processed', 'ke-hoach.txt') });
    expect(jsons(two.out)).toEqual(['ke-hoach.json']);
    // the same folder through a symlink is the same folder
    const link = join(two.root, 'out-link');
    symlinkSync(two.out, link);
    const submit = await runCli(['submit', join(two.inbox, 'processed', 'ke-hoach.txt'), '--out', link], { env: env() });
    expect(submit.stdout).toMatch(/duplicate ke-hoach\.txt: same content as ke-hoach\.txt/);
  }, TEST_MS);

  it('does not write a second JSON with one id: re-processing the content under another name is a duplicate with a reason', async () => {
    const other = join(one.root, 'tên khác.txt');
    writeFileSync(other, PLAN);
    const submit = await runCli(['submit', other, '--out', one.out, '--reprocess'], { env: env() });
    expect(submit.code, submit.stderr).toBe(0);
    const feed = await waitForFeed(one.out, (es) => finished(es, 'tên khác.txt').length > 0);
    expect(finished(feed, 'tên khác.txt')).toEqual([expect.objectContaining({ status: 'duplicate', output: null, reason: 'same content as ke-hoach.txt, already in ke-hoach.json; not written again' })]);
    expect(jsons(one.out)).toEqual(['ke-hoach.json']);
    await a.waitFor(/duplicate tên khác\.txt: same content as ke-hoach\.txt, already in .*ke-hoach\.json/);
  }, TEST_MS);
});
