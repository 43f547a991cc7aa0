import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ApiToken, type ApiTokenScope } from '../../schemas/index.js';
import { writeFileAtomic } from '../core/index.js';

/** Tokens start with this, so a leaked one is recognisable in logs and secret scanners. */
const PREFIX = 'pi_';
const SCOPE_RANK: Record<ApiTokenScope, number> = { read: 0, review: 1, admin: 2 };

/** Whether a token of scope `has` may do what scope `needs` allows (admin ⊃ review ⊃ read). */
export function scopeAllows(has: ApiTokenScope, needs: ApiTokenScope): boolean {
  return SCOPE_RANK[has] >= SCOPE_RANK[needs];
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * API tokens for downstream systems, in `<data dir>/api-tokens.json` (mode
 * 0600): names, scopes and SHA-256 hashes, never a token itself. A token
 * is shown once, by `plan-ingest token add`, and sent as
 * `Authorization: Bearer pi_…`. The file is read again whenever it
 * changes, so `token revoke` takes effect on a running server at once.
 */
export class ApiTokens {
  #cache: { key: string; tokens: ApiToken[] } | null = null;

  constructor(readonly dataDir: string) {}

  get path(): string {
    return join(this.dataDir, 'api-tokens.json');
  }

  async all(): Promise<ApiToken[]> {
    let key: string;
    try {
      const s = await stat(this.path);
      key = `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    if (this.#cache?.key === key) return this.#cache.tokens;
    const tokens = z.array(ApiToken).parse(JSON.parse(await readFile(this.path, 'utf8')));
    this.#cache = { key, tokens };
    return tokens;
  }

  /** Makes a token; returns it (the only time it exists outside the caller). Refuses a name in use. */
  async add(name: string, scope: ApiTokenScope): Promise<string> {
    const tokens = await this.all();
    if (tokens.some((t) => t.name === name)) throw new Error(`a token named ${name} exists: revoke it first (plan-ingest token revoke ${name})`);
    const token = PREFIX + randomBytes(32).toString('base64url');
    const entry = ApiToken.parse({ name, scope, sha256: sha256(token).toString('hex'), created: new Date().toISOString() });
    await this.#write([...tokens, entry]);
    return token;
  }

  /** Removes a token; false when there was none of that name. */
  async revoke(name: string): Promise<boolean> {
    const tokens = await this.all();
    const kept = tokens.filter((t) => t.name !== name);
    if (kept.length === tokens.length) return false;
    await this.#write(kept);
    return true;
  }

  /** The token's name and scope, or null when it is not one of ours (compared in constant time, every entry looked at). */
  async verify(token: string): Promise<Pick<ApiToken, 'name' | 'scope'> | null> {
    if (!token.startsWith(PREFIX) || token.length > 200) return null;
    const presented = sha256(token);
    let found: ApiToken | null = null;
    for (const t of await this.all()) if (timingSafeEqual(presented, Buffer.from(t.sha256, 'hex')) && !found) found = t;
    return found ? { name: found.name, scope: found.scope } : null;
  }

  async #write(tokens: ApiToken[]): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
    this.#cache = null;
  }
}
