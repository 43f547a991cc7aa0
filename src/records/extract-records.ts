import type { Agency, Assignment, Indicator, LayoutResult, RecordsResult, Section, SegmentResult } from '../../schemas/index.js';
import type { IssueRecorder } from '../core/index.js';
import { AgencyRegistry, shippedRegistry } from './agency-registry.js';
import { placeBlocks, proseAssignments, proseIndicators } from './prose-records.js';
import { sentenceAssignments } from './sentence-assignments.js';
import { attachedRegulationStart, printedBefore } from './attached-regulation.js';
import { addresseesIn, isPlanType, isProposalType, isReportType } from '../lexicon/index.js';
import { recordConfidence } from './record-confidence.js';
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
  const tableTasks = assignments.length > 0;
  const placed = placeBlocks(layout.pages, segment.sections);
  indicators.push(...proseIndicators(placed, segment.sections).map((r) => ({ ...r, id: '' })));
  // a proposal to a superior (Tờ trình) lists what it proposes (a board's members, a plan's draft tasks): none is assigned yet
  const proposal = isProposalType(segment.metadata.type);
  // a charter or regulation attached to a decision (its articles restart at "Điều 1") states standing rules, not tasks
  const attachedAt = attachedRegulationStart(placeBlocks(layout.pages, segment.sections, { headings: true }));
  const decisionPart = placed.filter((p) => printedBefore(attachedAt, { page: p.page, line: p.block.lineStart }));
  if (!proposal) assignments.push(...proseTasks(decisionPart, segment.sections, tableTasks, issues).map((r) => ({ ...r, id: '' })));
  // tasks given in a sentence ("Giao Sở … chủ trì …", "Điều 3. … chịu trách nhiệm thi hành …"), in blocks no other reader took.
  // Not in a plan whose tables assign its tasks (its prose duties are how the plan is run), nor under "Tổ chức thực hiện"
  // when unit headings gave the tasks (then, in a plan, only sentences that assign in so many words); a proposal to a
  // superior (Tờ trình) only drafts them.
  if (!tableTasks && !proposal) {
    // every line another reader's record spans (a unit's task with its "+" items and continued paragraphs) is taken
    const taken = new Set(assignments.flatMap((a) => {
      const [from, to] = a.source.lines ?? [0, -1];
      return a.source.page === null ? [] : Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => `${a.source.page}:${from + k}`);
    }));
    const implementation = underImplementation(segment.sections);
    const blocks = placeBlocks(layout.pages, segment.sections, { headings: true }).filter((p) => !(assignments.length && p.section && implementation(p.section)));
    const plan = isPlanType(segment.metadata.type);
    // "Đề nghị quý cơ quan …" names the addressees of the letter's "Kính gửi:" (on its first page)
    const addressees = addresseesIn(layout.pages[0]?.text ?? '');
    assignments.push(...sentenceAssignments(blocks, taken, segment.sections, { explicitOnly: assignments.length > 0 && plan, addressees, issuer: plan ? null : segment.metadata.issuer, report: isReportType(segment.metadata.type) }).map((r) => ({ ...r, id: '' })));
  }
  // on pages an OCR read, a near registry match is a repair of what was misread
  const misread = new Set(layout.pages.filter((p) => p.origin === 'ocr' || p.repairs.includes('ocr-repaired')).map((p) => p.number));
  const onMisread = (page: number | null): boolean => page !== null && misread.has(page);
  // the names the OCR'd pages' records give clearly, again and again: a garbled reading of one of them is matched more loosely
  const documentNames = clearNames([...indicators.flatMap((r) => (onMisread(r.source.page) ? r.agencies : [])), ...assignments.flatMap((r) => (onMisread(r.source.page) ? [...r.lead, ...r.cooperating] : []))], registry);
  const canonical = (list: Agency[], page: number | null): Agency[] => list.map((a) => registry.resolve(a.raw, a.kind, { misread: onMisread(page), documentNames }));
  const pageOf = (n: number | null) => (n === null ? undefined : layout.pages.find((p) => p.number === n));
  const withConfidence = <T extends Indicator | Assignment>(r: T, kind: 'indicators' | 'assignments'): T => ({ ...r, confidence: recordConfidence(r, kind, pageOf(r.source.page)) });
  const out = {
    indicators: withIds(docId, 'ind', indicators).map((r) => withConfidence({ ...r, agencies: canonical(r.agencies, r.source.page) }, 'indicators')),
    assignments: withIds(docId, 'asg', assignments).map((r) => withConfidence({ ...r, lead: canonical(r.lead, r.source.page), cooperating: canonical(r.cooperating, r.source.page) }, 'assignments')),
  };
  recordRepairs(out, issues);
  return out;
}

