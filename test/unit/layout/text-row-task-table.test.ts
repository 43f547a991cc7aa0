import { describe, expect, it } from 'vitest';
import type { Page, Table } from '../../../schemas/index.js';
import { splitTaskLine } from '../../../src/layout/tables/text-rows/text-row-task-line.js';
import { findTextRowTaskTables } from '../../../src/layout/tables/text-rows/text-row-task-table.js';
import { findTextRowTables } from '../../../src/layout/tables/text-rows/text-row-table.js';

const page = (text: string): Page => ({
  number: 1, width: null, height: null, origin: 'text-layer', text, words: [], lines: [], rulings: [], blocks: [], quality: null, repairs: [], originalText: null,
});
/** Body and section rows as arrays of cell texts. */
const grid = (t: Table): string[][] =>
  t.rows.filter((r) => r.kind !== 'header').map((r) => t.cells.filter((c) => c.row === r.index).map((c) => c.text));

describe('splitTaskLine', () => {
  it.each([
    [
      '2.1 thành phố đề xuất, kiến nghị sửa đổi, bổ sung hoặc | địa phương, đơn vị Sở Khoa học và Công nghệ Hằng năm',
      { code: '2.1', task: 'thành phố đề xuất, kiến nghị sửa đổi, bổ sung hoặc', agencies: ['địa phương, đơn vị', 'Sở Khoa học và Công nghệ'], timeline: 'Hằng năm' },
    ],
    [
      'Nghiên cứu đề xuất chính sách khuyến khích, thực Sở Khoa học và Các sở, ban, ngành, Ủy ban nhân dân',
      { code: '', task: 'Nghiên cứu đề xuất chính sách khuyến khích, thực', agencies: ['Sở Khoa học và', 'Các sở, ban, ngành, Ủy ban nhân dân'], timeline: '' },
    ],
    [
      '2.3 | đẩy gắn kết viện, trường với doanh nghiệp để đưa kết : các quận, huyện, thành phố, các đơn | 2025 - 2026',
      { code: '2.3', task: 'đẩy gắn kết viện, trường với doanh nghiệp để đưa kết', agencies: ['các quận, huyện, thành phố, các đơn'], timeline: '2025 - 2026' },
    ],
    ['Truyền thông', { code: '', task: '', agencies: ['Truyền thông'], timeline: '' }],
    ['tự cường, tự hào dân tộc, phát huy trí tuệ góp phần các đơn vị liên quan', { task: 'tự cường, tự hào dân tộc, phát huy trí tuệ góp phần', agencies: ['các đơn vị liên quan'] }],
    ['Sở Khoa học và các quận, huyện, thành phố,', { task: '', agencies: ['Sở Khoa học và', 'các quận, huyện, thành phố,'] }],
    // the timeline misread ("Flang năm"), a year that ends the task's sentence, prose with no agency in it
    ['4.9 | cộng nghệ công lập Sở Nội vụ Flang năm', { code: '4.9', agencies: ['Sở Nội vụ'], timeline: 'Flang năm' }],
    ['dân dân tộc phát triển đến năm 2045', { task: 'dân dân tộc phát triển đến năm 2045', agencies: [], timeline: '' }],
    ['cao hiệu quả quản lý, dự báo biến động tài nguyên,', { task: 'cao hiệu quả quản lý, dự báo biến động tài nguyên,', agencies: [] }],
  ])('%s', (line, parts) => {
    expect(splitTaskLine(line, true)).toMatchObject(parts);
  });

  it('takes a number garbled past reading before the task border as a row line', () => {
    expect(splitTaskLine('ở, | Nghị quyết số 35/2021/QH15 của Sở Kế hoạch và', true)).toMatchObject({ code: '?', task: 'Nghị quyết số 35/2021/QH15 của', agencies: ['Sở Kế hoạch và'] });
  });
});

const HEADER = ['STT', '', 'Nội dung công việc', '', 'Cơ quan chủ trì', '', 'Cơ quan phối hợp', '', 'Thời gian', 'thực hiện', ''];

