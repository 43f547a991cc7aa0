import type { Document, DocumentDraft } from '../../schemas/index.js';
import { IssueLog, type Deadline } from '../core/index.js';
import { layoutPages } from '../layout/index.js';
import { assembleDocument, documentId } from '../output/index.js';
import { extractRecords, type AgencyRegistry } from '../records/index.js';
import { restorePages, restoreTableCells, type NgramModel } from '../restore/index.js';
import { segmentDocument } from '../segment/index.js';
import { timed } from './stage-timer.js';

export interface FinishOptions {
  /** The diacritic-restoration model, loaded on first need; null or absent: pages that need restoring are only flagged. */
  restoreModel?: (() => Promise<NgramModel>) | null;
  /** Canonical agencies (shipped registry + the users' + reviewers' aliases). Default: the shipped registry. */
  agencyRegistry?: AgencyRegistry;
  /** Clock, injectable for repeatable output. Default: now. */
  now?: () => Date;
  /** The document's time budget, checked before each stage. Default: none. */
  deadline?: Deadline;
}

/**
 * The finish half: restore → layout → segment → records → output. Pages still
 * listed as needing OCR (OCR off, or their page job failed) go on with the
 * layer they have; an issue says so already.
 */
export async function finishDocument(draft: DocumentDraft, opts: FinishOptions = {}): Promise<Document> {
  const log = new IssueLog(draft.issues);
  const stages = [...draft.stages];
  const read = draft.pages;
  const check = (stage: string): void => opts.deadline?.check(stage);
  const needsRestoring = read.pages.some((p) => p.origin === 'ocr' || p.quality?.verdict === 'no-diacritics' || p.quality?.verdict === 'noisy');
  const model = needsRestoring && opts.restoreModel ? await opts.restoreModel() : null;
  check('restore');
  const restored = await timed(stages, 'restore', () => restorePages(read, log.forStage('restore'), model));
  check('layout');
  // the cells of tables read from OCR text rows are decoded again, each on its own words (restore-table-cells.ts)
  const layout = await timed(stages, 'layout', async () => restoreTableCells(await layoutPages(restored, log.forStage('layout')), model));
  check('segment');
  const segment = await timed(stages, 'segment', () => segmentDocument(layout, log.forStage('segment')));
  check('records');
  const records = await timed(stages, 'records', () => extractRecords(documentId(draft.intake.source.sha256), layout, segment, log.forStage('records'), opts.agencyRegistry));
  return timed(stages, 'output', async () =>
    assembleDocument({ intake: draft.intake, layout, segment, records, issues: log.all(), stages, processedAt: (opts.now?.() ?? new Date()).toISOString() }),
  );
}
