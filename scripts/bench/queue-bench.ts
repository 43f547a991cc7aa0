/**
 * The queue's measures (issue 7), printed: `npm run bench:queue [-- --files N] [-- --skip-scaling]`.
 *  1. N files (default 100: digital, scanned and bad, mixed) dropped into the
 *     inbox at once: each must end done or failed-with-reason, once; wall
 *     time against one-shot `ingest` over the same files.
 *  2. One worker against two on the scanned fixture (each worker one OCR
 *     thread, `worker --concurrency 1`): pages per minute.
 * Runs the built CLI (dist/) against a redis-server of its own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readChanges } from '../../src/output/index.js';
import { startEmbeddedRedis } from '../../src/queue/index.js';
import { writeBatch } from './queue-batch.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'plan-ingest.js');
const args = process.argv.slice(2);
const files = args.includes('--files') ? Number(args[args.indexOf('--files') + 1]) : 100;
const work = mkdtempSync(join(tmpdir(), 'pi-queue-bench-'));
const data = join(work, 'data');

spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
const redis = await startEmbeddedRedis(join(work, 'redis'));
const env = { ...process.env, REDIS_URL: `unix://${redis.socket}`, PLAN_INGEST_DATA_DIR: data };
const cli = (a: string[], extra: NodeJS.ProcessEnv = {}): ChildProcess => spawn(process.execPath, [BIN, ...a], { env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'pipe'] });
const exit = (p: ChildProcess) => new Promise<number | null>((r) => p.once('exit', (c) => r(c)));
const seconds = (t0: number) => (performance.now() - t0) / 1000;

// warm-up, untimed: the restoration model is trained once into the data dir, as on a real installation
await exit(cli(['ingest', 'fixtures/scan/kh-bql-2026.p1.png', '--out', join(work, 'warm'), '--no-progress']));

const batch = join(work, 'batch');
const plan = writeBatch(batch, files);
console.log(`queue bench — ${files} files (${plan.digital} digital PDFs, ${plan.scanned} one-page scans, ${plan.bad} bad), ${availableParallelism()} cores, ${new Date().toISOString().slice(0, 10)}`);

let ingestS = 0;
if (!args.includes('--skip-batch')) {
  const t0 = performance.now();
  await exit(cli(['ingest', batch, '--out', join(work, 'out-ingest'), '--no-progress']));
  ingestS = seconds(t0);
  const ingestOutputs = readdirSync(join(work, 'out-ingest')).filter((n) => n.endsWith('.json')).length;
  console.log(`one-shot ingest:                         ${ingestS.toFixed(1)} s, ${ingestOutputs} outputs`);
}

/** Drops the batch into a watched inbox at once (renames from a staging copy) and waits for every file's end. */
async function queueRun(label: string, watchArgs: string[], workers: string[][]): Promise<number> {
  const run = join(work, label.replace(/\W+/g, '-'));
  const inbox = join(run, 'inbox');
  const out = join(run, 'out');
  const staging = join(run, 'staging');
  mkdirSync(inbox, { recursive: true });
  mkdirSync(staging, { recursive: true });
  for (const n of readdirSync(batch)) copyFileSync(join(batch, n), join(staging, n));
  const extra = { PLAN_INGEST_QUEUE_PREFIX: `bench-${label.replace(/\W+/g, '-')}-${Date.now().toString(36)}` };
  const watch = cli(['watch', inbox, '--out', out, ...watchArgs], extra);
  const procs = [watch, ...workers.map((w) => cli(['worker', ...w], extra))];
  await new Promise((r) => setTimeout(r, 4000)); // processes up and listening
  const names = readdirSync(staging);
  const start = performance.now();
  for (const n of names) renameSync(join(staging, n), join(inbox, n));
  for (;;) {
    const ends = (await readChanges(out)).filter((e) => e.status !== 'queued');
    if (names.every((n) => ends.some((e) => e.file === n))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const took = seconds(start);
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map(exit));
  const feed = await readChanges(out);
  const ends = feed.filter((e) => e.status !== 'queued');
  const once = names.every((n) => ends.filter((e) => e.file === n).length === 1);
  const count = (s: string) => ends.filter((e) => e.status === s).length;
  const reasons = ends.filter((e) => e.status === 'failed').every((e) => Boolean(e.reason));
  const left = readdirSync(join(inbox, 'processing')).length;
  console.log(
    `${label.padEnd(40)} ${took.toFixed(1)} s (${((took / ingestS - 1) * 100).toFixed(0)} % vs ingest): ${count('ok') + count('partial')} done, ${count('failed')} failed (all with a reason: ${reasons}), ${count('duplicate')} duplicates, each file once: ${once}, left in processing/: ${left}`,
  );
  return took;
}

if (!args.includes('--skip-batch')) {
  await queueRun('queue, 1 document at a time', ['--document-concurrency', '1'], []);
  await queueRun('queue, defaults (2 documents at a time)', [], []);
}

if (!args.includes('--skip-scaling')) {
  const scans = join(work, 'scans');
  mkdirSync(scans);
  copyFileSync('fixtures/scan/kh-bql-2026.scan.pdf', join(scans, 'kh-bql-2026.scan.pdf'));
  const pages = 19;
  const timeWith = async (n: number): Promise<readonly [number, number]> => {
    const label = `scaling-${n}`;
    const inbox = join(work, label, 'inbox');
    const out = join(work, label, 'out');
    mkdirSync(inbox, { recursive: true });
    const extra = { PLAN_INGEST_QUEUE_PREFIX: `bench-${label}-${Date.now().toString(36)}` };
    const procs = [cli(['watch', inbox, '--out', out, '--no-workers'], extra), ...Array.from({ length: n }, () => cli(['worker', '--concurrency', '1', '--document-concurrency', '1'], extra))];
    await new Promise((r) => setTimeout(r, 4000));
    const start = performance.now();
    copyFileSync(join(scans, 'kh-bql-2026.scan.pdf'), join(inbox, 'kh-bql-2026.scan.pdf'));
    while (!(await readChanges(out)).some((e) => e.status === 'ok' || e.status === 'partial' || e.status === 'failed')) await new Promise((r) => setTimeout(r, 100));
    const took = seconds(start);
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map(exit));
    // from the feed: queued (taken from the inbox, after its stability wait) to written
    const feed = await readChanges(out);
    const at = (s: string) => Date.parse(feed.find((e) => e.status === s || (s === 'done' && (e.status === 'ok' || e.status === 'partial')))!.time);
    const queued = (at('done') - at('queued')) / 1000;
    console.log(`scanned ${pages} pages, ${n} worker(s) × 1 OCR thread:    ${took.toFixed(1)} s from the drop (${((pages / took) * 60).toFixed(1)} pages/min), ${queued.toFixed(1)} s from queued (${((pages / queued) * 60).toFixed(1)} pages/min)`);
    return [took, queued] as const;
  };
  const one = await timeWith(1);
  const two = await timeWith(2);
  console.log(`two workers against one:                 ${(one[0] / two[0]).toFixed(2)}× from the drop, ${(one[1] / two[1]).toFixed(2)}× from queued`);
}
await redis.stop?.();
