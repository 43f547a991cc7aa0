import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthReport } from '../../schemas/index.js';
import { ApiTokens, startServer } from '../../src/review/index.js';
import { runCli } from '../support/run-cli.js';

/** The HTTP API over an output folder written by `ingest` (no Redis needed). */
describe('serve: HTTP API over an output folder', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  const out = mkdtempSync(join(tmpdir(), 'pi-api-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'pi-api-data-'));
  let id: string;
  let token: string;

  beforeAll(async () => {
    const run = await runCli(['ingest', 'fixtures/pdf/kh-xa-chi-minh-2026.pdf', '--out', out, '--no-progress']);
    expect(run.code).toBe(0);
    id = JSON.parse(readFileSync(join(out, 'kh-xa-chi-minh-2026.json'), 'utf8')).id;
    writeFileSync(join(out, 'not-a-document.json'), '{"hello": 1}');
    // a downstream system reads with a token of scope read (reads need a session or a token)
    token = await new ApiTokens(dataDir).add('downstream', 'read');
    server = await startServer({ outDir: out, port: 0, dataDir });
  });
  afterAll(async () => server?.close());
  const get = (path: string) => fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });

  it('binds to localhost by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('lists documents with status, version and review counts (skipping files that are not documents)', async () => {
    const res = await get('/api/documents');
    expect(res.status).toBe(200);
    const { documents } = (await res.json()) as { documents: Record<string, unknown>[] };
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ id, status: 'ok', version: 1, output: 'kh-xa-chi-minh-2026.json', file: 'kh-xa-chi-minh-2026.pdf', pages: 8 });
    expect(documents[0]?.assignments).toBeGreaterThan(5);
    expect(typeof documents[0]?.needsReview).toBe('number');
  });

  it('serves a document and its records by kind', async () => {
    const doc = (await (await get(`/api/documents/${id}`)).json()) as { id: string; assignments: unknown[] };
    expect(doc.id).toBe(id);
    const asg = (await (await get(`/api/documents/${id}/assignments`)).json()) as { assignments: unknown[] };
    expect(asg.assignments).toEqual(doc.assignments);
    expect((await get(`/api/documents/${id}/owners`)).status).toBe(404);
  });

  it('refuses ids that are not document ids, without touching the disk', async () => {
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', 'kh-xa-chi-minh-2026', 'doc-0000000000000000', '%2e%2e']) expect((await get(`/api/documents/${bad}`)).status, bad).toBe(404);
  });

  it('publishes the JSON Schemas and the change feed', async () => {
    const schema = (await (await get('/api/schemas/document')).json()) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toContain('2020-12');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'indicators', 'assignments']));
    const feed = (await (await get('/api/changes?after=0')).json()) as { entries: { id: string; status: string }[]; next: number };
    expect(feed.entries).toEqual([expect.objectContaining({ id, status: 'ok', version: 1 })]);
    expect(((await (await get(`/api/changes?after=${feed.next}`)).json()) as { entries: unknown[] }).entries).toEqual([]);
    expect((await get('/api/changes?after=-1')).status).toBe(400);
  });

  it('refuses reads without a token, and with a wrong one', async () => {
    expect((await fetch(`${server.url}/api/documents`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/changes?after=0`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/api/documents`, { headers: { Authorization: `Bearer ${token.slice(0, -2)}xx` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('says how it is: health, and no queue dashboard unless asked for', async () => {
    // a read-only server (no watcher, no workers, no queue here) is healthy: what it does not run is not a failure
    const health = await get('/api/health');
    expect(health.status).toBe(200);
    expect(HealthReport.parse(await health.clone().json())).toEqual({
      status: 'ok',
      components: {
        server: { status: 'up' },
        output: { status: 'up', detail: out },
        redis: { status: 'not running here' },
        workers: { status: 'not running here' },
        watcher: { status: 'not running here' },
      },
    });
    expect(await health.json()).toMatchObject({ documents: 1, queue: 'not configured' });
    const board = await get('/admin/queues');
    expect(board.status).toBe(404);
    expect(await board.text()).toMatch(/--dashboard/);
  });
});
