import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
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

/** A content as the registry knows it: its bytes (sha256) for one output folder. */
export interface ContentKey {
  /** The output folder the document is written to. */
  outDir: string;
  sha256: string;
}

/**
 * Which contents the service has taken, so the same bytes dropped twice are
 * processed once per output folder. Kept in Redis (persisted with it), one
 * key per output folder and sha256: the embedded Redis in the user's data
 * folder serves every watch folder on the machine, and a plan processed for
 * one output folder must still be processed for another one that should hold
 * it too. The folder is taken by its real path, so two spellings of one
 * folder (a symlink, a relative path) are one folder.
 */
export class ContentRegistry {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(target: RedisTarget, prefix: string) {
    this.#redis = new Redis(target.options);
    this.#redis.on('error', () => {}); // reconnects on its own; callers see failed commands
    this.#prefix = prefix;
  }

  async #key(content: ContentKey): Promise<string> {
    const dir = await realpath(content.outDir).catch(() => resolve(content.outDir));
    const folder = createHash('sha256').update(dir).digest('hex').slice(0, 16);
    return `${this.#prefix}:content:${folder}:${content.sha256}`;
  }

  /**
   * Takes a content for a new job. Returns null when taken, or the claim that
   * already holds it (queued or done): a duplicate. A content whose last run
   * failed may be taken again (dropping a file again is how a clerk retries).
   */
  async claim(content: ContentKey, claim: ContentClaim): Promise<ContentClaim | null> {
    const value = JSON.stringify(claim);
    if ((await this.#redis.set(await this.#key(content), value, 'NX')) === 'OK') return null;
    const held = await this.get(content);
    if (held && held.status !== 'failed') return held;
    await this.take(content, claim);
    return null;
  }

  /** Takes a content whatever holds it. */
  async take(content: ContentKey, claim: ContentClaim): Promise<void> {
    await this.#redis.set(await this.#key(content), JSON.stringify(claim));
  }

  async get(content: ContentKey): Promise<ContentClaim | null> {
    const raw = await this.#redis.get(await this.#key(content));
    return raw ? (JSON.parse(raw) as ContentClaim) : null;
  }

  /** Marks how the job ended, keeping who holds the content. */
  async settle(content: ContentKey, jobId: string, status: 'done' | 'failed'): Promise<void> {
    const held = await this.get(content);
    if (held && held.jobId !== jobId) return; // a later claim took over
    await this.#redis.set(await this.#key(content), JSON.stringify({ ...(held ?? { jobId, file: '' }), status, time: new Date().toISOString() }));
  }

  async close(): Promise<void> {
    this.#redis.disconnect();
  }
}
