/**
 * The hostile-input benchmark: every case of the hostile corpus
 * (scripts/hostile/make-hostile-corpus.ts, the issue's 3 GiB Flate bomb
 * included) through `plan-ingest ingest` in a process of its own, with its
 * outcome, wall seconds and peak RSS (GNU time's %M). The bound to hold:
 * every case ends as a clear failure or a document, under 1.5 GB.
 *
 *   npx tsx scripts/bench/hostile-bench.ts [--bomb-gib N]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeHostileCorpus } from '../hostile/make-hostile-corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const bombGiB = args.includes('--bomb-gib') ? Number(args[args.indexOf('--bomb-gib') + 1]) : 3;
const CAP_KB = 1.5 * 1024 * 1024;

if (!existsSync('/usr/bin/time')) {
  process.stdout.write('hostile bench: needs GNU time (/usr/bin/time, Debian package "time"); skipped\n');
  process.exit(0);
}
const corpus = mkdtempSync(join(tmpdir(), 'pi-hostile-bench-'));
const data = mkdtempSync(join(tmpdir(), 'pi-hostile-bench-data-'));
const cases = await makeHostileCorpus(corpus, { bombGiB });
process.stdout.write(`\nHostile inputs (${cases.length} cases, each its own \`plan-ingest ingest\` process; peak RSS of that process)\n\n`);
process.stdout.write('| case | outcome | s | peak RSS MB |\n| --- | --- | ---: | ---: |\n');
let worst = 0;
let wrong = 0;
for (const c of cases) {
  const out = mkdtempSync(join(tmpdir(), 'pi-hostile-bench-out-'));
  // a hidden name is skipped (with its reason) in a folder: given by name, it is processed as asked
  let input = join(corpus, c.file);
  if (c.file.startsWith('.')) {
    input = mkdtempSync(join(tmpdir(), 'pi-hostile-bench-folder-'));
    copyFileSync(join(corpus, c.file), join(input, c.file));
  }
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', process.execPath, join(ROOT, 'bin/plan-ingest.js'), 'ingest', input, '--out', out, '--no-progress'], {
    env: { ...process.env, PLAN_INGEST_DATA_DIR: data },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const peakKb = Number(/PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  worst = Math.max(worst, peakKb);
  const failure = /^plan-ingest: .*?: (.*)$/m.exec(run.stderr)?.[1];
  const outcome = failure ? `failed: ${failure}` : run.status === 0 ? `written${/recorded error/.test(run.stdout) ? ' (partial)' : ''}` : `exit ${run.status}`;
  const asExpected = 'fails' in c.expect ? Boolean(failure && c.expect.fails.test(failure)) : run.status === 0;
  if (!asExpected || !(peakKb < CAP_KB)) wrong++;
  process.stdout.write(`| ${c.title} | ${outcome.replace(/\|/g, '/')}${asExpected ? '' : ' **UNEXPECTED**'} | ${seconds.toFixed(1)} | ${(peakKb / 1024).toFixed(0)} |\n`);
}
process.stdout.write(`\nworst peak RSS ${(worst / 1024).toFixed(0)} MB (cap ${CAP_KB / 1024} MB); ${wrong ? `${wrong} case(s) not as expected` : 'every case as expected'}\n`);
if (wrong) process.exitCode = 1;
