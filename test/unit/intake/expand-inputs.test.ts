import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../../src/intake/index.js';

describe('expandInputs', () => {
  it('lists a folder\'s supported files and its .doc files (refused later with a reason), not other types or hidden names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pi-expand-'));
    for (const name of ['b.pdf', 'a.docx', 'dự thảo.doc', 'notes.xyz', '.hidden.pdf', 'c.pdf.part']) writeFileSync(join(dir, name), 'x');
    expect(await expandInputs([dir])).toEqual([join(dir, 'a.docx'), join(dir, 'b.pdf'), join(dir, 'dự thảo.doc')]);
  });
});
