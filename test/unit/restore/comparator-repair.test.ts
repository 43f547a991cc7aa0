import { describe, expect, it } from 'vitest';
import { repairComparators } from '../../../src/restore/comparator-repair.js';
import { trainModel } from '../../../src/restore/train-model.js';

/** A model whose training text printed "≥" before figures far more often than ">". */
const model = trainModel([Array.from({ length: 30 }, (_, i) => `Tỷ lệ hồ sơ trực tuyến đạt ≥${60 + i}%`).join('\n') + '\nlớn hơn > 40%']);

describe('repairComparators', () => {
  it.each([
    ['% > 80 Sở Thông tin', '% ≥ 80 Sở Thông tin'],
    ['Doanh nghiệp =5 Sở', 'Doanh nghiệp ≥5 Sở'],
    ['% ~=30 Văn phòng', '% ≥30 Văn phòng'],
    ['tổ chức >1', 'tổ chức ≥1'],
  ])('%s → %s', (read, printed) => {
    expect(repairComparators(read, model)).toBe(printed);
  });

  it('leaves signs the training text gives no reason to change, and signs not before a figure', () => {
    expect(repairComparators('Thứ bậc <10', model)).toBe('Thứ bậc <10');
    expect(repairComparators('a > b', model)).toBe('a > b');
    const plain = trainModel(['Tỷ lệ đạt > 40% và > 50%']);
    expect(repairComparators('% > 80', plain)).toBe('% > 80');
  });
});
