import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { ReviewerAccount } from '../../schemas/index.js';
import { writeFileAtomic } from '../core/index.js';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;
/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 8;

/**
 * Local reviewer accounts of an output folder, in `.review/reviewers.json`:
 * names with scrypt hashes of their passwords (random salt each), created
 * from the CLI (`plan-ingest reviewer add`). Never a plain password on disk.
 */
export class ReviewerAccounts {
  constructor(readonly outDir: string) {}

  get path(): string {
    return join(this.outDir, '.review', 'reviewers.json');
  }

  async all(): Promise<ReviewerAccount[]> {
    try {
      return z.array(ReviewerAccount).parse(JSON.parse(await readFile(this.path, 'utf8')));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }

  /** Adds a reviewer, or sets a new password (and role) for an existing one. */
  async set(name: string, password: string, role: ReviewerAccount['role'] = 'reviewer'): Promise<void> {
    if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
    const salt = randomBytes(16);
    const hash = await scryptAsync(password.normalize('NFC'), salt, KEY_LENGTH);
    const account = ReviewerAccount.parse({ name, salt: salt.toString('base64'), hash: hash.toString('base64'), created: new Date().toISOString(), role });
    const others = (await this.all()).filter((a) => a.name !== name);
    await writeFileAtomic(this.path, `${JSON.stringify([...others, account], null, 2)}\n`, { mode: 0o600 });
  }

  /** Removes a reviewer; false when there was none of that name. Their next sign-in is refused. */
  async remove(name: string): Promise<boolean> {
    const all = await this.all();
    const others = all.filter((a) => a.name !== name);
    if (others.length === all.length) return false;
    await writeFileAtomic(this.path, `${JSON.stringify(others, null, 2)}\n`, { mode: 0o600 });
    return true;
  }

  /** The reviewer when the password is theirs; null otherwise (the same time either way). */
  async verify(name: string, password: string): Promise<Pick<ReviewerAccount, 'name' | 'role'> | null> {
    const account = (await this.all()).find((a) => a.name === name);
    const salt = account ? Buffer.from(account.salt, 'base64') : randomBytes(16);
    const hash = await scryptAsync(password.normalize('NFC'), salt, KEY_LENGTH);
    if (!account) return null;
    const expected = Buffer.from(account.hash, 'base64');
    return expected.length === hash.length && timingSafeEqual(expected, hash) ? { name: account.name, role: account.role } : null;
  }
}
