import { describe, expect, it } from 'vitest';
import { parseTarget, parseTargets } from '../../../src/records/target-parser.js';

/** Every form of target cell found in the seed plans (002's Phụ lục 1, 003's bullets, 000's list). */
describe('parseTarget', () => {
  it.each([
    ['≥60%', '>=', 60, null, '%', 'percent'],
    ['≥ 95%', '>=', 95, null, '%', 'percent'],
    ['100%', '=', 100, null, '%', 'percent'],
    ['≥ 0,85', '>=', 0.85, null, null, 'number'],
    ['≥ 1.200', '>=', 1200, null, null, 'number'],
    ['≥ 3.000', '>=', 3000, null, null, 'number'],
    ['> 0,7', '>', 0.7, null, null, 'number'],
    ['55-60%', 'range', 55, 60, '%', 'percent'],
    ['80-90%', 'range', 80, 90, '%', 'percent'],
    ['07 đến 10', 'range', 7, 10, null, 'number'],
    ['62-65', 'range', 62, 65, null, 'number'],
    ['đạt trên 3,5%', '>', 3.5, null, '%', 'percent'],
    ['đạt 1,0', '=', 1, null, null, 'number'],
    ['phấn đấu ít nhất 3%', '>=', 3, null, '%', 'percent'],
    ['Có từ 54 người', '>=', 54, null, 'người', 'number'],
    ['Tối thiểu 80%', '>=', 80, null, '%', 'percent'],
    ['150 doanh nghiệp', '=', 150, null, 'doanh nghiệp', 'number'],
    ['Top 3 các địa phương dẫn đầu', '<=', 3, null, 'Thứ bậc', 'rank'],
    ['Phấn đấu đứng top 3 toàn quốc', '<=', 3, null, 'Thứ bậc', 'rank'],
    ['200 đến 300 hoặc top 3 cả nước', '<=', 3, null, 'Thứ bậc', 'rank'],
    ['trong nhóm 5 địa phương dẫn đầu', '<=', 5, null, 'Thứ bậc', 'rank'],
    ['gấp 1,5 lần so với giai đoạn 2020 - 2025', null, 1.5, null, 'lần', 'number'],
    ['và 100% vào năm 2026', '=', 100, null, '%', 'percent'],
  ])('%s', (raw, comparator, value, valueMax, unit, kind) => {
    expect(parseTarget(raw)).toMatchObject({ raw, comparator, value, valueMax, unit, kind });
  });

  it('keeps text without a number as text, raw intact', () => {
    expect(parseTarget('Đạt mức cao của cả nước')).toMatchObject({ raw: 'Đạt mức cao của cả nước', kind: 'text', value: null, comparator: null });
  });

  it('flags aspirations and yearly targets, and carries the year', () => {
    expect(parseTarget('Phấn đấu đạt 3%', { year: 2030 })).toMatchObject({ year: 2030, aspiration: true, value: 3 });
    expect(parseTarget('100% hằng năm')).toMatchObject({ annual: true });
  });
});

describe('parseTargets', () => {
  it('keeps several targets of one cell apart, with their scope', () => {
    const t = parseTargets('≥ 95% đối với trường học; ≥ 90% đối với bệnh viện', { year: 2030 });
    expect(t.map((x) => [x.value, x.scope, x.year])).toEqual([[95, 'trường học', 2030], [90, 'bệnh viện', 2030]]);
  });
});
