import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toTCVN3, toVNI } from 'vietnamese-conversion';
import { decodeLegacy, detectLegacyEncoding } from '../../../src/extract/legacy-encoding.js';

const TEXT = 'Chương trình hành động đổi mới sáng tạo và chuyển đổi số của thành phố Hải Phòng năm 2026, bảo đảm quốc phòng, an ninh; phát triển nguồn nhân lực chất lượng cao.';

describe('legacy Vietnamese encodings', () => {
  it.each([
    ['tcvn3', toTCVN3(TEXT, 'unicode')],
    ['vni', toVNI(TEXT, 'unicode')],
  ] as const)('detects and decodes %s back to the Unicode text', (encoding, legacy) => {
    expect(legacy).not.toBe(TEXT);
    expect(detectLegacyEncoding(legacy)).toBe(encoding);
    expect(decodeLegacy(legacy, encoding)).toBe(TEXT);
  });

  it('reads VNI "ôù" as "ớ" (longest code first)', () => {
    expect(decodeLegacy('ñoåi môùi', 'vni')).toBe('đổi mới');
  });

  it('finds no encoding on a page without text, whatever its fonts are called (a scan)', () => {
    expect(detectLegacyEncoding('', ['.VnTime'])).toBeNull();
    expect(detectLegacyEncoding(' \n ', ['VNI-Times'])).toBeNull();
  });

  it('leaves correct Unicode Vietnamese alone', () => {
    expect(detectLegacyEncoding(TEXT)).toBeNull();
  });

  it('does not take English-model OCR noise for a legacy encoding (its "é" is not TCVN3 "ộ")', () => {
    const kh44 = readFileSync(new URL('../../../fixtures/seeds/001_add9b93c7bdbd174.txt', import.meta.url), 'utf8');
    for (const page of kh44.split('\n\n\n').slice(0, 10)) expect(detectLegacyEncoding(page)).toBeNull();
  });
});
