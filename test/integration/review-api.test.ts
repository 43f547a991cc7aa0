import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, type Assignment, type Correction } from '../../schemas/index.js';
import { correctedTexts, readCorrections } from '../../src/output/index.js';
import { ReviewerAccounts, startServer } from '../../src/review/index.js';
import { DATA_DIR, runCli } from '../support/run-cli.js';

const FIXTURE = 'fixtures/pdf/kh-xa-chi-minh-2026.pdf';

/** The review API: accounts, CSRF, edits with conflicts and an audit trail, re-processing, export. */
describe('review API', () => {
  const out = mkdtempSync(join(tmpdir(), 'pi-review-'));
  let server: Awaited<ReturnType<typeof startServer>>;
  let id: string;
  let cookie = '';
  let csrf = '';

  beforeAll(async () => {
    expect((await runCli(['ingest', FIXTURE, '--out', out, '--no-progress'])).code).toBe(0);
    id = JSON.parse(readFileSync(join(out, 'kh-xa-chi-minh-2026.json'), 'utf8')).id;
    await new ReviewerAccounts(out).set('lan', 'correct horse');
    await new ReviewerAccounts(out).set('minh', 'battery staple');
    server = await startServer({ outDir: out, port: 0, dataDir: DATA_DIR });
  });
  afterAll(async () => server?.close());

  const call = (path: string, init: RequestInit & { json?: unknown; as?: { cookie: string; csrf: string } } = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}), Cookie: (init.as ?? { cookie }).cookie, 'X-CSRF-Token': (init.as ?? { csrf }).csrf },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
  const signIn = async (name: string, password: string) => {
    const res = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }) });
    return { res, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: res.status === 200 ? ((await res.json()) as { csrf: string }).csrf : '' };
  };
  const first = async (): Promise<Assignment> => ((await (await call(`/api/documents/${id}`)).json()) as Document).assignments[0]!;

  it('stores no plain password, and refuses a wrong one', async () => {
    expect(readFileSync(join(out, '.review', 'reviewers.json'), 'utf8')).not.toContain('correct horse');
    expect((await signIn('lan', 'wrong password')).res.status).toBe(401);
    expect((await signIn('nobody', 'correct horse')).res.status).toBe(401);
    const ok = await signIn('lan', 'correct horse');
    expect(ok.res.status).toBe(200);
    expect(ok.res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    cookie = ok.cookie;
    csrf = ok.csrf;
  });

  it('answers a malformed cookie or body without a stack trace', async () => {
    const bad = await fetch(`${server.url}/api/session`, { headers: { Cookie: 'plan_ingest_session=%E0%A4%A' } });
    expect(bad.status).toBe(200);
    expect(await bad.json()).toMatchObject({ reviewer: null });
    const body = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name": ' });
    expect(body.status).toBe(400);
    const text = await body.text();
    expect(text).not.toMatch(/at |node_modules|\/work\//);
  });

  it('refuses writes without a session, without the CSRF token, or as a form post', async () => {
    const a = await first();
    const edit = { op: 'set', kind: 'assignment', record: a.id, revision: 0, field: 'notes', value: 'x' };
    expect((await call(`/api/documents/${id}/edits`, { method: 'POST', json: edit, as: { cookie: '', csrf: '' } })).status).toBe(401);
    expect((await call(`/api/documents/${id}/edits`, { method: 'POST', json: edit, as: { cookie, csrf: 'forged' } })).status).toBe(403);
    const form = await fetch(`${server.url}/api/documents/${id}/edits`, { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'op=set' });
    expect(form.status).toBe(415);
    expect((await readCorrections(out, id)).length).toBe(0);
  });

  it('saves a lead agency and a timeline, normalized, with who, when, before and after', async () => {
    const a = await first();
    const lead = await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'set', kind: 'assignment', record: a.id, revision: 0, field: 'lead', value: 'Sở Khoa học và Công nghệ; Phòng Kinh tế' } });
    expect(lead.status).toBe(200);
    const timeline = await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'set', kind: 'assignment', record: a.id, revision: 1, field: 'timeline', value: 'Quý III/2026' } });
    const { record } = (await timeline.json()) as { record: Assignment };
    expect(record.lead.map((l) => l.raw)).toEqual(['Sở Khoa học và Công nghệ', 'Phòng Kinh tế']);
    expect(record.timeline).toMatchObject({ raw: 'Quý III/2026', start: '2026-07-01', end: '2026-09-30' });
    expect(record.review).toMatchObject({ corrected: ['lead', 'timeline'], revision: 2, reviewer: 'lan' });
    const trail = await readCorrections(out, id);
    expect(trail.map((c) => [c.reviewer, c.field, c.record])).toEqual([['lan', 'lead', a.id], ['lan', 'timeline', a.id]]);
    expect(trail[0]!.before).toEqual(a.lead);
    expect(Date.parse(trail[0]!.time)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('gives the second reviewer of a row a conflict, not a silent overwrite', async () => {
    const a = await first();
    const minh = await signIn('minh', 'battery staple');
    const stale = await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'set', kind: 'assignment', record: a.id, revision: 0, field: 'output', value: 'Báo cáo' }, as: minh });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: string; current: Assignment };
    expect(body.error).toContain('lan');
    expect(body.current.review?.revision).toBe(2);
    expect((await first()).output).toBe(a.output);
  });

  it('rejects values that do not fit the field', async () => {
    const a = await first();
    const res = await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'set', kind: 'assignment', record: a.id, revision: 2, field: 'task', value: '   ' } });
    expect(res.status).toBe(422);
    expect((await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'set', kind: 'assignment', record: a.id, revision: 2, field: 'confidence', value: 1 } })).status).toBe(422);
  });

  it('keeps corrections when the document is processed again, in the emitted JSON too', async () => {
    await server.store.flush();
    expect((await runCli(['ingest', FIXTURE, '--out', out, '--no-progress'])).code).toBe(0);
    const emitted = Document.parse(JSON.parse(readFileSync(join(out, 'kh-xa-chi-minh-2026.json'), 'utf8')));
    expect(emitted.version).toBe(2);
    expect(emitted.assignments[0]!.timeline?.raw).toBe('Quý III/2026');
    expect(emitted.assignments[0]!.review).toMatchObject({ corrected: ['lead', 'timeline'], sourceChanged: false });
    const served = await first();
    expect(served.lead.map((l) => l.raw)).toEqual(['Sở Khoa học và Công nghệ', 'Phòng Kinh tế']);
    // the machine's own reading is kept apart
    const machine = Document.parse(JSON.parse(readFileSync(join(out, '.review', id, 'extracted.json'), 'utf8')));
    expect(machine.assignments[0]!.timeline?.raw ?? null).not.toBe('Quý III/2026');
  });

  it('exports CSV and XLSX with the corrections and the Vietnamese intact', async () => {
    const bytes = Buffer.from(await (await call(`/api/documents/${id}/export.csv?kind=assignments`)).arrayBuffer());
    // a UTF-8 byte order mark, so that Excel reads the Vietnamese letters
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.startsWith('code,section,task,lead')).toBe(true);
    expect(csv).toContain('Sở Khoa học và Công nghệ; Phòng Kinh tế');
    const xlsx = Buffer.from(await (await call(`/api/documents/${id}/export.xlsx?kind=assignments`)).arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as never);
    const sheet = book.getWorksheet('assignments')!;
    expect(sheet.getRow(1).getCell(4).value).toBe('lead');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.some((r) => r[4] === 'Sở Khoa học và Công nghệ; Phòng Kinh tế' && r[6] === 'Quý III/2026')).toBe(true);
  });

  it('adds a missing row, deletes a spurious one, marks rows and the document reviewed', async () => {
    const before = ((await (await call(`/api/documents/${id}`)).json()) as Document).assignments;
    const added = await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'add', kind: 'assignment', code: '9.9' } });
    const { record } = (await added.json()) as { record: Assignment };
    expect(record).toMatchObject({ code: '9.9', review: { added: true, revision: 1 } });
    const filled = await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'set', kind: 'assignment', record: record.id, revision: 1, field: 'task', value: 'Tổ chức sơ kết việc thực hiện kế hoạch' } });
    expect(filled.status).toBe(200);
    const victim = before.at(-1)!;
    expect((await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'delete', kind: 'assignment', record: victim.id, revision: victim.review?.revision ?? 0 } })).status).toBe(200);
    const second = before[1]!;
    expect((await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'reviewed', kind: 'assignment', record: second.id, revision: second.review?.revision ?? 0 } })).status).toBe(200);
    expect((await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'reviewed', kind: 'assignment', record: id, revision: 0 } })).status).toBe(200);
    const after = (await (await call(`/api/documents/${id}`)).json()) as Document;
    expect(after.assignments.map((a) => a.id)).not.toContain(victim.id);
    expect(after.assignments.find((a) => a.code === '9.9')?.task).toBe('Tổ chức sơ kết việc thực hiện kế hoạch');
    expect(after.assignments.find((a) => a.id === second.id)?.review?.reviewed).toBe(true);
    expect(after.review).toMatchObject({ reviewed: true, reviewer: 'lan', deleted: [victim.id] });
    const { documents } = (await (await call('/api/documents')).json()) as { documents: { id: string; reviewed: boolean }[] };
    expect(documents.find((d) => d.id === id)?.reviewed).toBe(true);
  });

  it('feeds corrected texts to the restoration model (train --corrections)', async () => {
    const a = (await (await call(`/api/documents/${id}`)).json() as Document).assignments[1]!;
    const task = 'Xây dựng cơ sở dữ liệu số về khoa học và công nghệ của xã, cập nhật hằng năm.';
    const res = await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'set', kind: 'assignment', record: a.id, revision: a.review?.revision ?? 0, field: 'task', value: task } });
    expect(res.status).toBe(200);
    expect(await correctedTexts(out)).toEqual(['Tổ chức sơ kết việc thực hiện kế hoạch', task]);
    const train = await runCli(['train', '--corrections', out]);
    expect(train.code).toBe(0);
    expect(train.stderr).toMatch(/2 corrected text\(s\) taken/);
  });

  it('previews how a timeline parses, and suggests agencies', async () => {
    const { timeline } = (await (await call('/api/parse/timeline?raw=Tháng%2012%2F2026')).json()) as { timeline: { kind: string; start: string } };
    expect(timeline).toMatchObject({ start: '2026-12-01' });
    const { agencies } = (await (await call('/api/agencies')).json()) as { agencies: { name: string }[] };
    expect(agencies.length).toBeGreaterThan(3);
  });

  it('learns an agency alias from a correction, which the next processing applies', async () => {
    const doc = (await (await call(`/api/documents/${id}`)).json()) as Document;
    const a = doc.assignments.find((r) => r.lead.length === 1 && !r.review)!;
    const printed = a.lead[0]!.raw;
    const res = await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'set', kind: 'assignment', record: a.id, revision: 0, field: 'lead', value: 'Sở Khoa học và Công nghệ' } });
    expect(res.status).toBe(200);
    const aliases = JSON.parse(readFileSync(join(DATA_DIR, 'agency-aliases.json'), 'utf8')) as { alias: string; name: string }[];
    expect(aliases).toContainEqual({ alias: printed, name: 'Sở Khoa học và Công nghệ' });
    await server.store.flush();
    expect((await runCli(['ingest', FIXTURE, '--out', out, '--no-progress'])).code).toBe(0);
    const machine = Document.parse(JSON.parse(readFileSync(join(out, '.review', id, 'extracted.json'), 'utf8')));
    const same = machine.assignments.flatMap((r) => r.lead).filter((l) => l.raw === printed);
    expect(same.length).toBeGreaterThan(0);
    for (const l of same) expect(l).toMatchObject({ raw: printed, name: 'Sở Khoa học và Công nghệ' });
  });

  // last: it leaves this address waiting
  it('opens light (records and page outlines), gives a page and its image on request', async () => {
    const whole = await (await call(`/api/documents/${id}`)).text();
    const res = await call(`/api/documents/${id}/records`);
    const light = (await res.json()) as { pages: { number: number; words: number; width: number }[]; assignments: Assignment[] };
    const doc = JSON.parse(whole) as Document;
    expect(light.assignments.map((a) => a.id)).toEqual(doc.assignments.map((a) => a.id));
    expect(light.pages.map((p) => p.words)).toEqual(doc.pages.map((p) => p.words.length));
    expect(JSON.stringify(light).length).toBeLessThan(whole.length / 5);
    const page = (await (await call(`/api/documents/${id}/pages/2`)).json()) as Document['pages'][number];
    expect(page.words).toEqual(doc.pages[1]!.words);
    expect((await call(`/api/documents/${id}/pages/999`)).status).toBe(404);
    expect((await call(`/api/documents/${id}/pages/..%2F1`)).status).toBe(404);
    const image = await call(`/api/documents/${id}/pages/2/image.png`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
  });

  it('undoes a saved change as a correction of its own, and edits a row\'s extra columns', async () => {
    const a = await first();
    const set = await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'set', kind: 'assignment', record: a.id, revision: a.review?.revision ?? 0, field: 'notes', value: 'Ghi chú tạm' } });
    const setRecord = ((await set.json()) as { record: Assignment }).record;
    const trail = ((await (await call(`/api/documents/${id}/corrections?record=${encodeURIComponent(a.id)}`)).json()) as { corrections: Correction[] }).corrections;
    expect(trail.every((c) => c.record === a.id)).toBe(true);
    const made = trail.at(-1)!;
    expect(made).toMatchObject({ field: 'notes', after: 'Ghi chú tạm', before: a.notes ?? null });
    const undo = await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'undo', kind: 'assignment', record: a.id, revision: setRecord.review!.revision, correction: made.id } });
    expect(undo.status).toBe(200);
    expect(((await undo.json()) as { record: Assignment }).record.notes).toBe(a.notes ?? null);
    expect((await readCorrections(out, id)).at(-1)).toMatchObject({ op: 'set', field: 'notes', before: 'Ghi chú tạm', after: a.notes ?? null, undoes: made.id });
    const other = (await first()).review!.revision;
    expect((await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'undo', kind: 'assignment', record: a.id, revision: other, correction: 'no-such-correction' } })).status).toBe(422);
    const extra = await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'set', kind: 'assignment', record: a.id, revision: other, field: 'extra', value: { 'Kinh phí': '  150   triệu ' } } });
    expect(extra.status).toBe(200);
    expect(((await extra.json()) as { record: Assignment }).record.extra).toEqual({ 'Kinh phí': '150 triệu' });
    expect((await call(`/api/documents/${id}/edits`, { method: 'POST', json: { op: 'set', kind: 'assignment', record: a.id, revision: other + 1, field: 'extra', value: 'not an object' } })).status).toBe(422);
  });

  it('makes a guesser wait: after five wrong passwords, 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn('lan', `guess ${i}`)).res.status);
    // five failures are free (per name and per address; this address failed a few times above already)
    expect(statuses[0]).toBe(401);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(statuses.indexOf(429))).toEqual(statuses.slice(statuses.indexOf(429)).map(() => 429));
    const blocked = await signIn('lan', 'correct horse');
    expect(blocked.res.status).toBe(429);
    expect(Number(blocked.res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