/** A name read this many times with a near registry match is one the document prints clearly. */
const CLEAR_NAME_COUNT = 3;
/** A registry match this near counts as a clear printing. */
const CLEAR_NAME_SCORE = 0.9;

/** Canonical names the agencies `read` match nearly, CLEAR_NAME_COUNT times or more. */
function clearNames(read: readonly Agency[], registry: AgencyRegistry): Set<string> {
  const counts = new Map<string, number>();
  for (const a of read) {
    const r = registry.resolve(a.raw, a.kind, { misread: true });
    if (r.score !== null && r.score >= CLEAR_NAME_SCORE) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= CLEAR_NAME_COUNT).map(([name]) => name));
}

/** The closing part of a plan that says who organises its implementation. */
const IMPLEMENTATION = /^tổ chức thực hiện$/iu;

/** Whether a section sits under "Tổ chức thực hiện" (at any depth). */
function underImplementation(sections: readonly Section[]): (section: Section) => boolean {
  const byId = new Map(sections.map((s) => [s.id, s]));
  return (section) => {
    for (let s: Section | undefined = section; s; s = s.parent ? byId.get(s.parent) : undefined) if (IMPLEMENTATION.test(s.title)) return true;
    return false;
  };
}

/**
 * Tasks listed under unit headings. A plan whose tables assign its tasks
 * closes with who organises the work ("III. TỔ CHỨC THỰC HIỆN / 2. Văn
 * phòng …": coordinate, report, propose): those duties are not more tasks,
 * and an info issue names each unit left out; a plan without such a table
 * lists its tasks there.
 */
function proseTasks(placed: ReturnType<typeof placeBlocks>, sections: readonly Section[], tableTasks: boolean, issues: IssueRecorder): Omit<Assignment, 'id'>[] {
  const implementation = underImplementation(sections);
  const left = new Set<Section>();
  const leaveOut = (section: Section): boolean => {
    if (!tableTasks || !implementation(section)) return false;
    left.add(section);
    return true;
  };
  const tasks = proseAssignments(placed, leaveOut);
  for (const s of left)
    issues.record('implementation-duties', `section ${s.number}. ${s.title}: duties under "Tổ chức thực hiện" not taken as assignments (the plan's tables assign its tasks)`, { page: s.page, severity: 'info' });
  return tasks;
}

/** Agencies repaired to the registry's spelling or matched loosely: each an issue, so a reviewer sees why a name is what it is. */
function recordRepairs(out: { indicators: Indicator[]; assignments: Assignment[] }, issues: IssueRecorder): void {
  const records: (Indicator | Assignment)[] = [...out.indicators, ...out.assignments];
  for (const r of records) {
    const agencies = 'agencies' in r ? r.agencies : [...r.lead, ...r.cooperating];
    for (const a of agencies) {
      if (a.read !== undefined) issues.record('agency-repaired', `${r.id}: "${a.read}" read, repaired to the registry's "${a.raw}" (score ${a.score})`, { page: r.source.page ?? undefined, severity: 'info' });
      else if (a.score !== null && a.score < 1) issues.record('agency-fuzzy-matched', `${r.id}: "${a.raw}" taken as "${a.name}" (score ${a.score})`, { page: r.source.page ?? undefined, severity: 'info' });
    }
  }
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
