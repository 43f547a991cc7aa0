import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable, measureTextQuality, stripDiacritics } from '../../../src/core/index.js';

const seed = (name: string): string => readFileSync(new URL(`../../../fixtures/seeds/${name}`, import.meta.url), 'utf8');

describe('isVietnameseSyllable', () => {
  it.each(['nghiêng', 'Đổi', 'khuya', 'quốc', 'giữa', 'người', 'chuyển', 'hoà', 'hòa', 'thuỷ', 'UBND'.toLowerCase().replace('ubnd', 'ban')])('accepts %s', (s) =>
    expect(isVietnameseSyllable(s)).toBe(true),
  );
  it.each(['d6i', 'ctia', 'strength', 'thire', 'Gbps', 'nghlep'])('rejects %s', (s) => expect(isVietnameseSyllable(s)).toBe(false));
});

describe('measureTextQuality', () => {
  it('scores the clean seed texts as good', () => {
    for (const name of ['000_5fe923ac2530a014.txt', '002_8e0d8f3781295ac3.txt', '003_4113829f73d97220.txt', '004_366fba49b02306f1.txt'])
      expect(measureTextQuality(seed(name)).verdict, name).toBe('good');
  });

  it('scores a seed typed without diacritics as no-diacritics', () => {
    const q = measureTextQuality(stripDiacritics(seed('003_4113829f73d97220.txt')));
    expect(q.verdict).toBe('no-diacritics');
    expect(q.diacriticDensity).toBeLessThan(0.05);
  });

  it('scores an English-model OCR layer (KH 44) as noisy', () => {
    const q = measureTextQuality(seed('001_add9b93c7bdbd174.txt'));
    expect(q.verdict).toBe('noisy');
  });

  it('calls a page with almost no words empty', () => {
    expect(measureTextQuality('  12 \n ').verdict).toBe('empty');
  });
});
