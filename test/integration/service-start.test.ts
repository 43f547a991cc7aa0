import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('starting the service without Redis', () => {
  it('says what to install, in one line, when there is neither REDIS_URL nor redis-server', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pi-noredis-'));
    const run = await runCli(['watch', join(root, 'inbox'), '--out', join(root, 'out')], { env: { REDIS_URL: '', PATH: '/nonexistent', PLAN_INGEST_DATA_DIR: join(root, 'data') } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^plan-ingest: redis-server not found: install the Debian package redis-server .*REDIS_URL/m);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
