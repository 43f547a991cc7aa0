import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/index.js';
import { ApiTokens, ReviewerAccounts, startServer } from '../../src/review/index.js';
import { runCli } from '../support/run-cli.js';

const FIXTURE = 'fixtures/pdf/kh-xa-chi-minh-2026.pdf';
type Server = Awaited<ReturnType<typeof startServer>>;

/**
 * Who may read and write the review server: sessions, API tokens and their
 * scopes, --public-read, the Origin check, sign-in back-off and the bound on
 * password hashing, generic errors, secret files. Real HTTP against
 * startServer; each part that leaves state behind (throttles) gets a server
 * of its own over the same output folder.
 */
describe('review server access', () => {
  const out = mkdtempSync(join(tmpdir(), 'pi-access-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'pi-access-data-'));
  const servers: Server[] = [];
  let server: Server;
  let id: string;
  let doc: Document;
  const tokens: Record<'read' | 'review', string> = { read: '', review: '' };

  const serve = async (o: { publicRead?: boolean } = {}): Promise<Server> => {
    const s = await startServer({ outDir: out, port: 0, dataDir, ...o });
    servers.push(s);
    return s;
  };
  const signIn = async (s: Server, name: string, password: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${s.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ name, password }) });
    const body = (await res.json()) as { csrf?: string };
    return { status: res.status, retryAfter: res.headers.get('retry-after'), cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrf ?? '' };
  };

  beforeAll(async () => {
    expect((await runCli(['ingest', FIXTURE, '--out', out, '--no-progress'])).code).toBe(0);
    doc = JSON.parse(readFileSync(join(out, 'kh-xa-chi-minh-2026.json'), 'utf8')) as Document;
    id = doc.id;
    // as an older version left them: readable by everyone
    await new ReviewerAccounts(out).set('lan', 'correct horse');
    chmodSync(new ReviewerAccounts(out).path, 0o644);
    const store = new ApiTokens(dataDir);
    tokens.read = await store.add('bao-cao', 'read');
    tokens.review = await store.add('nhap-lieu', 'review');
    chmodSync(store.path, 0o644);
    server = await serve();
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  const reads = () => {
    const r = doc.assignments.find((a) => a.source.box)!;
    return [
      '/api/documents',
      `/api/documents/${id}`,
      `/api/documents/${id}/assignments`,
      `/api/documents/${id}/corrections`,
      `/api/documents/${id}/export.csv?kind=assignments`,
      `/api/documents/${id}/records/${encodeURIComponent(r.id)}/crop.png`,
      `/api/documents/${id}/records/${encodeURIComponent(r.id)}/as-read`,
      '/api/changes?after=0',
      '/api/agencies',
    ];
  };
  const editOf = () => ({ op: 'set', kind: 'assignment', record: doc.assignments[0]!.id, revision: 0, field: 'notes', value: 'ghi chú' });

  it('makes the secret files 0600 on start, and keeps no plain token', () => {
    expect(statSync(join(out, '.review', 'reviewers.json')).mode & 0o777).toBe(0o600);
    const file = join(dataDir, 'api-tokens.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    for (const t of Object.values(tokens)) expect(text).not.toContain(t);
  });

  it('answers every read with 401 without a session or token; the page and sign-in stay open', async () => {
    for (const path of reads()) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(401);
      expect(await res.text(), path).not.toContain('Khoa học');
    }
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect((await fetch(`${server.url}/static/app.js`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/api/session`)).json()).toMatchObject({ reviewer: null, publicRead: false });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('serves every read to a signed-in reviewer and to a read token', async () => {
    const lan = await signIn(server, 'lan', 'correct horse');
    expect(lan.status).toBe(200);
    for (const path of reads()) {
      expect((await fetch(`${server.url}${path}`, { headers: { Cookie: lan.cookie } })).status, path).toBe(200);
      expect((await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${tokens.read}` } })).status, path).toBe(200);
    }
  });

  it('lets a read token read only; a review token edits without CSRF, named in the trail', async () => {
    const post = (token: string) =>
      fetch(`${server.url}/api/documents/${id}/edits`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(editOf()) });
    const refused = await post(tokens.read);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/scope review/);
    expect((await post(tokens.review)).status).toBe(200);
    const trail = (await (await fetch(`${server.url}/api/documents/${id}/corrections`, { headers: { Authorization: `Bearer ${tokens.read}` } })).json()) as { corrections: { reviewer: string }[] };
    expect(trail.corrections.map((c) => c.reviewer)).toEqual(['token:nhap-lieu']);
    // a token is no admin: the dashboard (off here) stays closed either way; a session still needs its CSRF token to write
    const lan = await signIn(server, 'lan', 'correct horse');
    const noCsrf = await fetch(`${server.url}/api/documents/${id}/edits`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: lan.cookie }, body: JSON.stringify(editOf()) });
    expect(noCsrf.status).toBe(403);
  });

  it('opens the queue dashboard to an admin token only (no queue here: 503 once past the check)', async () => {
    const admin = await new ApiTokens(dataDir).add('quan-tri-he-thong', 'admin');
    const s = await startServer({ outDir: out, port: 0, dataDir, dashboard: 'read-only' });
    servers.push(s);
    const board = (token?: string) => fetch(`${s.url}/admin/queues`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    expect((await board()).status).toBe(401);
    expect((await board(tokens.review)).status).toBe(403);
    expect((await board(admin)).status).toBe(503);
  });

  it('opens reads only with --public-read: edits still need a sign-in', async () => {
    const open = await serve({ publicRead: true });
    for (const path of reads()) expect((await fetch(`${open.url}${path}`)).status, path).toBe(200);
    expect(await (await fetch(`${open.url}/api/session`)).json()).toMatchObject({ publicRead: true });
    const edit = await fetch(`${open.url}/api/documents/${id}/edits`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(editOf()) });
    expect(edit.status).toBe(401);
    const withRead = await fetch(`${open.url}/api/documents/${id}/edits`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens.read}` }, body: JSON.stringify(editOf()) });
    expect(withRead.status).toBe(403);
  });

  it('answers a malformed cookie, a bad path and a thrown error generically: no stack, no install path', async () => {
    const noStack = (text: string) => {
      expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|Error:/);
      expect(text.length).toBeLessThan(200);
    };
    const cookie = await fetch(`${server.url}/api/documents`, { headers: { Cookie: 'plan_ingest_session=%E0%A4%A; other=%' } });
    expect(cookie.status).toBe(401);
    noStack(await cookie.text());
    const path = await fetch(`${server.url}/api/documents/%E0%A4%A`, { headers: { Authorization: `Bearer ${tokens.read}` } });
    expect(path.status).toBe(400);
    noStack(await path.text());
    // a tokens file someone broke: the server fails that request, says nothing of why, and logs it
    const broken = mkdtempSync(join(tmpdir(), 'pi-access-broken-'));
    writeFileSync(join(broken, 'api-tokens.json'), '[{"name": "x", "scope": "wrong"}]', { mode: 0o600 });
    const s = await startServer({ outDir: out, port: 0, dataDir: broken });
    servers.push(s);
    const thrown = await fetch(`${s.url}/api/documents`, { headers: { Authorization: `Bearer ${tokens.read}` } });
    expect(thrown.status).toBe(500);
    const text = await thrown.text();
    expect(JSON.parse(text)).toEqual({ error: 'internal error' });
    noStack(text);
  });

  it('refuses a state-changing request from another site (Origin), not one from the page itself', async () => {
    const s = await serve();
    const port = new URL(s.url).port;
    for (const origin of ['https://attacker.example', `http://localhost:${Number(port) + 1}`, 'null']) {
      const res = await signIn(s, 'lan', 'correct horse', { Origin: origin });
      expect(res.status, origin).toBe(403);
      expect(res.cookie, origin).toBe('');
    }
    expect((await signIn(s, 'lan', 'correct horse', { Origin: s.url })).status).toBe(200);
    // reads are not state-changing: an Origin on a GET is no reason to refuse
    expect((await fetch(`${s.url}/api/documents`, { headers: { Origin: 'https://attacker.example', Authorization: `Bearer ${tokens.read}` } })).status).toBe(200);
  });

  it('makes a guesser of one name wait after five failures (429 with Retry-After), even with the right password', async () => {
    const s = await serve();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(s, 'lan', `guess ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    const blocked = await signIn(s, 'lan', 'correct horse');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
  });

  it('makes an address that tries many names wait too', async () => {
    const s = await serve();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(s, `ten-${i}`, 'any password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    // a name never tried is refused too: the address waits
    const fresh = await signIn(s, 'lan', 'correct horse');
    expect(fresh.status).toBe(429);
    expect(Number(fresh.retryAfter)).toBeGreaterThan(0);
  });

  it('stays responsive under a flood of 64 concurrent sign-ins: a read gets through, the surplus is refused at once', async () => {
    const s = await serve();
    const lan = await signIn(s, 'lan', 'correct horse');
    expect(lan.status).toBe(200);
    const finished: string[] = [];
    // right passwords: nothing for the back-off to catch, every accepted attempt costs a full hash
    const logins = Array.from({ length: 64 }, () =>
      fetch(`${s.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'lan', password: 'correct horse' }) }).then((r) => {
        finished.push(`login ${r.status}`);
        return r.status;
      }),
    );
    // the read starts after the flood is on its way, and must not wait for it
    await new Promise((r) => setTimeout(r, 20));
    const read = fetch(`${s.url}/api/documents`, { headers: { Cookie: lan.cookie } }).then(async (r) => {
      finished.push(`read ${r.status}`);
      return ((await r.json()) as { documents: unknown[] }).documents.length;
    });
    const [statuses, documents] = await Promise.all([Promise.all(logins), read]);
    expect(documents).toBe(1);
    expect(statuses.every((x) => x === 200 || x === 503)).toBe(true);
    // the read came back before the last sign-in did
    expect(finished.indexOf('read 200')).toBeGreaterThanOrEqual(0);
    expect(finished.indexOf('read 200')).toBeLessThan(finished.lastIndexOf('login 200'));
    // at most two hashes run and 32 wait: the surplus is answered busy at once, not after the queue
    const firstBusy = finished.indexOf('login 503');
    expect(firstBusy).toBeGreaterThanOrEqual(0);
    expect(firstBusy).toBeLessThan(finished.lastIndexOf('login 200'));
    expect(statuses.filter((x) => x === 200).length).toBeLessThan(64);
  });

  it('makes, lists and revokes tokens from the CLI; the token is printed once, revoked at once', async () => {
    const env = { PLAN_INGEST_DATA_DIR: dataDir };
    const added = await runCli(['token', 'add', 'he-thong-khac', '--scope', 'read'], { env });
    expect(added.code).toBe(0);
    const token = added.stdout.trim();
    expect(token).toMatch(/^pi_/);
    expect((await fetch(`${server.url}/api/documents`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    const listed = await runCli(['token', 'list'], { env });
    expect(listed.stdout).toMatch(/^he-thong-khac\tread\t/m);
    expect(listed.stdout + listed.stderr).not.toContain(token);
    expect(readFileSync(join(dataDir, 'api-tokens.json'), 'utf8')).not.toContain(token);
    expect((await runCli(['token', 'revoke', 'he-thong-khac'], { env })).code).toBe(0);
    expect((await fetch(`${server.url}/api/documents`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});
