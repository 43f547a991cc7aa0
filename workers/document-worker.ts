/**
 * Thin entry for the documents queue alone (`node dist/workers/document-worker.js`):
 * document jobs read the text layer, fan OCR out to page jobs and finish the
 * document. Settings from the environment: REDIS_URL, PLAN_INGEST_QUEUE_PREFIX,
 * PLAN_INGEST_DATA_DIR. The processor itself is src/queue/document-processor.ts.
 */
import { createLogger, defaultDataDir } from '../src/core/index.js';
import { DOCUMENTS_QUEUE, connectRedisTarget, startWorkerPool } from '../src/queue/index.js';

const target = await connectRedisTarget(defaultDataDir());
const pool = startWorkerPool(target, { queues: [DOCUMENTS_QUEUE], log: createLogger('document-worker') });
const stop = () => void pool.close().then(() => target.close()).finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
