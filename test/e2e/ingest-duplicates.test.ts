import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document } from '../../schemas/index.js';
import { readChanges } from '../../src/output/index.js';
import { runCli } from '../support/run-cli.js';

const PLAN = 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: 12/KH-UBND\nKẾ HOẠCH\nTriển khai chuyển đổi số năm 2026\n1. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu, hoàn thành trong Quý III/2026.\n';

/** One current JSON per document id in an output folder, whatever name the same content comes under. */
describe('ingest: the same content under two names', () => {
  it('writes it once; the second name is a duplicate with a reason, exit 0; the first name again makes a new version', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pi-dup-'));
    const out = join(root, 'out');
    writeFileSync(join(root, 'ke-hoach.txt'), PLAN);
    copyFileSync(join(root, 'ke-hoach.txt'), join(root, 'bản sao.txt'));
    const first = await runCli(['ingest', join(root, 'ke-hoach.txt'), join(root, 'bản sao.txt'), '--out', out, '--no-progress']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/bản sao\.txt: duplicate: same content as ke-hoach\.txt, already in .*ke-hoach\.json; not written again/);
    expect(readdirSync(out).filter((n) => n.endsWith('.json'))).toEqual(['ke-hoach.json']);
    const doc = Document.parse(JSON.parse(readFileSync(join(out, 'ke-hoach.json'), 'utf8')));
    const feed = await readChanges(out);
    expect(feed.map((e) => [e.file, e.status, e.output, e.version])).toEqual([
      ['ke-hoach.txt', doc.status, 'ke-hoach.json', 1],
      ['bản sao.txt', 'duplicate', null, null],
    ]);
    expect(feed[1]).toMatchObject({ id: doc.id, reason: 'same content as ke-hoach.txt, already in ke-hoach.json; not written again' });

    // the first name again is a re-processing (a new version), and the copy still is a duplicate
    const again = await runCli(['ingest', join(root, 'ke-hoach.txt'), join(root, 'bản sao.txt'), '--out', out, '--no-progress']);
    expect(again.code, again.stderr).toBe(0);
    expect(Document.parse(JSON.parse(readFileSync(join(out, 'ke-hoach.json'), 'utf8'))).version).toBe(2);
    expect(readdirSync(out).filter((n) => n.endsWith('.json'))).toEqual(['ke-hoach.json']);
    expect((await readChanges(out)).map((e) => e.status).slice(2)).toEqual([doc.status, 'duplicate']);
  });
});
