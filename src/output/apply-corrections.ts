import { Assignment, Indicator, type Correction, type Document, type RecordKind, type RecordReview } from '../../schemas/index.js';
import { recordFingerprint } from './corrections-store.js';

type AnyRecord = Indicator | Assignment;

/**
 * The emitted document: the machine's extraction with reviewers'
 * corrections on top, in order. A correction finds its record by id, else
 * by kind and code (ids can change when a better pipeline splits rows
 * differently); when the machine's reading of that row differs from the one
 * corrected, the record says `sourceChanged`. Corrected fields are listed in
 * each record's `review`; deleted rows leave the arrays; corrections whose
 * row is gone are listed as orphaned. The machine document is not modified.
 */
export function applyCorrections(machine: Document, corrections: readonly Correction[]): Document {
  if (!corrections.length) return machine;
  const lists: Record<RecordKind, AnyRecord[]> = { indicator: machine.indicators.map((r) => ({ ...r })), assignment: machine.assignments.map((r) => ({ ...r })) };
  const machineById = new Map<string, { kind: RecordKind; fingerprint: string }>();
  for (const kind of ['indicator', 'assignment'] as const) for (const r of lists[kind]) machineById.set(r.id, { kind, fingerprint: recordFingerprint(kind, r) });
  const states = new Map<string, RecordReview>();
  const deleted = new Set<string>();
  const orphaned: string[] = [];
  let docReview: { reviewed: boolean; reviewer: string | null; time: string | null } = { reviewed: false, reviewer: null, time: null };

  const find = (c: Correction): AnyRecord | undefined => {
    const list = lists[c.kind];
    return list.find((r) => r.id === c.record) ?? (c.code !== null && !c.record.includes(':added-') ? list.find((r) => r.code === c.code) : undefined);
  };
  for (const c of corrections) {
    if (c.record === c.document) {
      docReview = { reviewed: c.op === 'reviewed', reviewer: c.reviewer, time: c.time };
      continue;
    }
    if (c.op === 'add') {
      const schema = c.kind === 'indicator' ? Indicator : Assignment;
      const parsed = schema.safeParse(c.after);
      if (!parsed.success) {
        orphaned.push(c.id);
        continue;
      }
      lists[c.kind].push({ ...parsed.data, id: c.record } as AnyRecord);
      states.set(c.record, { corrected: [], reviewed: false, added: true, reviewer: c.reviewer, time: c.time, revision: 1, sourceChanged: false });
      continue;
    }
    const target = find(c);
    if (!target || deleted.has(target.id)) {
      orphaned.push(c.id);
      continue;
    }
    const state = states.get(target.id) ?? { corrected: [], reviewed: false, added: false, reviewer: null, time: null, revision: 0, sourceChanged: false };
    const original = machineById.get(target.id);
    if (original && c.source !== null && original.fingerprint !== c.source) state.sourceChanged = true;
    if (c.op === 'set' && c.field) {
      (target as unknown as Record<string, unknown>)[c.field] = c.after;
      if (!state.corrected.includes(c.field)) state.corrected.push(c.field);
    } else if (c.op === 'delete') deleted.add(target.id);
    else if (c.op === 'reviewed' || c.op === 'unreviewed') state.reviewed = c.op === 'reviewed';
    states.set(target.id, { ...state, reviewer: c.reviewer, time: c.time, revision: state.revision + 1 });
  }
  const finish = <T extends AnyRecord>(list: T[]): T[] =>
    list.filter((r) => !deleted.has(r.id)).map((r) => (states.has(r.id) ? { ...r, review: states.get(r.id) } : r));
  return {
    ...machine,
    indicators: finish(lists.indicator as Indicator[]),
    assignments: finish(lists.assignment as Assignment[]),
    review: { corrections: corrections.length, deleted: [...deleted], orphaned, ...docReview },
  };
}
