import { describe, expect, it } from 'vitest';
import type { Assignment, Correction, Document } from '../../../schemas/index.js';
import { applyCorrections, recordFingerprint } from '../../../src/output/index.js';

const DOC = 'doc-0123456789abcdef';
const agency = (name: string) => ({ raw: name, name, kind: 'department' as const, score: null });
const row = (code: string, task: string): Assignment => ({
  id: `${DOC}:asg:${code}`, code, section: null, parent: null, directing: null, output: null, notes: null, extra: {},
  source: { page: 1, table: null, row: null, box: null, lines: null }, confidence: 0.7,
  task, lead: [agency('Sở Tài chính')], cooperating: [], timeline: null,
});
const doc = (assignments: Assignment[]): Document =>
  ({ schemaVersion: '1.0.0', id: DOC, status: 'ok', source: {} as never, metadata: {} as never, pages: [], sections: [], tables: [], indicators: [], assignments, issues: [], pipeline: {} as never }) as Document;
let n = 0;
const correction = (over: Partial<Correction>): Correction => ({
  id: `c${++n}`, document: DOC, kind: 'assignment', record: `${DOC}:asg:1.a`, code: '1.a', op: 'set', field: 'lead',
  before: null, after: [agency('Sở Nội vụ')], source: null, reviewer: 'lan', time: '2026-01-01T00:00:00Z', ...over,
});

describe('applyCorrections', () => {
  const machine = doc([row('1.a', 'Xây dựng kế hoạch'), row('1.b', 'Tổng hợp báo cáo')]);

  it('puts reviewers\' values on top, lists the corrected fields, counts revisions, leaves the machine document alone', () => {
    const out = applyCorrections(machine, [correction({}), correction({ field: 'task', after: 'Xây dựng và ban hành kế hoạch' }), correction({ op: 'reviewed', field: null })]);
    const a = out.assignments[0]!;
    expect(a.lead.map((x) => x.name)).toEqual(['Sở Nội vụ']);
    expect(a.task).toBe('Xây dựng và ban hành kế hoạch');
    expect(a.review).toMatchObject({ corrected: ['lead', 'task'], reviewed: true, revision: 3, reviewer: 'lan', sourceChanged: false });
    expect(out.assignments[1]!.review).toBeUndefined();
    expect(machine.assignments[0]!.task).toBe('Xây dựng kế hoạch');
    expect(out.review).toMatchObject({ corrections: 3, deleted: [], orphaned: [] });
  });

  it('deletes and adds rows', () => {
    const added = { ...row('2', '(new task)'), id: `${DOC}:asg:added-1` };
    const out = applyCorrections(machine, [correction({ op: 'delete', record: `${DOC}:asg:1.b`, code: '1.b', field: null }), correction({ op: 'add', record: added.id, code: '2', field: null, after: added })]);
    expect(out.assignments.map((a) => a.code)).toEqual(['1.a', '2']);
    expect(out.assignments[1]!.review).toMatchObject({ added: true, revision: 1 });
    expect(out.review?.deleted).toEqual([`${DOC}:asg:1.b`]);
  });

  it('finds a record again by code when its id changed, and flags a row the machine now reads differently', () => {
    const fingerprint = recordFingerprint('assignment', machine.assignments[0]!);
    const reread = doc([{ ...row('1.a', 'Xây dựng kế hoạch năm 2026'), id: `${DOC}:asg:1.a~2` }]);
    const out = applyCorrections(reread, [correction({ source: fingerprint })]);
    expect(out.assignments[0]!.lead.map((x) => x.name)).toEqual(['Sở Nội vụ']);
    expect(out.assignments[0]!.review?.sourceChanged).toBe(true);
    // same reading: not flagged
    expect(applyCorrections(machine, [correction({ source: fingerprint })]).assignments[0]!.review?.sourceChanged).toBe(false);
  });

  it('keeps a correction whose row is gone as orphaned rather than applying it elsewhere', () => {
    const out = applyCorrections(doc([row('3', 'Khác')]), [correction({ id: 'lost' })]);
    expect(out.review?.orphaned).toEqual(['lost']);
    expect(out.assignments[0]!.lead.map((x) => x.name)).toEqual(['Sở Tài chính']);
  });
});
