import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { LONG_NAME, makeHostileCorpus, type HostileCase } from '../../scripts/hostile/make-hostile-corpus.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { outputBase } from '../../src/output/index.js';
import { DATA_DIR, runProcess } from '../support/run-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The bound the issue sets on every hostile input (peak resident memory of the whole CLI process). */
const RSS_CAP_KB = 1.5 * 1024 * 1024;

/** `plan-ingest ingest` under GNU time, which reports the child's peak RSS. */
async function ingestMeasured(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; peakKb: number }> {
  const run = await runProcess('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', process.execPath, '--import', 'tsx', `${ROOT}src/cli/main.ts`, 'ingest', ...args], { env: { PLAN_INGEST_DATA_DIR: DATA_DIR } });
  return { ...run, peakKb: Number(/PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN) };
}

describe.runIf(existsSync('/usr/bin/time'))('ingest of the hostile-input corpus', () => {
  const corpus = mkdtempSync(join(tmpdir(), 'pi-hostile-'));
  const out = mkdtempSync(join(tmpdir(), 'pi-hostile-out-'));
  let cases: HostileCase[];
  let run: Awaited<ReturnType<typeof ingestMeasured>>;
  let before: string[];

  beforeAll(async () => {
    // 1 GiB is already four times the stream limit, and quicker to make than the issue's 3
    cases = await makeHostileCorpus(corpus, { bombGiB: 1 });
    before = readdirSync(corpus).sort();
    run = await ingestMeasured([corpus, '--out', out]);
  }, 400_000);

  it('fails each hostile file with its reason, on one line naming it', () => {
    for (const c of cases.filter((k) => 'fails' in k.expect)) {
      const line = run.stderr.split('\n').find((l) => l.startsWith(`plan-ingest: ${join(corpus, c.file)}:`));
      expect(line, `${c.title}\n${run.stderr}`).toBeDefined();
      expect(line, c.title).toMatch((c.expect as { fails: RegExp }).fails);
    }
    // some inputs failed, the others were written (exit codes: src/cli/exit-codes.ts)
    expect(run.code).toBe(EXIT.someFailed);
  });

  it('still processes the other files, recording what a limit changed', () => {
    for (const c of cases.filter((k) => 'written' in k.expect)) {
      const file = join(out, `${outputBase(c.file)}.json`);
      expect(existsSync(file), c.title).toBe(true);
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { source: { file: string }; issues: { code: string }[] };
      expect(doc.source.file).toBe(c.file);
      const issue = (c.expect as { issue?: string }).issue;
      if (issue) expect(doc.issues.map((i) => i.code), c.title).toContain(issue);
    }
  });

  it('writes a long Vietnamese name under a short output name, keeping the full name in the feed', () => {
    const base = outputBase(LONG_NAME);
    expect(Buffer.byteLength(`${base}.json`)).toBeLessThanOrEqual(255);
    const feed = readFileSync(join(out, 'changes.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { file: string; output: string });
    expect(feed.find((e) => e.file === LONG_NAME)?.output).toBe(`${base}.json`);
  });

  it('never reads through the link nor loses or changes an input', () => {
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f), 'utf8')).not.toContain('hunter2');
    expect(readdirSync(corpus).sort()).toEqual(before);
    expect(lstatSync(join(corpus, 'link-outside.txt')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(corpus, 'fifo.txt')).isFIFO()).toBe(true);
  });

  it(`stays under ${RSS_CAP_KB / 1024 / 1024} GB of memory over the whole corpus`, () => {
    expect(run.peakKb).toBeLessThan(RSS_CAP_KB);
  });
});
