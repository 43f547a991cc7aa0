import { Job, Queue } from 'bullmq';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document } from '../../schemas/index.js';
import { ReviewerAccounts } from '../../src/review/index.js';
import { startCli } from '../support/cli-process.js';
import { runCli } from '../support/run-cli.js';
import { finished, list, waitForFeed } from '../support/inbox.js';
import { runRedisTests } from '../support/redis.js';
import { useWatchService } from '../support/watch-service.js';
import { scannedPdf } from '../support/scanned-pdf.js';

const PDF = (name: string) => join('fixtures', 'pdf', name);

/** `plan-ingest watch` as a clerk runs it, against a real redis-server. */
describe.runIf(runRedisTests)('watch: inbox → BullMQ workers → outbox (real Redis)', () => {
  const service = useWatchService('watch');
  const { dirs, prefix } = service;

  it('processes every dropped file once: outputs, duplicates and failures each with a reason, originals kept', async () => {
    copyFileSync(PDF('kh-xa-chi-minh-2026.pdf'), join(dirs.inbox, 'kh-xa-chi-minh-2026.pdf'));
    copyFileSync(PDF('kh-skhcn-2026.pdf'), join(dirs.inbox, 'kh-skhcn-2026.pdf'));
    writeFileSync(join(dirs.inbox, 'ghi chú.pdf'), 'this is not a PDF\n');
    writeFileSync(join(dirs.inbox, 'empty.pdf'), '');
    writeFileSync(join(dirs.inbox, 'copying.pdf.part'), '%PDF-1.4 still being copied');
    // the same content under a Vietnamese name with spaces, once the first is queued
    await service.watch.waitFor(/queued +kh-xa-chi-minh-2026\.pdf/);
    copyFileSync(PDF('kh-xa-chi-minh-2026.pdf'), join(dirs.inbox, 'Kế hoạch xã Chí Minh (bản sao).pdf'));

    const names = ['kh-xa-chi-minh-2026.pdf', 'kh-skhcn-2026.pdf', 'ghi chú.pdf', 'empty.pdf', 'Kế hoạch xã Chí Minh (bản sao).pdf'];
    const feed = await waitForFeed(dirs.out, (es) => names.every((n) => finished(es, n).length > 0));
    for (const n of names) expect(finished(feed, n), n).toHaveLength(1);
    expect(finished(feed, 'kh-xa-chi-minh-2026.pdf')[0]).toMatchObject({ status: 'ok', version: 1, output: 'kh-xa-chi-minh-2026.json' });
    expect(finished(feed, 'Kế hoạch xã Chí Minh (bản sao).pdf')[0]).toMatchObject({ status: 'duplicate', reason: expect.stringContaining('kh-xa-chi-minh-2026.pdf') });
    expect(finished(feed, 'ghi chú.pdf')[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('not a PDF') });
    expect(finished(feed, 'empty.pdf')[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('empty') });

    const doc = Document.parse(JSON.parse(readFileSync(join(dirs.out, 'kh-xa-chi-minh-2026.json'), 'utf8')));
    expect(doc.version).toBe(1);
    expect(doc.assignments.length).toBeGreaterThan(5);
    expect(list(join(dirs.inbox, 'processing'))).toEqual([]);
    expect(list(join(dirs.inbox, 'processed'))).toEqual(
      ['Kế hoạch xã Chí Minh (bản sao).pdf', 'Kế hoạch xã Chí Minh (bản sao).pdf.reason.txt', 'kh-skhcn-2026.pdf', 'kh-xa-chi-minh-2026.pdf'].sort(),
    );
    expect(list(join(dirs.inbox, 'failed'))).toEqual(['empty.pdf', 'empty.pdf.reason.txt', 'ghi chú.pdf', 'ghi chú.pdf.reason.txt']);
    expect(readFileSync(join(dirs.inbox, 'failed', 'ghi chú.pdf.reason.txt'), 'utf8')).toMatch(/not a PDF/);
    // the original is kept byte for byte; the temp-named file is left alone
    expect(readFileSync(join(dirs.inbox, 'failed', 'ghi chú.pdf'), 'utf8')).toBe('this is not a PDF\n');
    expect(list(dirs.inbox)).toContain('copying.pdf.part');
    expect(service.watch.output()).toMatch(/failed +ghi chú\.pdf: not a PDF/);
  });

  it('re-processes known content only when asked: a new version, the same document and record ids', async () => {
    const output = join(dirs.out, 'kh-xa-chi-minh-2026.json');
    const first = Document.parse(JSON.parse(readFileSync(output, 'utf8')));
    const env = { REDIS_URL: service.redis.url, PLAN_INGEST_QUEUE_PREFIX: prefix, PLAN_INGEST_DATA_DIR: dirs.data };
    const again = await runCli(['submit', PDF('kh-xa-chi-minh-2026.pdf'), '--out', dirs.out], { env });
    expect(again.stdout).toMatch(/duplicate kh-xa-chi-minh-2026\.pdf: same content as kh-xa-chi-minh-2026\.pdf/);
    const forced = await runCli(['submit', PDF('kh-xa-chi-minh-2026.pdf'), '--out', dirs.out, '--reprocess'], { env });
    expect(forced.code).toBe(0);
    const feed = await waitForFeed(dirs.out, (es) => es.some((e) => e.id === first.id && e.version === 2));
    expect(feed.filter((e) => e.id === first.id && e.status === 'ok').map((e) => e.version)).toEqual([1, 2]);
    const second = Document.parse(JSON.parse(readFileSync(output, 'utf8')));
    expect(second.version).toBe(2);
    expect(second.id).toBe(first.id);
    expect(second.assignments.map((a) => a.id)).toEqual(first.assignments.map((a) => a.id));
    expect(second.indicators.map((a) => a.id)).toEqual(first.indicators.map((a) => a.id));
    // submitted files stay where they are
    expect(readFileSync(PDF('kh-xa-chi-minh-2026.pdf')).length).toBeGreaterThan(0);
  });

  it('keeps the queue dashboard for signed-in admins, read-only; workers refuse jobs plan-ingest did not queue', async () => {
    const accounts = new ReviewerAccounts(dirs.out);
    await accounts.set('nguyen-an', 'mat-khau-an-1', 'reviewer');
    await accounts.set('quan-tri', 'mat-khau-qt-1', 'admin');
    expect(statSync(accounts.path).mode & 0o777).toBe(0o600);
    const env = { REDIS_URL: service.redis.url, PLAN_INGEST_QUEUE_PREFIX: prefix, PLAN_INGEST_DATA_DIR: dirs.data };
    const serve = startCli(['serve', '--out', dirs.out, '--port', '0', '--dashboard'], env);
    try {
      const url = (await serve.waitFor(/serving .* at (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
      expect(await (await fetch(`${url}/api/health`)).json()).toMatchObject({ status: 'ok', queue: 'up' });
      const signIn = async (name: string, password: string) => {
        const r = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
        return r.headers.get('set-cookie')!.split(';')[0]!;
      };
      expect((await fetch(`${url}/admin/queues`)).status).toBe(401);
      expect((await fetch(`${url}/admin/queues`, { headers: { cookie: await signIn('nguyen-an', 'mat-khau-an-1') } })).status).toBe(403);
      const admin = await signIn('quan-tri', 'mat-khau-qt-1');
      const board = await fetch(`${url}/admin/queues`, { headers: { cookie: admin } });
      expect(board.status).toBe(200);
      expect(board.headers.get('content-security-policy')).toContain("script-src 'self'");
      const queues = (await (await fetch(`${url}/admin/queues/api/queues`, { headers: { cookie: admin } })).json()) as { queues: { name: string; readOnlyMode: boolean }[] };
      expect(queues.queues.map((q) => q.name).sort()).toEqual(['documents', 'pages']);
      expect(queues.queues.every((q) => q.readOnlyMode)).toBe(true);
      // the add-job route that made a worker read and publish a 0600 file: refused even for the admin in read-only mode
      const secret = join(dirs.root, 'secret.txt');
      writeFileSync(secret, 'mật khẩu của người khác', { mode: 0o600 });
      const attack = { file: secret, name: 'secret.txt', base: 'stolen', sha256: 'b'.repeat(64), outDir: dirs.root, inbox: dirs.root, options: { ocr: false, restore: false, ocrDpi: 300, maxBytes: 1e6 }, step: 'read' };
      const posted = await fetch(`${url}/admin/queues/api/queues/documents/add`, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json', origin: url },
        body: JSON.stringify({ name: 'x', data: attack, options: {} }),
      });
      expect(posted.status).toBeGreaterThanOrEqual(400);
      // a name that rebinds to 127.0.0.1 is not served (DNS rebinding)
      expect(await statusWithHost(url, 'attacker.example')).toBe(421);
      expect(await statusWithHost(url, 'localhost')).toBe(200);

      // the same job put straight into Redis, with a made-up signature: the worker refuses it
      const documents = new Queue('documents', { connection: { path: service.redis.url.slice('unix://'.length) }, prefix });
      try {
        const job = await documents.add('x', { ...attack, signature: 'c'.repeat(64) }, { attempts: 1 });
        const until = Date.now() + 30_000;
        while ((await job.getState()) !== 'failed' && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
        expect((await Job.fromId(documents, job.id!))?.failedReason).toMatch(/not signed/);
      } finally {
        await documents.close();
      }
      expect(existsSync(join(dirs.root, 'stolen.json'))).toBe(false);
      expect(readFileSync(secret, 'utf8')).toBe('mật khẩu của người khác');
    } finally {
      await serve.stop();
    }
  });

  it('refuses to replace an output that holds another document with the same name', async () => {
    writeFileSync(join(dirs.inbox, 'kh-skhcn-2026.txt'), 'KẾ HOẠCH\nMột kế hoạch khác, cùng tên tệp với kế hoạch đã xử lý.\n');
    const feed = await waitForFeed(dirs.out, (es) => finished(es, 'kh-skhcn-2026.txt').length > 0);
    expect(finished(feed, 'kh-skhcn-2026.txt')[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('already holds another document') });
    expect(Document.parse(JSON.parse(readFileSync(join(dirs.out, 'kh-skhcn-2026.json'), 'utf8'))).source.file).toBe('kh-skhcn-2026.pdf');
    expect(list(join(dirs.inbox, 'failed'))).toContain('kh-skhcn-2026.txt');
  });

  it('takes a file copied slowly in chunks once, complete', async () => {
    const bytes = readFileSync(PDF('kh-bql-2026.pdf'));
    const handle = await open(join(dirs.inbox, 'slow copy.pdf'), 'w');
    const chunks = 8;
    for (let i = 0; i < chunks; i++) {
      await handle.write(bytes.subarray(Math.floor((i * bytes.length) / chunks), Math.floor(((i + 1) * bytes.length) / chunks)));
      await new Promise((r) => setTimeout(r, 450)); // longer than --stable-ms: the missing %%EOF must hold it back
    }
    await handle.close();
    const feed = await waitForFeed(dirs.out, (es) => finished(es, 'slow copy.pdf').length > 0);
    expect(finished(feed, 'slow copy.pdf')).toEqual([expect.objectContaining({ status: 'ok', output: 'slow copy.json' })]);
    const doc = Document.parse(JSON.parse(readFileSync(join(dirs.out, 'slow copy.json'), 'utf8')));
    expect(doc.source.bytes).toBe(bytes.length);
  });

  it('OCRs a scanned PDF in page jobs and assembles one document from them', async () => {
    const pdf = await scannedPdf([
      ['KẾ HOẠCH', 'Phát triển khoa học, công nghệ'],
      ['Ủy ban nhân dân thành phố Hải Phòng', 'đổi mới sáng tạo và chuyển đổi số'],
    ]);
    writeFileSync(join(dirs.inbox, 'scan.pdf'), pdf);
    const feed = await waitForFeed(dirs.out, (es) => finished(es, 'scan.pdf').length > 0, 120_000);
    expect(finished(feed, 'scan.pdf')[0]?.status).toMatch(/ok|partial/);
    const doc = Document.parse(JSON.parse(readFileSync(join(dirs.out, 'scan.json'), 'utf8')));
    expect(doc.pages.map((p) => p.origin)).toEqual(['ocr', 'ocr']);
    expect(doc.pages[0]?.text).toContain('công nghệ');
    expect(doc.pages[1]?.text).toContain('Hải Phòng');
    expect(service.watch.output()).toMatch(/scan\.pdf: ocr page [12]\/2/);
  });
});

/** A GET naming another Host than the URL's (fetch does not let a page or a test set Host). */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request(`${url}/api/health`, { headers: { host } }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}
