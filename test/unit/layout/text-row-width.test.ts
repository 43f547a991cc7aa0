import { describe, expect, it } from 'vitest';
import { nameColumnWidth, splitOverWide } from '../../../src/layout/tables/text-rows/text-row-width.js';

const rowLines = [
  '1 Tỷ lệ hộ gia đình được sử dụng nước sạch theo % 95 Sở Xây dựng',
  '2 Tỷ lệ chất thải rắn sinh hoạt được thu gom xử % 90 Sở Nông nghiệp và Môi trường',
  '3 Tỷ lệ đô thị loại IV trở lên có hệ thống thoát % 70 Sở Xây dựng',
  '4 Số doanh nghiệp công nghệ số trên một vạn dân Doanh nghiệp 20 Sở Khoa học và Công nghệ',
  '5 Tỷ lệ xã có điểm phục vụ bưu chính có người % 100 Sở Khoa học và Công nghệ',
  '6 Tỷ lệ trạm y tế xã có bác sĩ làm việc thường % 100 Sở Y tế',
];

describe('nameColumnWidth', () => {
  it('reads the name column\'s width from the name parts of the row lines, and gives none from too few', () => {
    const width = nameColumnWidth(['nước sạch', ...rowLines, 'xuyên']);
    expect(width).toBeGreaterThanOrEqual(44);
    expect(width).toBeLessThanOrEqual(47);
    expect(nameColumnWidth(rowLines.slice(0, 3))).toBeNull();
  });
});

describe('splitOverWide', () => {
  it('splits a line too wide for the column where the column ends, and leaves one that fits whole', () => {
    expect(splitOverWide('đồng bằng sông Hồng về tính minh bạch tỉnh dẫn đầu', 38)).toEqual({ name: 'đồng bằng sông Hồng về tính minh bạch', other: 'tỉnh dẫn đầu' });
    expect(splitOverWide('đồng bằng sông Hồng về tính minh bạch', 38)).toEqual({ name: 'đồng bằng sông Hồng về tính minh bạch', other: '' });
    expect(splitOverWide('đồng bằng sông Hồng về tính minh bạch tỉnh dẫn đầu', null)).toEqual({ name: 'đồng bằng sông Hồng về tính minh bạch tỉnh dẫn đầu', other: '' });
  });
});
