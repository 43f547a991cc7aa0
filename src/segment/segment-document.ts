import type { LayoutResult, SegmentResult } from '../../schemas/index.js';
import type { IssueRecorder } from '../core/index.js';
import { describeRepair, type MetadataRepair } from './metadata-repair.js';
import { readMetadata } from './read-metadata.js';
import { readSections } from './read-sections.js';

/** The segment stage: header metadata and the section outline. */
export async function segmentDocument(input: LayoutResult, issues: IssueRecorder): Promise<SegmentResult> {
  const repairs: MetadataRepair[] = [];
  const metadata = readMetadata(input.pages, repairs);
  // a field mended from the lexicon says what was read, so a reviewer can check it against the page
  for (const r of repairs) issues.record('metadata-repaired', describeRepair(r), { page: r.page, severity: 'info' });
  if (!metadata.number) issues.record('no-document-number', 'no "Số: …" line found in the header block', { page: 1, severity: 'info' });
  if (!metadata.docType) issues.record('no-document-type', 'no document type ("KẾ HOẠCH", …) found on page 1', { page: 1, severity: 'info' });
  return { metadata, sections: readSections(input.pages) };
}
