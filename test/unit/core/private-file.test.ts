import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepPrivate } from '../../../src/core/index.js';

describe('keepPrivate', () => {
  it('makes a file others can read 0600, leaves a private one alone, and ignores a missing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pi-private-'));
    const open = join(dir, 'open.json');
    writeFileSync(open, '{}', { mode: 0o644 });
    expect(await keepPrivate(open)).toBe(0o644);
    expect(statSync(open).mode & 0o777).toBe(0o600);
    expect(await keepPrivate(open)).toBeNull();
    expect(await keepPrivate(join(dir, 'missing.json'))).toBeNull();
  });
});