describe('findTextRowTaskTables', () => {
  it('reads rows printed one paragraph per cell, a year alone being the timeline, a paragraph where a number is due a section', () => {
    const text = [
      'PHỤ LỤC SỐ 02: PHÂN CÔNG CÁC NHIỆM VỤ CỤ THỂ', '', ...HEADER,
      'Nâng cao nhận thức, đổi mới tư duy, xác định quyết tâm chính trị mạnh mẽ, quyết liệt lãnh đạo, chỉ đạo, tạo xung lực mới', '',
      '11', '', 'Tổ chức triển khai, nghiên cứu, quán triệt các nội', 'dung của Nghị quyết số 57-NQ/TW', '', 'Các Sở, ban, ngành,', 'địa phương, đơn vị', '', '2025', '',
      '1.2', '', 'Làm tốt công tác thông tin, tuyên truyền', '', 'Sở Khoa học và Công', 'nghệ', '', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'thành phố, các đơn vị', '', 'Hằng năm', '',
    ].join('\n');
    const [table] = findTextRowTaskTables(page(text), 0);
    expect(table!.cells.filter((c) => c.row === 0).map((c) => c.text)).toEqual(['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện']);
    expect(grid(table!)).toEqual([
      ['1. Nâng cao nhận thức, đổi mới tư duy, xác định quyết tâm chính trị mạnh mẽ, quyết liệt lãnh đạo, chỉ đạo, tạo xung lực mới'],
      ['1.1', 'Tổ chức triển khai, nghiên cứu, quán triệt các nội dung của Nghị quyết số 57-NQ/TW', 'Các Sở, ban, ngành, địa phương, đơn vị', '', '2025'],
      ['1.2', 'Làm tốt công tác thông tin, tuyên truyền', 'Sở Khoa học và Công nghệ', 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố, các đơn vị', 'Hằng năm'],
    ]);
  });

  it('reads rows printed one line per row height, the lines between two numbers cut where the rows balance', () => {
    const text = [
      'STT Nội dung công việc Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện',
      'Nghiên cứu đề xuất chính sách khuyến khích, thực Sở Khoa học và Các sở, ban, ngành, Ủy ban nhân dân',
      '2.3 | đẩy gắn kết viện, trường với doanh nghiệp để đưa kết Công nghệ các quận, huyện, thành phố, các đơn | 2025 - 2026',
      'quả nghiên cứu vào phục vụ sản xuất, kinh doanh. vị liên quan',
      'Nghiên cứu, đề xuất thành lập khoa tài năng trong các Sở Giáo dục và Các sở, ban, ngành, Ủy ban nhân dân',
      'trường đại học, cao đẳng về công nghệ thông tin, tự Đào tạo các quận, huyện, thành phố,',
      '2.4 động hóa nhằm thu hút và đào tạo nguồn nhân lực các đơn vị liên quan 2025 - 2026',
      'chất lượng cao, làm chủ công nghệ cho các ngành,',
      'lĩnh vực',
      '3 Tăng cường đầu tư, hoàn thiện hạ tầng cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
      '3.1 | Cân đối ngân sách của thành phố cho khoa học Sở Tài chính Các sở, ban, ngành Hằng năm',
    ].join('\n');
    const [table] = findTextRowTaskTables(page(text), 0);
    expect(grid(table!)).toEqual([
      ['2.3', 'Nghiên cứu đề xuất chính sách khuyến khích, thực đẩy gắn kết viện, trường với doanh nghiệp để đưa kết quả nghiên cứu vào phục vụ sản xuất, kinh doanh.',
        'Sở Khoa học và Công nghệ', 'Các sở, ban, ngành, Ủy ban nhân dân các quận, huyện, thành phố, các đơn vị liên quan', '2025 - 2026'],
      ['2.4', 'Nghiên cứu, đề xuất thành lập khoa tài năng trong các trường đại học, cao đẳng về công nghệ thông tin, tự động hóa nhằm thu hút và đào tạo nguồn nhân lực chất lượng cao, làm chủ công nghệ cho các ngành, lĩnh vực',
        'Sở Giáo dục và Đào tạo', 'Các sở, ban, ngành, Ủy ban nhân dân các quận, huyện, thành phố, các đơn vị liên quan', '2025 - 2026'],
      ['3. Tăng cường đầu tư, hoàn thiện hạ tầng cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia'],
      ['3.1', 'Cân đối ngân sách của thành phố cho khoa học', 'Sở Tài chính', 'Các sở, ban, ngành', 'Hằng năm'],
    ]);
  });

  it('leaves indicator tables to the indicator reader, and the reverse', () => {
    const indicators = ['TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ trì theo dõi, đánh giá', '1 Quy mô kinh tế số % GDP ≥ 40 Sở Tài chính', '2 Tỷ lệ doanh nghiệp số % ≥ 80 Sở Tài chính'].join('\n');
    expect(findTextRowTaskTables(page(indicators), 0)).toEqual([]);
    const tasks = ['STT Nội dung công việc Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện', '1.1 | Rà soát quy định Sở Nội vụ Các sở, ban, ngành 2025', '1.2 | Xây dựng chương trình Sở Tài chính Các sở, ban, ngành Hằng năm'].join('\n');
    expect(findTextRowTables(page(tasks), 0)).toEqual([]);
    expect(grid(findTextRowTaskTables(page(tasks), 0)[0]!)).toEqual([
      ['1.1', 'Rà soát quy định', 'Sở Nội vụ', 'Các sở, ban, ngành', '2025'],
      ['1.2', 'Xây dựng chương trình', 'Sở Tài chính', 'Các sở, ban, ngành', 'Hằng năm'],
    ]);
  });

  it('reads a numbered heading line with dash sub-items under it as a heading row and one unnumbered row per sub-item', () => {
    const text = [
      'STT Nội dung công việc Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện',
      '5.7 | Ứng dụng công nghệ thông minh trong quản lý hạ tầng Sở Xây dựng Các sở, ban, ngành Hằng năm',
      'các đơn vị liên quan',
      '5.8 | Ứng dụng công nghệ thông tin trong quản lý văn hóa:',
      '- Chuyển đổi số trong Bảo tàng Hải Phòng Sở Văn hóa và Các sở, ban, ngành, Ủy ban nhân dân',
      'Thể thao các quận, huyện, thành phố Hằng năm',
      '- Xây dựng bản đồ số quản lý di tích Sở Văn hóa và Các sở, ban, ngành 2025-2026',
      'Thể thao',
    ].join('\n');
    const table = findTextRowTaskTables(page(text), 0)[0]!;
    expect(grid(table)).toEqual([
      ['5.7', 'Ứng dụng công nghệ thông minh trong quản lý hạ tầng', 'Sở Xây dựng', 'Các sở, ban, ngành các đơn vị liên quan', 'Hằng năm'],
      ['5.8', 'Ứng dụng công nghệ thông tin trong quản lý văn hóa:', '', '', ''],
      ['', '- Chuyển đổi số trong Bảo tàng Hải Phòng', 'Sở Văn hóa và Thể thao', 'Các sở, ban, ngành, Ủy ban nhân dân các quận, huyện, thành phố', 'Hằng năm'],
      ['', '- Xây dựng bản đồ số quản lý di tích', 'Sở Văn hóa và Thể thao', 'Các sở, ban, ngành', '2025-2026'],
    ]);
  });
});
