import { Document, SCHEMA_VERSION, type IntakeResult, type LayoutResult, type RecordedIssue, type RecordsResult, type SegmentResult, type StageRun } from '../../schemas/index.js';
import { PIPELINE_VERSION } from '../core/index.js';

/** "doc-" + the first 16 hex digits of the content hash: the same bytes give the same id. */
export function documentId(sha256: string): string {
  return `doc-${sha256.slice(0, 16)}`;
}

export interface AssembleInput {
  intake: IntakeResult;
  layout: LayoutResult;
  segment: SegmentResult;
  records: RecordsResult;
  issues: RecordedIssue[];
  stages: StageRun[];
  /** ISO time of processing (the clock is injected so tests are repeatable). */
  processedAt: string;
}

/**
 * Puts the stages' results together into the Document JSON and validates it
 * against the published schema: a document that does not validate is a bug,
 * so this throws rather than writing it.
 */
export function assembleDocument(input: AssembleInput): Document {
  const { intake, layout, segment, records } = input;
  const doc: Document = {
    schemaVersion: SCHEMA_VERSION,
    id: documentId(intake.source.sha256),
    status: input.issues.some((i) => i.severity === 'error') ? 'partial' : 'ok',
    source: { ...intake.source, pages: layout.pages.length },
    metadata: segment.metadata,
    pages: layout.pages,
    sections: segment.sections,
    tables: layout.tables,
    indicators: records.indicators,
    assignments: records.assignments,
    issues: input.issues,
    pipeline: { version: PIPELINE_VERSION, processedAt: input.processedAt, stages: input.stages },
  };
  return Document.parse(doc);
}
