import { mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refuseDocumentJob, refusePageJob } from '../../../src/queue/job-guard.js';
import { loadJobKey, signDocumentJob, signPageJob } from '../../../src/queue/job-signature.js';

const root = mkdtempSync(join(tmpdir(), 'pi-job-guard-'));
const inbox = join(root, 'inbox');
const out = join(root, 'out');
mkdirSync(join(inbox, 'processing'), { recursive: true });
mkdirSync(out);
const secret = join(root, 'secret.txt');
writeFileSync(secret, 'mật khẩu', { mode: 0o600 });
writeFileSync(join(inbox, 'processing', 'kh.pdf'), '%PDF-1.4');
const options = { ocr: true, restore: true, ocrDpi: 300, maxBytes: 1024 };
const job = (file: string) => ({ file, name: 'kh.pdf', base: 'kh', sha256: 'a'.repeat(64), outDir: out, inbox, options, step: 'read' as const });

describe('job signatures and paths', () => {
  const saved = process.env.PLAN_INGEST_JOB_KEY;
  afterEach(() => {
    if (saved === undefined) delete process.env.PLAN_INGEST_JOB_KEY;
    else process.env.PLAN_INGEST_JOB_KEY = saved;
  });

  it('makes one key per data folder, readable by its owner only', () => {
    delete process.env.PLAN_INGEST_JOB_KEY;
    const data = join(root, 'data');
    const key = loadJobKey(data);
    expect(key).toHaveLength(32);
    expect(loadJobKey(data).equals(key)).toBe(true);
    expect(statSync(join(data, 'job-key')).mode & 0o777).toBe(0o600);
    process.env.PLAN_INGEST_JOB_KEY = 'zz';
    expect(() => loadJobKey(data)).toThrow(/64 hex digits/);
  });

  it('takes a job it signed for a file in the inbox', async () => {
    const key = Buffer.alloc(32, 7);
    expect(await refuseDocumentJob(signDocumentJob(job(join(inbox, 'processing', 'kh.pdf')), key), key)).toBeNull();
  });

  it('refuses a job signed with another key, or changed after signing', async () => {
    const key = Buffer.alloc(32, 7);
    const signed = signDocumentJob(job(join(inbox, 'processing', 'kh.pdf')), key);
    expect(await refuseDocumentJob(signed, Buffer.alloc(32, 8))).toMatch(/not signed/);
    expect(await refuseDocumentJob({ ...signed, file: secret }, key)).toMatch(/not signed/);
    expect(await refuseDocumentJob({ ...signed, outDir: root }, key)).toMatch(/not signed/);
    // where the job stands is not part of what it may touch
    expect(await refuseDocumentJob({ ...signed, step: 'finish' }, key)).toBeNull();
  });

  it('refuses a signed job whose file is outside its inbox, also through a link', async () => {
    const key = Buffer.alloc(32, 7);
    expect(await refuseDocumentJob(signDocumentJob(job(secret), key), key)).toMatch(/not inside the inbox/);
    symlinkSync(secret, join(inbox, 'processing', 'link.pdf'));
    expect(await refuseDocumentJob(signDocumentJob(job(join(inbox, 'processing', 'link.pdf')), key), key)).toMatch(/not inside the inbox/);
    expect(await refuseDocumentJob(signDocumentJob({ ...job('processing/kh.pdf') }, key), key)).toMatch(/not absolute/);
  });

  it('refuses page jobs that are unsigned or point outside a work folder', () => {
    const key = Buffer.alloc(32, 7);
    const good = signPageJob({ workDir: join(out, '.work', 'doc-1'), page: 2, ocrDpi: 300 }, key);
    expect(refusePageJob(good, key)).toBeNull();
    expect(refusePageJob({ ...good, page: 3 }, key)).toMatch(/not signed/);
    expect(refusePageJob(signPageJob({ workDir: root, page: 2, ocrDpi: 300 }, key), key)).toMatch(/work folder/);
  });
});
