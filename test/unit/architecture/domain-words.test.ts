import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable } from '../../../src/core/index.js';

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** A word written without its marks, as code compares folded text: "nam", "thuong", "cac" (lower-case ASCII, a Vietnamese syllable). */
const foldedWord = (w: string): boolean => /^[a-z]{2,}$/u.test(w) && isVietnameseSyllable(w);

/** Comments say why with examples; only code counts. */
const withoutComments = (code: string): string => code.replace(/\/\*[\s\S]*?\*\//gu, '').replace(/(^|[^:\\])\/\/.*$/gmu, '$1');

/**
 * Accent-stripped Vietnamese word lists in code: a regular expression or
 * string alternating two or more folded words ("nam|den|ngay", "(?:cac|uy
 * ban)"), a string of three or more of them ("so ban nganh"), or three or
 * more of them quoted one by one in a list (['so', 'cong', 'truong']).
 */
function wordLists(code: string): string[] {
  const found: string[] = [];
  const literal = /\/(?![*/])(?:\\.|[^/\n\\])+\/[dgimsuvy]*|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`|"(?:\\.|[^"\\\n])*"/gu;
  for (const m of code.matchAll(literal)) {
    const text = m[0];
    // the alternatives of a pattern, regex syntax around them dropped: "(?:nam|den" → "nam", "den"
    const alternated = text.split('|').map((part) => part.replace(/^[/'"`]?\^?(?:\(\?:|\(|\\b)*/u, '').replace(/(?:\)|\$|\\b|\\s)*(?:[/'"`][a-z]*)?$/u, '').trim());
    const folded = alternated.filter((p) => /^[a-z]+(?: [a-z]+)*$/u.test(p) && p.split(' ').every(foldedWord));
    if (text.includes('|') && folded.length >= 2) found.push(text);
    else if (/^['"`][a-z ]+['"`]$/u.test(text) && text.slice(1, -1).split(' ').length >= 3 && text.slice(1, -1).split(' ').every(foldedWord)) found.push(text);
  }
  for (const m of code.matchAll(/\[\s*((?:'[a-z ]+'\s*,\s*){2,}'[a-z ]+')\s*,?\s*\]/gu)) {
    const words = m[1]!.split(',').map((w) => w.trim().slice(1, -1));
    if (words.every((w) => w.split(' ').every(foldedWord))) found.push(m[0]);
  }
  return found;
}

/** The spelling system itself (onsets, rhymes: "oa", "uy"), not words of the domain. */
const ORTHOGRAPHY = new Set([join('src', 'core', 'vietnamese-text.ts'), join('src', 'restore', 'syllable-inventory.ts')]);

describe('domain words live in the lexicon', () => {
  it('finds no accent-stripped Vietnamese word lists in src outside src/lexicon', () => {
    const offences = sources('src')
      .filter((f) => !f.startsWith(join('src', 'lexicon')) && !ORTHOGRAPHY.has(f))
      .flatMap((f) => wordLists(withoutComments(readFileSync(f, 'utf8'))).map((w) => `${relative('.', f)}: ${w.slice(0, 120)}`));
    expect(offences).toEqual([]);
  });

  it('would find one', () => {
    expect(wordLists("const X = /^(?:nam|den|ngay)$/u;")).toHaveLength(1);
    expect(wordLists("const S = new Set(['so', 'cong', 'ban']);")).toHaveLength(1);
    expect(wordLists("const W = 'so ban nganh uy';")).toHaveLength(1);
    expect(wordLists("const E = /^(info|debug)$/u;")).toEqual([]);
  });
});
