import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document } from '../../schemas/index.js';
import { finished, list, waitForFeed } from '../support/inbox.js';
import { runRedisTests } from '../support/redis.js';
import { useWatchService } from '../support/watch-service.js';

/** A clerk drops Word files into the inbox of `plan-ingest watch` (real redis-server). */
describe.runIf(runRedisTests)('watch: Word drafts in the inbox (real Redis)', () => {
  const service = useWatchService('watch-docx');
  const { dirs } = service;

  it('reads a .docx into JSON and refuses a Word 97-2003 .doc with the way out in its reason', async () => {
    copyFileSync(join('fixtures', 'docx', 'kh-xa-chi-minh-2026.docx'), join(dirs.inbox, 'Kế hoạch xã Chí Minh.docx'));
    writeFileSync(join(dirs.inbox, 'bản cũ.doc'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    const names = ['Kế hoạch xã Chí Minh.docx', 'bản cũ.doc'];
    const feed = await waitForFeed(dirs.out, (es) => names.every((n) => finished(es, n).length > 0));
    expect(finished(feed, 'Kế hoạch xã Chí Minh.docx')[0]).toMatchObject({ status: 'ok', output: 'Kế hoạch xã Chí Minh.json' });
    expect(finished(feed, 'bản cũ.doc')[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('save it as .docx or PDF') });
    const doc = Document.parse(JSON.parse(readFileSync(join(dirs.out, 'Kế hoạch xã Chí Minh.json'), 'utf8')));
    expect(doc.source.kind).toBe('text');
    expect(doc.assignments.length).toBeGreaterThan(5);
    expect(list(join(dirs.inbox, 'failed'))).toEqual(['bản cũ.doc', 'bản cũ.doc.reason.txt']);
    expect(readFileSync(join(dirs.inbox, 'failed', 'bản cũ.doc.reason.txt'), 'utf8')).toMatch(/Word 97-2003 \.doc is not read: save it as \.docx or PDF/);
  });
});
