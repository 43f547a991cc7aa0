import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** ../shared/STYLE.md: aim under 300 lines; a file over 400 must be split. */
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|js)$/.test(name) ? [path] : [];
  });
}

describe('file length', () => {
  const files = ['src', 'schemas', 'workers', 'scripts', 'test'].flatMap((d) => {
    try {
      return sourceFiles(d);
    } catch {
      return [];
    }
  });

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it(`keeps every source file under ${MAX_LINES} lines`, () => {
    const long = files.map((f) => [f, readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > MAX_LINES);
    expect(long).toEqual([]);
  });
});
