import { z } from 'zod';

/**
 * What a service answers on its health endpoint (`serve`: GET /api/health;
 * `watch --health-port`: GET /health). Each part of the service has a status
 * of its own; a part this process does not run is "not running here", which
 * is no failure: a review server without a watcher is healthy.
 */
export const ComponentStatus = z.enum(['up', 'down', 'not running here']);
export type ComponentStatus = z.infer<typeof ComponentStatus>;

export const ComponentHealth = z.object({
  status: ComponentStatus,
  /** Why it is down, or what it is ("embedded redis-server at …", "3 workers"). */
  detail: z.string().optional(),
  /** Workers: how many are connected to the queue (this process's and others'), when the queue is known. */
  connected: z.number().int().nonnegative().optional(),
});
export type ComponentHealth = z.infer<typeof ComponentHealth>;

export const HealthReport = z.object({
  /** "ok": every part this process runs is up; "degraded" (HTTP 503): one of them is down. */
  status: z.enum(['ok', 'degraded']),
  components: z.object({
    /** The HTTP server (serve). */
    server: ComponentHealth,
    /** Redis, for the queue (watch, worker) or the queue dashboard (serve --dashboard). */
    redis: ComponentHealth,
    /** Workers processing jobs in this process. */
    workers: ComponentHealth,
    /** The inbox watcher (watch). */
    watcher: ComponentHealth,
    /** The output folder: there and writable. */
    output: ComponentHealth,
  }),
});
export type HealthReport = z.infer<typeof HealthReport>;

/** The overall status of a set of components: degraded when one is down. */
export function overallStatus(components: HealthReport['components']): HealthReport['status'] {
  return Object.values(components).some((c) => c.status === 'down') ? 'degraded' : 'ok';
}
