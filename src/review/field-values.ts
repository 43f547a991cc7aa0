import { z } from 'zod';
import { EDITABLE_FIELDS, type Agency, type RecordKind } from '../../schemas/index.js';
import { parseTarget, parseTimeline, splitAgencies, type AgencyRegistry } from '../records/index.js';

const Text = z.string().transform((s) => s.replace(/\s+/gu, ' ').trim().normalize('NFC'));
const OptionalText = Text.transform((s) => (s === '' ? null : s));
const RequiredText = Text.pipe(z.string().min(1, 'must not be empty'));
/** Agencies as the reviewer types them: one per line or separated by ";". */
const AgencyList = z.union([z.array(z.string()), z.string()]).transform((v) =>
  (Array.isArray(v) ? v : v.split(/[;\n]/u)).map((s) => s.replace(/\s+/gu, ' ').trim().normalize('NFC')).filter(Boolean),
);
/** A row's extra columns (header → cell text): the whole set is sent, one column changed or emptied. */
const Extra = z.record(z.string().max(200), z.string().max(20_000)).transform((v) =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k.normalize('NFC'), x.replace(/\s+/gu, ' ').trim().normalize('NFC')])),
);
const TargetList = z.array(z.object({ year: z.number().int().min(1900).max(2200).nullable(), raw: RequiredText }));

/** One agency from a reviewer's text, made canonical by the registry as the pipeline does, keeping the text as typed. */
function agency(raw: string, registry: AgencyRegistry): Agency {
  return registry.resolve(raw, splitAgencies(raw)[0]?.kind ?? 'unknown');
}

/**
 * A reviewer's value for a field, validated and normalized the way the
 * pipeline normalizes it: a timeline typed as "Quý III/2026" is stored
 * parsed ({kind, start, end, …}), agencies split into Agency objects,
 * targets read by the target parser. Throws a ZodError with the reason.
 */
export function normalizeField(kind: RecordKind, field: string, value: unknown, registry: AgencyRegistry): unknown {
  // `extra` (columns with no role) is editable, yet not one of EDITABLE_FIELDS: those make the row's fingerprint,
  // and adding it there would flag every stored correction as made on a row that changed
  if (field === 'extra') return Extra.parse(value);
  if (!(EDITABLE_FIELDS[kind] as readonly string[]).includes(field)) throw new z.ZodError([{ code: 'custom', path: ['field'], message: `${field} cannot be edited on an ${kind}`, input: field }]);
  switch (field) {
    case 'code':
    case 'task':
    case 'name':
      return RequiredText.parse(value);
    case 'timeline': {
      const raw = OptionalText.parse(value);
      return raw === null ? null : parseTimeline(raw);
    }
    case 'agencies':
    case 'cooperating':
      return AgencyList.parse(value).map((a) => agency(a, registry));
    case 'lead':
      return kind === 'assignment' ? AgencyList.parse(value).map((a) => agency(a, registry)) : OptionalText.parse(value);
    case 'targets':
      return TargetList.parse(value).map((t) => parseTarget(t.raw, { year: t.year }));
    default:
      return OptionalText.nullable().parse(value);
  }
}

/** An empty record of a kind, for a row the reviewer adds (the machine missed it). */
export function blankRecord(kind: RecordKind, id: string, code: string): Record<string, unknown> {
  const base = { id, code, section: null, parent: null, directing: null, output: null, notes: null, extra: {}, source: { page: null, table: null, row: null, box: null, lines: null }, confidence: 1 };
  return kind === 'indicator'
    ? { ...base, name: '(new indicator)', unit: null, period: null, targets: [], agencies: [], lead: null }
    : { ...base, task: '(new task)', lead: [], cooperating: [], timeline: null };
}
