import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plan-ingest-restore-'));

describe('plan-ingest restore', () => {
  it('restores line by line, keeping the line count, and leaves correct lines alone', async () => {
    const input = 'KE HOACH\nTang cuong ung dung cong nghe thong tin\n\nỦy ban nhân dân thành phố Hải Phòng\nSo 44/KH-UBND ngay 12/02/2025\n';
    writeFileSync(join(dir, 'in.txt'), input);
    const res = await runCli(['restore', '--in', join(dir, 'in.txt'), '--out', join(dir, 'out.txt')]);
    expect(res.code).toBe(0);
    const out = readFileSync(join(dir, 'out.txt'), 'utf8');
    expect(out.split('\n')).toHaveLength(input.split('\n').length);
    expect(out).toBe('KẾ HOẠCH\nTăng cường ứng dụng công nghệ thông tin\n\nỦy ban nhân dân thành phố Hải Phòng\nSố 44/KH-UBND ngày 12/02/2025\n');
  });
});

describe('plan-ingest ingest of text without diacritics', () => {
  it('restores the page, keeps the original text beside it, and says so', async () => {
    writeFileSync(join(dir, 'plan.txt'), 'So: 12/KH-UBND\nKE HOACH\nPhat trien khoa hoc, cong nghe va doi moi sang tao nam 2026\n');
    const res = await runCli(['ingest', join(dir, 'plan.txt'), '--out', join(dir, 'out'), '--no-progress']);
    expect(res.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'out', 'plan.json'), 'utf8'));
    expect(doc.pages[0].text).toContain('Phát triển khoa học, công nghệ và đổi mới sáng tạo năm 2026');
    expect(doc.pages[0].originalText).toContain('Phat trien khoa hoc');
    expect(doc.pages[0].repairs).toContain('restored');
    expect(doc.issues.map((i: { code: string }) => i.code)).toContain('restored');
    expect(doc.metadata.docType).toBe('Kế hoạch');
  });
});
