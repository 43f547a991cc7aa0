import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { claimingPng } from '../support/claiming-png.js';
import { makePdf } from '../support/make-pdf.js';
import { runCli } from '../support/run-cli.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('plan-ingest ingest with bad input', () => {
  let dir: string;
  let good: string;
  let goodText: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ingest-bad-'));
    good = join(dir, 'good plan.pdf');
    writeFileSync(good, await makePdf(['KẾ HOẠCH', 'Ủy ban nhân dân thành phố Hải Phòng ban hành Kế hoạch đổi mới sáng tạo.']));
    goodText = join(dir, 'kế hoạch xã.txt');
    writeFileSync(goodText, 'Số: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ chuyển đổi số năm 2026.\n');
  });

  const cases: [string, string, () => Promise<Buffer | null>, RegExp][] = [
    ['a non-PDF named .pdf', 'picture.pdf', async () => PNG, /not a PDF.*image\/png/],
    ['a truncated PDF', 'half-copied.pdf', async () => (await makePdf(['Kế hoạch số 44'])).subarray(0, 400), /truncated PDF/],
    ['a corrupt PDF', 'corrupt.pdf', async () => Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog garbage >>\nxref\nnonsense\n%%EOF\n'), /corrupt PDF/],
    ['an encrypted PDF', 'secret.pdf', async () => makePdf(['Kế hoạch mật'], { userPassword: 'secret' }), /encrypted PDF/],
    ['an empty file', 'empty.pdf', async () => Buffer.alloc(0), /empty file/],
    ['a missing path', 'missing.pdf', async () => null, /file not found/],
    ['a TIFF that cannot be decoded', 'broken scan.tif', async () => Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0, 0, 0]), Buffer.alloc(64, 0x7f)]), /cannot read the image|truncated image: the image\/tiff data ends early/], // its one directory points past the end
    ['a half-copied PNG', 'half-copied.png', async () => PNG, /truncated image/],
  ];

  it.each(cases)('reports %s on one line and still processes the other files', async (_label, name, make, reason) => {
    const bad = join(dir, name);
    const content = await make();
    if (content) writeFileSync(bad, content);
    const out = join(dir, `out-${name}`);
    const res = await runCli(['ingest', good, bad, goodText, '--out', out, '--no-progress']);
    expect(res.code).toBe(EXIT.someFailed);
    const errorLines = res.stderr.split('\n').filter((l) => l.startsWith('plan-ingest:'));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toContain(bad);
    expect(errorLines[0]).toMatch(reason);
    expect(existsSync(join(out, 'good plan.json'))).toBe(true);
    expect(existsSync(join(out, 'kế hoạch xã.json'))).toBe(true);
    expect(existsSync(join(out, `${name.replace(/\.(pdf|tif|png)$/, '')}.json`))).toBe(false);
    // the bad original is kept as it was
    if (content) expect(readFileSync(bad).equals(content)).toBe(true);
    expect(res.stderr).toMatch(/3 file\(s\) in .* 2 ok, 0 partial, 1 failed/);
  });

  it('survives an image that crashes the decoder: that file fails with the crash as its reason, the others are processed, the process exits normally', async () => {
    // 90 bytes claiming 65535 × 65535 pixels abort Skia (SIGILL); the pixel limit is raised so that the decoder sees it
    const bomb = join(dir, 'bomb.png');
    writeFileSync(bomb, claimingPng(65535, 65535));
    const out = join(dir, 'out-crash');
    const res = await runCli(['ingest', good, bomb, goodText, '--out', out, '--no-progress', '--max-pixels', '5000']);
    expect(res.code).toBe(EXIT.someFailed);
    expect(res.stderr.split('\n').filter((l) => l.startsWith('plan-ingest:'))).toEqual([expect.stringMatching(/^plan-ingest: .*bomb\.png: image decoder crashed \(SIG[A-Z]+\) on page 1$/u)]);
    expect(existsSync(join(out, 'good plan.json'))).toBe(true);
    expect(existsSync(join(out, 'kế hoạch xã.json'))).toBe(true);
    expect(existsSync(join(out, 'bomb.json'))).toBe(false);
    expect(res.stderr).toMatch(/3 file\(s\) in .* 2 ok, 0 partial, 1 failed/);
  });

  it('refuses a symbolic link in a folder (to a file outside it) with a reason, and processes the rest', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'plan-ingest-links-'));
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'KẾ HOẠCH\nmật khẩu của máy chủ\n');
    symlinkSync(secret, join(folder, 'a link.txt'));
    writeFileSync(join(folder, 'plan.txt'), 'KẾ HOẠCH\nThực hiện nhiệm vụ chuyển đổi số năm 2026.\n');
    const out = join(folder, 'out');
    const res = await runCli(['ingest', folder, '--out', out, '--no-progress']);
    expect(res.code).toBe(EXIT.someFailed);
    expect(res.stderr).toMatch(/plan-ingest: .*a link\.txt: a symbolic link: not followed/);
    expect(existsSync(join(out, 'a link.json'))).toBe(false);
    expect(existsSync(join(out, 'plan.json'))).toBe(true);
  });

  it('exits 0 and says where the JSON went when every input succeeds', async () => {
    const out = join(dir, 'out-ok');
    const res = await runCli(['ingest', good, '--out', out, '--no-progress']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(join(out, 'good plan.json'));
    const doc = JSON.parse(readFileSync(join(out, 'good plan.json'), 'utf8'));
    expect(doc.pages[0].origin).toBe('text-layer');
    expect(doc.pages[0].text).toContain('Ủy ban nhân dân thành phố Hải Phòng');
  });
});
