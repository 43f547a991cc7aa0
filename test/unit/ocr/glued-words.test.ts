import { describe, expect, it } from 'vitest';
import { unglue } from '../../../src/ocr/glued-words.js';
import { repairMissingGlyphs } from '../../../src/ocr/missing-glyphs.js';

describe('unglue: syllables an OCR read without the space between them', () => {
  it.each([
    ['SởTàichính', 'Sở Tài chính'],
    ['Côngnghệ', 'Công nghệ'],
    ['Cótừ', 'Có từ'],
    ['phấnđấu', 'phấn đấu'],
    ['doanhnghiệp', 'doanh nghiệp'],
    ['thànhphố', 'thành phố'],
    ['trên3%', 'trên 3%'],
  ])('%s → %s', (glued, spaced) => expect(unglue(glued)).toBe(spaced));

  it.each([
    ['UBND'], ['KH&CN'], ['ĐMST'], ['IoT'], ['online'], ['website'], ['57-NQ/TW'], ['100%'], ['(STEM)'],
    ['nghiêng'], ['Việt'], ['số.'],
    ['/CAT-PA05'], ['202/2025/QH15'], ['(Đ1,'], // capitals and digits together are a code
    ['Khoahoc'], // no marks and no capital inside: it could be anything
    ['SởKhoahọoc'], // a misread inside: no clean split
    ['đấuít'], // two splits as good: "đấu ít" or "đấ uít"
  ])('leaves %s alone', (token) => expect(unglue(token)).toBe(token));
});

describe('repairMissingGlyphs: what the Vietnamese model reads for "≥"', () => {
  it.each([
    ['z>60%', '≥60%'],
    ['z95%', '≥95%'],
    ['z>', '≥'],
    ['z>1.200', '≥1.200'],
    ['>70%', '>70%'],
    ['zalo', 'zalo'],
    ['z', 'z'],
  ])('%s → %s', (read, repaired) => expect(repairMissingGlyphs(read)).toBe(repaired));
});
