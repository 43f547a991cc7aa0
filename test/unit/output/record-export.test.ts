import { describe, expect, it } from 'vitest';
import type { Assignment, Document } from '../../../schemas/index.js';
import { exportTable, tableToCsv } from '../../../src/output/index.js';

const assignment = (code: string, extra: Record<string, string>, review?: Assignment['review']): Assignment =>
  ({
    id: `doc-0000000000000001:asg:${code}`, code, section: null, parent: null, directing: null, output: null, notes: '=cmd()', extra,
    source: { page: 1, table: null, row: null, box: null, lines: null }, confidence: 0.9, task: `Nhiệm vụ ${code}`,
    lead: [{ raw: 'Sở Nội vụ', name: 'Sở Nội vụ', kind: 'department', score: 1 }], cooperating: [], timeline: null, ...(review ? { review } : {}),
  }) as Assignment;
const doc = (id: string, assignments: Assignment[]): Document => ({ id, source: { file: `${id}.pdf` }, metadata: { title: 'Kế hoạch' }, assignments, indicators: [] }) as unknown as Document;

describe('record export', () => {
  it('has every field, the review state, and the extra columns of every document (a clash with a field marked)', () => {
    const review = { corrected: ['task'], reviewed: true, added: false, reviewer: 'lan', time: '2026-03-06T08:00:00Z', revision: 2, sourceChanged: false };
    const table = exportTable([doc('a', [assignment('1', { 'Kinh phí': '500' }, review)]), doc('b', [assignment('2', { notes: 'x', 'Ghi chú': 'y' })])], 'assignments', { documentColumns: true });
    expect(table.header.slice(0, 4)).toEqual(['document', 'file', 'title', 'code']);
    expect(table.header.slice(-3)).toEqual(['Kinh phí', 'notes (extra)', 'Ghi chú']);
    const at = (row: number, name: string) => table.rows[row]![table.header.indexOf(name)];
    expect([at(0, 'corrected'), at(0, 'reviewed'), at(0, 'reviewer'), at(0, 'review time')]).toEqual(['task', 'yes', 'lan', '2026-03-06T08:00:00Z']);
    expect([at(0, 'Kinh phí'), at(1, 'Kinh phí'), at(1, 'notes (extra)'), at(1, 'document')]).toEqual(['500', null, 'x', 'b']);
  });

  it('CSV neutralizes formulas and starts with a BOM', () => {
    const csv = tableToCsv(exportTable([doc('a', [assignment('1', {})])], 'assignments'));
    expect(csv.startsWith('\uFEFFcode,section,task')).toBe(true);
    expect(csv).toContain("'=cmd()");
  });
});
