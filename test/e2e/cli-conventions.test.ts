import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendCorrection, extractedPath } from '../../src/output/index.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../support/run-cli.js';

/**
 * CLI conventions for clerks and integrators (issue 19): exit codes,
 * -q/-v, export, reviewer accounts, readable validation messages, train's
 * reasons. Real CLI runs on small text plans (no OCR: fast).
 */
const dir = mkdtempSync(join(tmpdir(), 'pi-conventions-'));
const PLAN = [
  'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'TỈNH LÂM ĐỒNG\tĐộc lập - Tự do - Hạnh phúc',
  'Số: 12/KH-UBND\tLâm Đồng, ngày 5 tháng 3 năm 2026',
  '',
  'KẾ HOẠCH',
  'Thực hiện chuyển đổi số năm 2026',
  '',
  'II. NHIỆM VỤ CỤ THỂ',
  'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tKinh phí',
  '1\tXây dựng cơ sở dữ liệu dùng chung của tỉnh\tSở Khoa học và Công nghệ\tCác sở, ngành\tQuý III/2026\t500 triệu đồng',
  '2\tTổ chức tập huấn kỹ năng số cho cán bộ, công chức\tSở Nội vụ\tUBND các xã\tNăm 2026\tNgân sách tỉnh',
  '',
].join('\n');
const plan = join(dir, 'plan.txt');
const missing = join(dir, 'nowhere.pdf');
writeFileSync(plan, PLAN);
/** CLI runs start tsx and the whole CLI: seconds each, more on a busy machine. */
const LONG = 300_000;

