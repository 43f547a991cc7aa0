/**
 * Thin entry for the pages queue alone (`node dist/workers/page-worker.js`):
 * an OCR machine. Settings from the environment: REDIS_URL,
 * PLAN_INGEST_QUEUE_PREFIX, PLAN_INGEST_DATA_DIR; the documents' work folders
 * must be reachable at the same paths (shared storage). The processor itself
 * is src/queue/page-processor.ts.
 */
import { createLogger, defaultDataDir } from '../src/core/index.js';
import { PAGES_QUEUE, connectRedisTarget, startWorkerPool } from '../src/queue/index.js';

const target = await connectRedisTarget(defaultDataDir());
const pool = startWorkerPool(target, { queues: [PAGES_QUEUE], log: createLogger('page-worker') });
const stop = () => void pool.close().then(() => target.close()).finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
