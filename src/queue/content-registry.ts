import { Redis } from 'ioredis';
import type { RedisTarget } from './redis-connection.js';

/** What the queue knows about a file content (by sha256). */
export interface ContentClaim {
  status: 'queued' | 'done' | 'failed';
  /** The document job that handles it. */
  jobId: string;
  /** The file name it was first dropped with. */
  file: string;
  time: string;
}

/**
 * Which contents the service has taken, so the same bytes dropped twice are
 * processed once. Kept in Redis (persisted with it), one key per sha256.
 */
export class ContentRegistry {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(target: RedisTarget, prefix: string) {
    this.#redis = new Redis(target.options);
    this.#redis.on('error', () => {}); // reconnects on its own; callers see failed commands
    this.#prefix = prefix;
  }

  #key(sha256: string): string {
    return `${this.#prefix}:content:${sha256}`;
  }

  /**
   * Takes a content for a new job. Returns null when taken, or the claim that
   * already holds it (queued or done): a duplicate. A content whose last run
   * failed may be taken again (dropping a file again is how a clerk retries).
   */
  async claim(sha256: string, claim: ContentClaim): Promise<ContentClaim | null> {
    const value = JSON.stringify(claim);
    if ((await this.#redis.set(this.#key(sha256), value, 'NX')) === 'OK') return null;
    const held = await this.get(sha256);
    if (held && held.status !== 'failed') return held;
    await this.take(sha256, claim);
    return null;
  }

  /** Takes a content whatever holds it. */
  async take(sha256: string, claim: ContentClaim): Promise<void> {
    await this.#redis.set(this.#key(sha256), JSON.stringify(claim));
  }

  async get(sha256: string): Promise<ContentClaim | null> {
    const raw = await this.#redis.get(this.#key(sha256));
    return raw ? (JSON.parse(raw) as ContentClaim) : null;
  }

  /** Marks how the job ended, keeping who holds the content. */
  async settle(sha256: string, jobId: string, status: 'done' | 'failed'): Promise<void> {
    const held = await this.get(sha256);
    if (held && held.jobId !== jobId) return; // a later claim took over
    await this.#redis.set(this.#key(sha256), JSON.stringify({ ...(held ?? { jobId, file: '' }), status, time: new Date().toISOString() }));
  }

  async close(): Promise<void> {
    this.#redis.disconnect();
  }
}
