import { describe, expect, it } from 'vitest';
import { alignedWords, countChannel } from '../../../scripts/restore/channel-counts.js';
import { OcrChannel } from '../../../src/restore/index.js';

describe('OCR channel counts (scripts/restore/channel-counts.ts)', () => {
  it('aligns a page\'s words and leaves out pairs that are not the same word misread', () => {
    const pairs = alignedWords({ name: 'x', pages: [{ clean: 'Sở Khoa học và Công nghệ, với các sở.', noisy: 'S& Khoa hoc va Cong nghé, vdi cac s&. ZZZZ' }] });
    expect(pairs).toContainEqual(['với', 'vdi']);
    expect(pairs).toContainEqual(['sở', 's&']);
    expect(pairs.every(([i]) => /^\p{L}+$/u.test(i))).toBe(true);
  });

  it('counts tokens per word, letter confusions, and how often each word was aligned', () => {
    const aligned: [string, string][] = [
      ...Array.from({ length: 6 }, () => ['với', 'vdi'] as [string, string]),
      ...Array.from({ length: 3 }, () => ['với', 'voi'] as [string, string]),
      ...Array.from({ length: 8 }, () => ['và', 'va'] as [string, string]),
      ['và', 'vd'],
    ];
    const data = countChannel(aligned);
    expect(data.pairs).toBe(18);
    // "voi" for "với" and "va" for "và" are read right but for their marks
    expect(data.identity).toBeCloseTo(11 / 18, 9);
    expect(data.tokens.vdi).toEqual({ với: 6 });
    // a token seen once is not kept
    expect(data.tokens.vd).toBeUndefined();
    expect(data.words).toEqual({ với: 9, và: 9 });
    expect(data.subs.d).toEqual({ o: 6 });
    // the channel reads its own counts back: "vdi" is "với"
    expect(new OcrChannel(data).readings('vdi')[0]?.word).toBe('với');
  });
});
