/**
 * Thin entry for the documents queue alone (`node dist/workers/document-worker.js`):
 * document jobs read the text layer, fan OCR out to page jobs and finish the
 * document. Settings from the environment: REDIS_URL, PLAN_INGEST_QUEUE_PREFIX,
 * PLAN_INGEST_DATA_DIR, PLAN_INGEST_GRACE_S. The processor itself is
 * src/queue/document-processor.ts.
 */
import { DOCUMENTS_QUEUE, runQueueEntry } from '../src/queue/index.js';

await runQueueEntry(DOCUMENTS_QUEUE, 'document-worker');
