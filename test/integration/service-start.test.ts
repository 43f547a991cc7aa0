import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/run-cli.js';

/** Each test starts processes from the sources (tsx), several at once: slow on a loaded machine. */
const TEST_MS = 240_000;

/** One plain line on stderr, no stack trace, and the exit code that names the reason. */
function expectStartError(run: CliResult, code: number, message: RegExp): void {
  expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.code, run.stderr).toBe(code);
}

describe('starting a service that cannot start: one line and its own exit code', () => {
  const root = mkdtempSync(join(tmpdir(), 'pi-start-'));
  const inbox = join(root, 'inbox');
  const out = join(root, 'out');
  const data = join(root, 'data');
  let busy: Server;
  let busyPort = 0;

  beforeAll(async () => {
    mkdirSync(inbox);
    mkdirSync(out);
    writeFileSync(join(root, 'a-file'), 'not a folder');
    busy = createServer();
    await new Promise<void>((ok) => busy.listen(0, '127.0.0.1', ok));
    busyPort = (busy.address() as { port: number }).port;
  }, TEST_MS);
  afterAll(() => busy?.close());

  it('says what to install when there is neither REDIS_URL nor redis-server (12)', async () => {
    const run = await runCli(['watch', inbox, '--out', out], { env: { REDIS_URL: '', PATH: '/nonexistent', PLAN_INGEST_DATA_DIR: data } });
    expectStartError(run, 12, /^plan-ingest: redis-server not found: install the Debian package redis-server .*REDIS_URL/);
  }, TEST_MS);

  it('says which Redis does not answer when REDIS_URL points nowhere (12), for watch and worker', async () => {
    const env = { REDIS_URL: 'redis://127.0.0.1:1', PLAN_INGEST_DATA_DIR: data };
    const [watch, worker] = await Promise.all([runCli(['watch', inbox, '--out', out], { env }), runCli(['worker'], { env })]);
    expectStartError(watch, 12, /^plan-ingest: cannot reach Redis at redis:\/\/127\.0\.0\.1:1: ECONNREFUSED$/m);
    expectStartError(worker, 12, /^plan-ingest: cannot reach Redis at redis:\/\/127\.0\.0\.1:1: ECONNREFUSED$/m);
  }, TEST_MS);

  it('names the folder that is missing, not a folder, or cannot be made (11)', async () => {
    const env = { REDIS_URL: 'redis://127.0.0.1:1', PLAN_INGEST_DATA_DIR: data };
    const [noInbox, serveNoOut, serveFile, badData] = await Promise.all([
      runCli(['watch', join(root, 'typo'), '--out', out], { env }),
      runCli(['serve', '--out', join(root, 'nowhere'), '--port', '0'], { env }),
      runCli(['serve', '--out', join(root, 'a-file'), '--port', '0'], { env }),
      runCli(['watch', inbox, '--out', out], { env: { ...env, PLAN_INGEST_DATA_DIR: join(root, 'a-file', 'data') } }),
    ]);
    expectStartError(noInbox, 11, new RegExp(`^plan-ingest: the inbox ${join(root, 'typo')} does not exist: create it or check the path$`, 'm'));
    expectStartError(serveNoOut, 11, new RegExp(`^plan-ingest: the output folder \\(--out\\) ${join(root, 'nowhere')} does not exist`, 'm'));
    expectStartError(serveFile, 11, /the output folder \(--out\) .*a-file is not a folder$/m);
    expectStartError(badData, 11, /^plan-ingest: the data folder \(PLAN_INGEST_DATA_DIR\) .*a-file\/data cannot be created: a part of the path is a file$/m);
  }, TEST_MS);

  it('says a port is in use and how to choose another (10)', async () => {
    const run = await runCli(['serve', '--out', out, '--port', String(busyPort)], { env: { PLAN_INGEST_DATA_DIR: data } });
    expectStartError(run, 10, new RegExp(`^plan-ingest: port ${busyPort} is in use: choose another with --port$`, 'm'));
  }, TEST_MS);
});
