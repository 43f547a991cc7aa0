import { describe, expect, it } from 'vitest';
import { readProseTargets } from '../../../src/records/prose-target.js';

/** Prose indicators as the seeds write them (000's numbered list, 003's bullets): every target kept apart. */
describe('readProseTargets', () => {
  it.each([
    ['Chỉ số DTI hằng năm của thành phố top 5, phấn đấu top 3 cả nước.', ['top 5', 'phấn đấu top 3 cả nước'], [null, null]],
    ['Tỷ lệ cán bộ được bồi dưỡng kỹ năng số căn bản đạt 80% vào cuối năm 2025 và 100% vào năm 2026.', ['80% vào cuối năm 2025', 'và 100% vào năm 2026'], [2025, 2026]],
    ['Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đến năm 2030 lớn hơn 40%.', ['lớn hơn 40%'], [2030]],
    ['Số lượng sáng chế phấn đấu gấp 1,5 lần so với giai đoạn 2020 - 2025.', ['gấp 1,5 lần so với giai đoạn 2020 - 2025'], [null]],
    ['Lựa chọn, áp dụng ít nhất 01 mô hình, giải pháp ứng dụng khoa học và công nghệ.', ['ít nhất 01 mô hình'], [null]],
    ['Tỷ lệ cán bộ được bồi dưỡng kỹ năng số cơ bản: 100%.', ['100%'], [null]],
    ['Các chỉ tiêu khác được giao trong Kế hoạch thực hiện Nghị quyết 57-NQ/TW.', [], []],
  ])('%s', (text, raws, years) => {
    const targets = readProseTargets(text);
    expect(targets.map((t) => t.raw)).toEqual(raws);
    expect(targets.map((t) => t.year)).toEqual(years);
  });

  it('gives the words between two targets to the second as its scope, and marks every target of an aspiration', () => {
    const targets = readProseTargets('Phấn đấu đến năm 2030 có 150 doanh nghiệp khoa học công nghệ; số lượng doanh nghiệp khởi nghiệp đạt 450 doanh nghiệp.');
    expect(targets.map((t) => [t.raw, t.value, t.unit, t.year, t.aspiration])).toEqual([
      ['150 doanh nghiệp khoa học công nghệ', 150, 'doanh nghiệp', 2030, true],
      ['số lượng doanh nghiệp khởi nghiệp đạt 450 doanh nghiệp', 450, 'doanh nghiệp', 2030, true],
    ]);
  });
});
