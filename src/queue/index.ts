/** The queue: BullMQ on Redis (embedded redis-server by default), the inbox service and the workers. */
export { connectRedisTarget, type RedisTarget } from './redis-connection.js';
export { startEmbeddedRedis } from './embedded-redis.js';
export { redisProblem } from './redis-ping.js';
export { openQueues, DEFAULT_PREFIX, DOCUMENTS_QUEUE, PAGES_QUEUE, JOB_OPTIONS, type PlanQueues } from './queues.js';
export { loadJobKey } from './job-signature.js';
export { ContentRegistry, type ContentKey } from './content-registry.js';
export { startWorkerPool, type WorkerPool, type WorkerPoolOptions, type QueueName } from './worker-pool.js';
export { startInbox, type InboxEvent, type InboxOptions } from './inbox-service.js';
export type { DocumentJobResult } from './document-result.js';
export { submitFiles, type SubmitResult } from './submit-files.js';
export { outputHealth, queueHealth, NOT_HERE } from './service-health.js';
export { runWorkerPool, runQueueEntry, DEFAULT_GRACE_S } from './run-worker-pool.js';
