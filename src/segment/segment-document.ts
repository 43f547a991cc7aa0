import type { LayoutResult, SegmentResult } from '../../schemas/index.js';
import type { IssueRecorder } from '../core/index.js';
import { readMetadata } from './read-metadata.js';
import { readSections } from './read-sections.js';

/** The segment stage: header metadata and the section outline. */
export async function segmentDocument(input: LayoutResult, issues: IssueRecorder): Promise<SegmentResult> {
  const metadata = readMetadata(input.pages);
  if (!metadata.number) issues.record('no-document-number', 'no "Số: …" line found in the header block', { page: 1, severity: 'info' });
  if (!metadata.docType) issues.record('no-document-type', 'no document type ("KẾ HOẠCH", …) found on page 1', { page: 1, severity: 'info' });
  return { metadata, sections: readSections(input.pages) };
}
