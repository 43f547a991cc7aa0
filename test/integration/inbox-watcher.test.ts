import { mkdtempSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
