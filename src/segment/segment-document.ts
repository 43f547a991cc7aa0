import type { LayoutResult, SegmentResult } from '../../schemas/index.js';
import type { IssueRecorder } from '../core/index.js';
import { describeRepair, type MetadataRepair } from './metadata-repair.js';
import { readMetadata } from './read-metadata.js';
import { readSections } from './read-sections.js';

/** Header lines where a date line may be (as read-metadata.ts reads the header). */
const HEADER_LINES = 40;
/**
 * A date line with the year printed (", ngày   tháng 7 năm 2025", ", ngày 4A tháng 12 năm 2025"): when no date
 * was read from it, its day or month is blank, or was written by hand and not read.
 */
const DATE_LINE = /(?:^|[\s,])ngày\s*(?:\S{1,4}\s*){0,2}tháng\s*\S{0,3}\s*năm\s*\d{4}/u;

/** The segment stage: header metadata and the section outline. */
export async function segmentDocument(input: LayoutResult, issues: IssueRecorder): Promise<SegmentResult> {
  const repairs: MetadataRepair[] = [];
  const metadata = readMetadata(input.pages, repairs);
  // a field mended from the lexicon says what was read, so a reviewer can check it against the page
  for (const r of repairs) issues.record('metadata-repaired', describeRepair(r), { page: r.page, severity: 'info' });
  if (!metadata.number) issues.record('no-document-number', 'no "Số: …" line found in the header block', { page: 1, severity: 'info' });
  // a number or a day left blank (a draft, or figures written by hand that the OCR did not read) is said, never guessed
  if (metadata.number && /^[-/]/u.test(metadata.number))
    issues.record('number-blank', `the document number is left blank: only its printed part "${metadata.number}" is read`, { page: 1, severity: 'info' });
  const blankDate = metadata.date ? null : input.pages[0]?.lines.slice(0, HEADER_LINES).map((l) => DATE_LINE.exec(l.text)?.[0]).find((m) => m !== undefined);
  if (blankDate) issues.record('date-blank', `the date's day or month is left blank, or written by hand and not read ("${blankDate.trim()}"): no date`, { page: 1, severity: 'info' });
  if (!metadata.docType) issues.record('no-document-type', 'no document type ("KẾ HOẠCH", …) found on page 1', { page: 1, severity: 'info' });
  return { metadata, sections: readSections(input.pages) };
}
