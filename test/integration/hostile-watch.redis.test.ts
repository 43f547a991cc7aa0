import { copyFileSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG_NAME, makeHostileCorpus } from '../../scripts/hostile/make-hostile-corpus.js';
import { outputBase } from '../../src/output/index.js';
import { startCli, type CliProcess } from '../support/cli-process.js';
import { finished, list, makeDirs, waitForFeed } from '../support/inbox.js';
import { runRedisTests, startTestRedis, uniquePrefix } from '../support/redis.js';

/** Files from the hostile corpus that `watch` must fail with their reason, and how. */
const FAILS: Record<string, RegExp> = {
  'flate-bomb.pdf': /inflates to more than 64\.0 MiB/,
  'image-bomb.png': /50000 × 50000 pixels/,
  'pages-100000.pdf': /100000 pages, above the 2000-page limit/,
  'long-line-10mb.txt': /above the 8\.0 MiB limit/,
  'encrypted.pdf': /encrypted PDF/,
};
/** Entries that are not files: moved to failed/ with the reason, never read. */
const REFUSED: Record<string, RegExp> = { 'link-outside.txt': /symbolic link/, 'fifo.txt': /FIFO/ };
const WRITTEN = ['good.txt', LONG_NAME];

/** `watch` fed the hostile corpus: each bad file fails alone, with its reason, and the service goes on. */
describe.runIf(runRedisTests)('watch with hostile input (real Redis)', () => {
  let redis: Awaited<ReturnType<typeof startTestRedis>>;
  let watch: CliProcess;
  const dirs = makeDirs('hostile');
  const corpus = mkdtempSync(join(tmpdir(), 'pi-hostile-corpus-'));

  beforeAll(async () => {
    redis = await startTestRedis();
    await makeHostileCorpus(corpus, { bombGiB: 0.25 });
    watch = startCli(['watch', dirs.inbox, '--out', dirs.out, '--stable-ms', '300', '--concurrency', '1', '--max-stream', '64'], {
      REDIS_URL: redis.url,
      PLAN_INGEST_QUEUE_PREFIX: uniquePrefix('hostile'),
      PLAN_INGEST_DATA_DIR: dirs.data,
    });
    await watch.waitFor(/watching /, 150_000);
  }, 240_000);
  afterAll(async () => {
    await watch?.stop();
    await redis?.stop();
  });

  it('fails each hostile file with its reason beside it, refuses links and FIFOs, and processes the rest', async () => {
    // moved in (a rename, as a finished copy lands), so the watcher never sees them half-written
    for (const name of readdirSync(corpus)) if (name in FAILS || name in REFUSED || WRITTEN.includes(name)) copyOrMove(join(corpus, name), join(dirs.inbox, name));
    const feed = await waitForFeed(dirs.out, (es) => [...Object.keys(FAILS), ...WRITTEN].every((n) => finished(es, n).length > 0), 240_000);
    for (const [name, reason] of Object.entries(FAILS)) {
      expect(finished(feed, name)[0], name).toMatchObject({ status: 'failed', reason: expect.stringMatching(reason) });
      expect(readFileSync(join(dirs.inbox, 'failed', `${name}.reason.txt`), 'utf8'), name).toMatch(reason);
    }
    for (const [name, reason] of Object.entries(REFUSED)) {
      await watch.waitFor(new RegExp(`refused +${name.replace('.', '\\.')}: `));
      expect(readFileSync(join(dirs.inbox, 'failed', `${name}.reason.txt`), 'utf8'), name).toMatch(reason);
    }
    expect(lstatSync(join(dirs.inbox, 'failed', 'link-outside.txt')).isSymbolicLink()).toBe(true); // the link itself, moved
    expect(lstatSync(join(dirs.inbox, 'failed', 'fifo.txt')).isFIFO()).toBe(true);
    for (const name of WRITTEN) expect(finished(feed, name)[0], name).toMatchObject({ status: expect.stringMatching(/ok|partial/), output: `${outputBase(name)}.json` });
    expect(existsSync(join(dirs.out, `${outputBase(LONG_NAME)}.json`))).toBe(true);
    // nothing lost: every file is in processed/ or failed/, none left behind
    expect(list(dirs.inbox)).toEqual(['failed', 'processed', 'processing']);
    expect(list(join(dirs.inbox, 'processing'))).toEqual([]);
    const kept = [...list(join(dirs.inbox, 'processed')), ...list(join(dirs.inbox, 'failed'))].filter((n) => !n.endsWith('.reason.txt'));
    expect(kept).toHaveLength(Object.keys(FAILS).length + Object.keys(REFUSED).length + WRITTEN.length);
    for (const f of readdirSync(dirs.out).filter((n) => n.endsWith('.json'))) expect(readFileSync(join(dirs.out, f), 'utf8')).not.toContain('hunter2');
    expect(watch.child.exitCode).toBeNull(); // still up
  }, 300_000);
});

/** A link or FIFO is recreated as what it is; a file is copied. */
function copyOrMove(from: string, to: string): void {
  const entry = lstatSync(from);
  if (entry.isFile()) return copyFileSync(from, to);
  // rename keeps a link a link and a FIFO a FIFO
  renameSync(from, to);
}
