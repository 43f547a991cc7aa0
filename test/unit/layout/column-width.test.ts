import { describe, expect, it } from 'vitest';
import { columnWidth } from '../../../src/layout/tables/linearized/column-width.js';
import { textWidth } from '../../../src/layout/tables/linearized/text-width.js';

describe('columnWidth (linearized tables)', () => {
  it('goes by the cells that wrapped, not by those broken by hand after a slash or comma', () => {
    const cells = [
      ['Kế hoạch của Ủy ban', 'nhân dân thành phố'],
      ['Chiến lược/', 'Kế hoạch'],
      ['Chiến lược/', 'Kế hoạch'],
      ['Chiến lược/', 'Kế hoạch'],
      ['Quyết định/', 'Văn bản mời'],
      ['Các cơ chế,', 'chính sách'],
      ['Kế hoạch'],
      ['Kế hoạch, Báo cáo'],
    ];
    // one wrapped cell only: the widest line but one, so "Kế hoạch của Ủy ban" is not too wide for its own column
    const width = columnWidth(cells, ['Sản phẩm đầu ra'])!;
    expect(width * 1.1).toBeGreaterThan(textWidth('Kế hoạch của Ủy ban'));
  });

  it('takes the median widest line of wrapped cells, never below the header', () => {
    const cells = [['Sở Khoa học và', 'Công nghệ'], ['Ban Tuyên giáo và', 'Dân vận Thành ủy'], ['Ban Tổ chức', 'Thành ủy'], ['Sở Nội vụ']];
    const median = textWidth('Sở Khoa học và');
    expect(columnWidth(cells, ['Cơ quan'])).toBeCloseTo(median * 1.05, 5);
    expect(columnWidth(cells, ['Cơ quan chủ trì theo dõi, đánh giá'])).toBe(textWidth('Cơ quan chủ trì theo dõi, đánh giá'));
    expect(columnWidth([], [])).toBeNull();
  });
});
