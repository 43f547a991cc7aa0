import { mkdtempSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchInbox } from '../../src/intake/index.js';
import { docxBytes, documentXml, p } from '../support/docx-package.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('inbox watcher and Word files', () => {
  it('holds back a .docx being copied (no zip end record yet) until it is complete', async () => {
    const inbox = mkdtempSync(join(tmpdir(), 'pi-inbox-docx-'));
    const bytes = docxBytes({ 'word/document.xml': documentXml(p('Kế hoạch số 44/KH-UBND'.repeat(40))) });
    const seen: { path: string; at: number }[] = [];
    const w = watchInbox(inbox, { stableMs: 100, pollMs: 50, onFile: (path) => seen.push({ path, at: Date.now() }) });
    await w.ready;
    const handle = await open(join(inbox, 'Kế hoạch.docx'), 'w');
    await handle.write(bytes.subarray(0, bytes.length - 40));
    await sleep(1500); // stable for longer than stableMs, but the central directory's end is still to come
    expect(seen).toEqual([]);
    const finishedAt = Date.now();
    await handle.write(bytes.subarray(bytes.length - 40));
    await handle.close();
    await sleep(2000);
    await w.close();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.at).toBeGreaterThanOrEqual(finishedAt);
  });
});
