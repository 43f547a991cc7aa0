/**
 * Thin entry for the pages queue alone (`node dist/workers/page-worker.js`):
 * an OCR machine. Settings from the environment: REDIS_URL,
 * PLAN_INGEST_QUEUE_PREFIX, PLAN_INGEST_DATA_DIR, PLAN_INGEST_GRACE_S; the
 * documents' work folders must be reachable at the same paths (shared
 * storage). The processor itself is src/queue/page-processor.ts.
 */
import { PAGES_QUEUE, runQueueEntry } from '../src/queue/index.js';

await runQueueEntry(PAGES_QUEUE, 'page-worker');