/** RFC 4180 rows (quoted cells with commas, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.trim().split('\r\n')) rows.push([...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));
  return rows;
}

describe('exit codes', () => {
  it('usage errors (an unknown flag, a bad value, -q with -v) exit with the usage code, not 1', async () => {
    const [bogus, both, model] = await Promise.all([runCli(['ingest', plan, '--ocr-dpi', 'many']), runCli(['ingest', plan, '-q', '-v']), runCli(['ingest', plan, '--ocr-model', 'tiny'])]);
    expect(bogus.code).toBe(EXIT.usage);
    expect(both.code).toBe(EXIT.usage);
    expect(model.code).toBe(EXIT.usage);
    expect(model.stderr).toMatch(/expected best or fast/);
    expect(both.stderr).toMatch(/cannot be used with/);
  }, LONG);

  it('ingest: some inputs failed, all failed, and an output folder that cannot be written', async () => {
    const out = join(dir, 'out-codes');
    // a file where the folder should be: found before any input is processed (tests may run as root: no chmod)
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const [some, all, unwritable] = await Promise.all([
      runCli(['ingest', plan, missing, '--out', out, '--no-progress']),
      runCli(['ingest', missing, '--out', join(dir, 'out-all'), '--no-progress']),
      runCli(['ingest', plan, '--out', join(blocker, 'out'), '--no-progress']),
    ]);
    expect(some.code).toBe(EXIT.someFailed);
    expect(some.stderr).toContain(`plan-ingest: ${missing}: file not found`);
    // normal verbosity: progress lines and one outcome line per file
    expect(some.stdout).toContain(`→ ${join(out, 'plan.json')}`);
    expect(some.stderr).toContain('[1/2]');
    expect(some.stderr).not.toContain('"level"');
    expect(all.code).toBe(EXIT.allFailed);
    expect(unwritable.code).toBe(EXIT.cannotWrite);
    expect(unwritable.stderr).toContain(`cannot write to ${join(blocker, 'out')}: a file is in the way`);
    expect(unwritable.stderr).not.toContain('plan.txt');
  }, LONG);

  it('submit: a REDIS_URL nobody answers on is said in one line and exits 1, instead of retrying forever', async () => {
    // port 1 (tcpmux) is closed on any machine the tests run on
    const res = await runCli(['submit', plan, '--out', join(dir, 'out-submit')], { env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    expect(res.code).toBe(EXIT.error);
    expect(res.stderr).toMatch(/^plan-ingest: cannot reach Redis at redis:\/\/127\.0\.0\.1:1/m);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  }, LONG);

  it('restore: an unwritable output is cannot-write', async () => {
    const res = await runCli(['restore', '--in', plan, '--out', join(dir, 'no-such-folder', 'x.txt')]);
    expect(res.code).toBe(EXIT.cannotWrite);
    expect(res.stderr).toContain('its folder does not exist');
  }, LONG);
});

describe('-q and -v', () => {
  it('-q: only failures and the summary; -v: debug log lines too', async () => {
    const [quiet, verbose] = await Promise.all([
      runCli(['ingest', plan, missing, '--out', join(dir, 'out-quiet'), '--no-progress', '-q']),
      runCli(['-v', 'ingest', plan, '--out', join(dir, 'out-verbose'), '--no-progress']),
    ]);
    expect(quiet.code).toBe(EXIT.someFailed);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr.trim().split('\n')).toEqual([`plan-ingest: ${missing}: file not found`, expect.stringMatching(/^2 file\(s\) in [\d.]+ s: 1 ok, 0 partial, 1 failed$/)]);
    const debug = verbose.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { level: number; msg: string; file?: string });
    expect(debug).toContainEqual(expect.objectContaining({ level: 20, msg: 'document processed', file: plan }));
  }, LONG);
});

describe('plan-ingest export', () => {
  const out = join(dir, 'out-export');
  let id = '';
  beforeAll(async () => {
    expect((await runCli(['ingest', plan, '--out', out, '--no-progress', '-q'])).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8'));
    id = doc.id;
    const first = doc.assignments[0];
    // a reviewer's correction on the trail only (as if the server stopped before rewriting plan.json): export must apply it
    writeFileSync(join(out, 'plan.json'), JSON.stringify(doc));
    const { mkdirSync, copyFileSync } = await import('node:fs');
    mkdirSync(join(out, '.review', id), { recursive: true });
    copyFileSync(join(out, 'plan.json'), extractedPath(out, id));
    const base = { document: id, kind: 'assignment' as const, record: first.id, code: first.code, source: null, reviewer: 'lan', time: '2026-03-06T08:00:00.000Z' };
    await appendCorrection(out, { ...base, id: randomUUID(), op: 'set', field: 'output', before: null, after: 'Cơ sở dữ liệu dùng chung' });
    await appendCorrection(out, { ...base, id: randomUUID(), op: 'reviewed', field: null, before: null, after: null });
    writeFileSync(join(out, 'notes.json'), '{"not": "a document"}');
  }, LONG);

  it('CSV: document columns, every field, the review state and the extra columns, corrections applied', async () => {
    const res = await runCli(['export', out, '--format', 'csv']);
    expect(res.code).toBe(EXIT.someFailed); // notes.json is not a document, and says so
    expect(res.stderr).toContain('notes.json: not a plan-ingest document');
    const [columns, ...rows] = parseCsv(res.stdout.replace(/^\uFEFF/, ''));
    expect(res.stdout.startsWith('\uFEFF')).toBe(true);
    expect(columns!.slice(0, 4)).toEqual(['document', 'file', 'title', 'code']);
    expect(columns).toEqual(expect.arrayContaining(['task', 'lead', 'timeline', 'corrected', 'reviewed', 'reviewer', 'review time', 'Kinh phí']));
    expect(rows).toHaveLength(2);
    const cell = (row: string[], name: string) => row[columns!.indexOf(name)];
    expect(cell(rows[0]!, 'output')).toBe('Cơ sở dữ liệu dùng chung');
    expect(cell(rows[0]!, 'corrected')).toBe('output');
    expect(cell(rows[0]!, 'reviewed')).toBe('yes');
    expect(cell(rows[0]!, 'reviewer')).toBe('lan');
    expect(cell(rows[0]!, 'Kinh phí')).toBe('500 triệu đồng');
    expect(cell(rows[1]!, 'reviewed')).toBe('');
    expect(cell(rows[1]!, 'Kinh phí')).toBe('Ngân sách tỉnh');
    expect(cell(rows[0]!, 'cooperating')).toBe('Các sở, ngành');
  }, LONG);

  it('XLSX to a file, readable by exceljs; JSON Lines one record a line', async () => {
    const file = join(dir, 'assignments.xlsx');
    const [xlsx, jsonl, none, unwritable] = await Promise.all([
      runCli(['export', out, '--format', 'xlsx', '--output', file, '-q']),
      runCli(['export', out, '--format', 'jsonl']),
      runCli(['export', join(dir, 'none'), '--format', 'csv']),
      runCli(['export', out, '--format', 'csv', '--output', join(dir, 'a-file', 'x.csv')]),
    ]);
    expect(xlsx.code).toBe(EXIT.someFailed);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('assignments')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Kinh phí');
    expect(sheet.getRow(2).getCell(header.indexOf('reviewer') + 1).value).toBe('lan');
    const records = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ document: id, file: 'plan.txt', kind: 'assignment', output: 'Cơ sở dữ liệu dùng chung', extra: { 'Kinh phí': '500 triệu đồng' }, review: { reviewed: true, reviewer: 'lan' } });
    expect(none.code).toBe(EXIT.allFailed);
    expect(unwritable.code).toBe(EXIT.cannotWrite);
  }, LONG);
});

describe('plan-ingest reviewer', () => {
  const out = join(dir, 'out-reviewers');

  it('refuses a bad name in one plain line, before asking for a password', async () => {
    const [res, short] = await Promise.all([
      runCli(['reviewer', 'add', 'Lan Anh!', '--out', out], { input: 'long enough\n' }),
      runCli(['reviewer', 'add', 'lan', '--out', out], { input: 'short\n' }),
    ]);
    expect(res.code).toBe(EXIT.usage);
    expect(res.stderr).toBe("plan-ingest: reviewer name: must be 1–64 letters, digits, '.', '_' or '-'\n");
    expect(short.code).toBe(EXIT.usage);
    expect(short.stderr).toBe('plan-ingest: password: must have at least 8 characters\n');
  }, LONG);

  it('adds, lists, sets a new password for, and removes reviewers', async () => {
    const { ReviewerAccounts } = await import('../../src/review/index.js');
    expect((await runCli(['reviewer', 'add', 'lan', '--out', out], { input: 'correct horse\n' })).code).toBe(0);
    await new ReviewerAccounts(out).set('minh', 'battery staple', 'admin');
    const [list, passwd, nobody] = await Promise.all([
      runCli(['reviewer', 'list', '--out', out]),
      runCli(['reviewer', 'passwd', 'minh', '--out', out], { input: 'new password\n' }),
      runCli(['reviewer', 'passwd', 'nobody', '--out', out], { input: 'new password\n' }),
    ]);
    expect(list.stdout.trim().split('\n').map((l) => l.split('\t').slice(0, 2))).toEqual([['lan', 'reviewer'], ['minh', 'admin']]);
    expect(passwd.code).toBe(0);
    expect(nobody.code).toBe(EXIT.error);
    expect(await new ReviewerAccounts(out).verify('minh', 'new password')).toEqual({ name: 'minh', role: 'admin' });
    expect(await new ReviewerAccounts(out).verify('minh', 'battery staple')).toBeNull();
    expect((await runCli(['reviewer', 'remove', 'lan', '--out', out])).code).toBe(0);
    expect(await new ReviewerAccounts(out).verify('lan', 'correct horse')).toBeNull();
    const again = await runCli(['reviewer', 'remove', 'lan', '--out', out]);
    expect(again.code).toBe(EXIT.error);
    expect(again.stderr).toContain('no reviewer named lan');
    expect((await new ReviewerAccounts(out).all()).map((a) => a.name)).toEqual(['minh']);
  }, LONG);
});

describe('plan-ingest train', () => {
  it('says why a scan gives nothing, and exits all-failed without touching the model', async () => {
    const res = await runCli(['train', 'fixtures/scan/kh-bql-2026.p1.png']);
    expect(res.code).toBe(EXIT.allFailed);
    expect(res.stderr).toContain('fixtures/scan/kh-bql-2026.p1.png: nothing taken: an image: scans are not used for training');
    expect(res.stderr).toContain('the model is unchanged');
  }, LONG);
});
