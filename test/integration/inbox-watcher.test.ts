import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTempName, watchInbox } from '../../src/intake/index.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('inbox watcher', () => {
  it('knows the temp names of copiers and editors', () => {
    for (const n of ['a.pdf.part', 'a.pdf.crdownload', '.a.pdf', '~$plan.docx', 'x.tmp', '.~lock.a.pdf#']) expect(isTempName(n), n).toBe(true);
    for (const n of ['Kế hoạch 44.pdf', 'scan.TIF', 'part.pdf']) expect(isTempName(n), n).toBe(false);
  });

  it('reports files present at start and new ones once each, never temp names', async () => {
    const inbox = mkdtempSync(join(tmpdir(), 'pi-inbox-'));
    writeFileSync(join(inbox, 'old.txt'), 'Kế hoạch');
    const seen: string[] = [];
    const w = watchInbox(inbox, { stableMs: 200, pollMs: 50, onFile: (p) => seen.push(p) });
    await w.ready;
    writeFileSync(join(inbox, 'new.md'), '# Kế hoạch');
    writeFileSync(join(inbox, 'b.pdf.part'), '%PDF-1.4');
    await sleep(1200);
    await w.close();
    expect(seen.map((p) => p.slice(inbox.length + 1)).sort()).toEqual(['new.md', 'old.txt']);
  });

  it('holds back a PDF whose end is missing until it is complete', async () => {
    const inbox = mkdtempSync(join(tmpdir(), 'pi-inbox-'));
    const seen: { path: string; at: number }[] = [];
    const w = watchInbox(inbox, { stableMs: 100, pollMs: 50, onFile: (path) => seen.push({ path, at: Date.now() }) });
    await w.ready;
    const handle = await open(join(inbox, 'a.pdf'), 'w');
    await handle.write('%PDF-1.4\n1 0 obj\n');
    await sleep(1500); // stable for longer than stableMs, but no %%EOF yet
    expect(seen).toEqual([]);
    const finishedAt = Date.now();
    await handle.write('endobj\n%%EOF\n');
    await handle.close();
    await sleep(2000);
    await w.close();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.at).toBeGreaterThanOrEqual(finishedAt);
  });

  it('hands over an incomplete file after the grace time, to fail as truncated', async () => {
    const inbox = mkdtempSync(join(tmpdir(), 'pi-inbox-'));
    const seen: string[] = [];
    const w = watchInbox(inbox, { stableMs: 100, pollMs: 50, incompleteGraceMs: 500, onFile: (p) => seen.push(p) });
    await w.ready;
    writeFileSync(join(inbox, 'cut.pdf'), '%PDF-1.4\n1 0 obj\n');
    await sleep(2500);
    await w.close();
    expect(seen).toHaveLength(1);
  });
});

describe('inbox watcher: completeness of formats without an end marker, and entries it does not take', () => {
  it('takes a text only when a second look finds it unchanged, so a copy that pauses is not taken half-written', async () => {
    const inbox = mkdtempSync(join(tmpdir(), 'pi-inbox-'));
    const seen: { path: string; at: number }[] = [];
    const w = watchInbox(inbox, { stableMs: 300, pollMs: 50, onFile: (path) => seen.push({ path, at: Date.now() }) });
    await w.ready;
    const handle = await open(join(inbox, 'kế hoạch.txt'), 'w');
    await handle.write('Kế hoạch chuyển đổi số\n');
    await sleep(450); // longer than stableMs: the old watcher took the file here
    const resumedAt = Date.now();
    await handle.write('Giao Sở Khoa học và Công nghệ chủ trì.\n');
    await handle.close();
    await sleep(2000);
    await w.close();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.at).toBeGreaterThanOrEqual(resumedAt);
  });

  it('holds back a TIFF whose strips lie past its end until the rest arrives', async () => {
    const inbox = mkdtempSync(join(tmpdir(), 'pi-inbox-'));
    const tif = readFileSync('fixtures/scan/kh-bql-2026.p2-3.tif');
    const seen: { path: string; at: number }[] = [];
    const w = watchInbox(inbox, { stableMs: 100, pollMs: 50, onFile: (path) => seen.push({ path, at: Date.now() }) });
    await w.ready;
    const handle = await open(join(inbox, 'scan.tif'), 'w');
    await handle.write(tif.subarray(0, tif.length >> 1));
    await sleep(1500);
    expect(seen).toEqual([]);
    const finishedAt = Date.now();
    await handle.write(tif.subarray(tif.length >> 1));
    await handle.close();
    await sleep(2000);
    await w.close();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.at).toBeGreaterThanOrEqual(finishedAt);
  });

  it('reports links, FIFOs and hidden names once each instead of taking them', async () => {
    const inbox = mkdtempSync(join(tmpdir(), 'pi-inbox-'));
    const outside = mkdtempSync(join(tmpdir(), 'pi-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    const seen: string[] = [];
    const refused: [string, string, boolean][] = [];
    const w = watchInbox(inbox, { stableMs: 100, pollMs: 50, onFile: (p) => seen.push(p), onRefused: (p, why, hidden) => refused.push([basename(p), why, hidden]) });
    await w.ready;
    symlinkSync(join(outside, 'secret.txt'), join(inbox, 'link.txt'));
    execFileSync('mkfifo', [join(inbox, 'pipe.txt')]);
    writeFileSync(join(inbox, '.hidden plan.txt'), 'Kế hoạch');
    writeFileSync(join(inbox, 'plan.txt'), 'Kế hoạch');
    await sleep(1500);
    await w.close();
    expect(seen.map((p) => basename(p))).toEqual(['plan.txt']);
    expect(refused.sort()).toEqual([
      ['.hidden plan.txt', expect.stringContaining('hidden name'), true],
      ['link.txt', expect.stringContaining('symbolic link'), false],
      ['pipe.txt', expect.stringContaining('FIFO'), false],
    ]);
  });
});
