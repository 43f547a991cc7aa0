import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiTokens, scopeAllows } from '../../../src/review/api-tokens.js';

describe('ApiTokens', () => {
  it('keeps only a hash, in a 0600 file, and knows the token back by it', async () => {
    const tokens = new ApiTokens(mkdtempSync(join(tmpdir(), 'pi-tokens-')));
    const token = await tokens.add('bao-cao', 'read');
    expect(token).toMatch(/^pi_[A-Za-z0-9_-]{43}$/);
    const file = readFileSync(tokens.path, 'utf8');
    expect(file).not.toContain(token);
    expect(file).not.toContain(token.slice(3));
    expect(statSync(tokens.path).mode & 0o777).toBe(0o600);
    expect(await tokens.verify(token)).toEqual({ name: 'bao-cao', scope: 'read' });
    expect(await tokens.verify(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await tokens.verify(token.slice(3))).toBeNull();
  });

  it('refuses a second token of one name, and a revoked one stops working at once', async () => {
    const tokens = new ApiTokens(mkdtempSync(join(tmpdir(), 'pi-tokens-')));
    const a = await tokens.add('a', 'review');
    const b = await tokens.add('b', 'admin');
    await expect(tokens.add('a', 'read')).rejects.toThrow(/revoke it first/);
    expect(await new ApiTokens(tokens.dataDir).revoke('a')).toBe(true); // another process (the CLI) revokes it
    expect(await tokens.verify(a)).toBeNull();
    expect(await tokens.verify(b)).toEqual({ name: 'b', scope: 'admin' });
    expect(await tokens.revoke('a')).toBe(false);
    expect((await tokens.all()).map((t) => t.name)).toEqual(['b']);
  });

  it('orders the scopes: admin may review, review may read, not the other way', () => {
    expect(scopeAllows('admin', 'review')).toBe(true);
    expect(scopeAllows('review', 'read')).toBe(true);
    expect(scopeAllows('read', 'review')).toBe(false);
    expect(scopeAllows('review', 'admin')).toBe(false);
  });
});
