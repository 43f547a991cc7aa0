import type { Agency, Assignment, Indicator, LayoutResult, RecordsResult, SegmentResult } from '../../schemas/index.js';
import type { IssueRecorder } from '../core/index.js';
import { AgencyRegistry, shippedRegistry } from './agency-registry.js';
import { placeBlocks, proseAssignments, proseIndicators } from './prose-records.js';
import { recordsFromTable } from './table-records.js';

/**
 * The records stage: indicators and assignments from the document's tables
 * and from its prose,
 * with ids stable for the same document content: `<docId>:<kind>:<code>`,
 * a repeated code getting "~2", "~3", …. Agencies are made canonical by
 * `registry` (default: the shipped one).
 */
export async function extractRecords(docId: string, layout: LayoutResult, segment: SegmentResult, issues: IssueRecorder, registry: AgencyRegistry = defaultRegistry()): Promise<RecordsResult> {
  const indicators: Indicator[] = [];
  const assignments: Assignment[] = [];
  for (const table of layout.tables) {
    const found = recordsFromTable(table, issues);
    indicators.push(...found.indicators);
    assignments.push(...found.assignments);
  }
  // prose records: numbered or bulleted indicators, and tasks listed under unit headings
  const placed = placeBlocks(layout.pages, segment.sections);
  indicators.push(...proseIndicators(placed, segment.sections).map((r) => ({ ...r, id: '' })));
  assignments.push(...proseAssignments(placed).map((r) => ({ ...r, id: '' })));
  // on pages an OCR read, a near registry match is a repair of what was misread
  const misread = new Set(layout.pages.filter((p) => p.origin === 'ocr' || p.repairs.includes('ocr-repaired')).map((p) => p.number));
  const canonical = (list: Agency[], page: number | null): Agency[] => list.map((a) => registry.resolve(a.raw, a.kind, { misread: page !== null && misread.has(page) }));
  return {
    indicators: withIds(docId, 'ind', indicators).map((r) => ({ ...r, agencies: canonical(r.agencies, r.source.page) })),
    assignments: withIds(docId, 'asg', assignments).map((r) => ({ ...r, lead: canonical(r.lead, r.source.page), cooperating: canonical(r.cooperating, r.source.page) })),
  };
}

let shipped: AgencyRegistry | null = null;
const defaultRegistry = (): AgencyRegistry => (shipped ??= new AgencyRegistry([shippedRegistry()]));

function withIds<T extends { id: string; code: string }>(docId: string, kind: string, records: T[]): T[] {
  const seen = new Map<string, number>();
  return records.map((r) => {
    const n = (seen.get(r.code) ?? 0) + 1;
    seen.set(r.code, n);
    return { ...r, id: `${docId}:${kind}:${r.code}${n > 1 ? `~${n}` : ''}` };
  });
}
