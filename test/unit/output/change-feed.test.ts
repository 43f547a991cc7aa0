import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendChange, changeFeedPath, nextVersion, readChanges } from '../../../src/output/index.js';
import type { ChangeEntry } from '../../../schemas/index.js';

const entry = (over: Partial<ChangeEntry>): ChangeEntry => ({ id: 'doc-0123456789abcdef', version: null, time: '2026-01-01T00:00:00Z', status: 'queued', file: 'a.pdf', output: null, reason: null, original: null, job: null, ...over });

describe('change feed', () => {
  it('appends lines in order and numbers versions per document', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pi-feed-'));
    expect(await nextVersion(out, 'doc-0123456789abcdef')).toBe(1);
    await appendChange(out, entry({ status: 'ok', version: 1, output: 'a.json' }));
    await appendChange(out, entry({ id: 'doc-ffffffffffffffff', status: 'ok', version: 1 }));
    expect(await nextVersion(out, 'doc-0123456789abcdef')).toBe(2);
    expect((await readChanges(out)).map((e) => e.id)).toEqual(['doc-0123456789abcdef', 'doc-ffffffffffffffff']);
  });

  it('writes an entry of a retried job once', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pi-feed-'));
    await appendChange(out, entry({ status: 'ok', version: 1, job: 'j1' }));
    await appendChange(out, entry({ status: 'ok', version: 1, job: 'j1' }));
    await appendChange(out, entry({ status: 'ok', version: 2, job: 'j2' }));
    expect((await readChanges(out)).map((e) => e.job)).toEqual(['j1', 'j2']);
  });

  it('skips a torn line instead of failing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pi-feed-'));
    await appendChange(out, entry({}));
    appendFileSync(changeFeedPath(out), '{"id":"doc-01234');
    appendFileSync(changeFeedPath(out), '\n');
    await appendChange(out, entry({ status: 'failed', reason: 'x' }));
    expect((await readChanges(out)).map((e) => e.status)).toEqual(['queued', 'failed']);
  });

  it('refuses an entry that does not fit the schema', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pi-feed-'));
    await expect(appendChange(out, entry({ status: 'done' as never }))).rejects.toThrow();
  });
});
