import { describe, expect, it } from 'vitest';
import type { Table } from '../../../schemas/index.js';
import { IssueLog } from '../../../src/core/index.js';
import { tableKind, typeColumns } from '../../../src/layout/tables/table-columns.js';
import { columnRole, matchColumnHeader } from '../../../src/lexicon/index.js';

describe('matchColumnHeader', () => {
  it.each([
    // an OCR that lost a mark, or garbled a letter, still names the column
    ['Chi tiêu', 'name'],
    ['Chỉ tiều', 'name'],
    ['Cơ quan chu tri', 'lead'],
    ['Co quan chu trj', 'lead'],
    // what real plans print
    ['Trách nhiệm thực hiện', 'lead'],
    ['Đơn vị thực hiện', 'lead'],
    ['Cơ quan thực hiện', 'lead'],
    ['Chủ trì', 'lead'],
    ['Tiêu chí', 'name'],
    ['Chỉ tiêu thống kê (tính đến 31/12)', 'name'],
    ['Nội dung', 'task'],
    ['Thời hạn', 'timeline'],
    ['Tiến độ', 'timeline'],
    ['Kết quả/sản phẩm', 'output'],
    ['Điểm số', 'value'],
    ['Nội dung góp ý', 'comment'],
    ['Chỉ tiêu cần đạt', 'target'],
  ])('%s → %s', (header, role) => expect(columnRole(header)).toBe(role));

  it('says how it matched: exactly, or fuzzily with how well', () => {
    expect(matchColumnHeader('Cơ quan chủ trì')).toMatchObject({ role: 'lead', confidence: 1 });
    const fuzzy = matchColumnHeader('Co quan chu trj')!;
    expect(fuzzy.role).toBe('lead');
    expect(fuzzy.confidence).toBeLessThan(1);
    expect(fuzzy.confidence).toBeGreaterThanOrEqual(0.8);
    expect(matchColumnHeader('Kinh phí')).toBeNull();
  });
});

/** A one-page table from rows of cell texts; the first `headers` rows are header rows; cells with text null are covered by the one to their left. */
function table(rows: (string | null)[][], headers = 1): Table {
  const cells = rows.flatMap((r, i) =>
    r.flatMap((text, col) => {
      if (text === null) return [];
      let span = 1;
      while (r[col + span] === null) span++;
      return [{ row: i, col, rowSpan: 1, colSpan: span, text, page: 1, box: null }];
    }),
  );
  return {
    id: 't1', caption: null, pages: [1], columnCount: rows[0]!.length, detection: 'ruling-lines', confidence: 0.97,
    rows: rows.map((_, i) => ({ index: i, kind: i < headers ? 'header' : 'body', page: 1 })), cells, columns: [], kind: 'other', kindEvidence: '',
  };
}

describe('typeColumns and tableKind', () => {
  it('keeps grouped headers as paths and types a score table as scores, not tasks', () => {
    const t = table(
      [
        ['TT', 'Tên đơn vị', 'Lâm Đồng', null, 'Bình Thuận', null],
        ['', '', 'Điểm số', 'Xếp hạng', 'Điểm số', 'Xếp hạng'],
        ['1', 'Sở Tài chính', '85,5', '3', '80,1', '7'],
        ['2', 'Sở Nội vụ', '90,2', '1', '88,0', '2'],
      ],
      2,
    );
    const columns = typeColumns(t, new IssueLog().forStage('layout'));
    expect(columns.map((c) => c.header)).toEqual(['TT', 'Tên đơn vị', 'Lâm Đồng / Điểm số', 'Lâm Đồng / Xếp hạng', 'Bình Thuận / Điểm số', 'Bình Thuận / Xếp hạng']);
    // the units scored are agencies (read from the cells); still no task: a score table gives no assignments
    expect(columns.map((c) => c.role)).toEqual(['code', 'lead', 'value', 'value', 'value', 'value']);
    expect(tableKind(columns).kind).toBe('scores');
  });

  it('reads an indicator table whose "Chỉ tiêu" header an OCR read without its mark', () => {
    const t = table([
      ['TT', 'Chi tiêu', 'Đơn vị tính', 'Năm 2030'],
      ['1', 'Tỷ lệ hộ gia đình có cáp quang', '%', '≥ 90'],
      ['2', 'Số doanh nghiệp số', 'Doanh nghiệp', '500'],
    ]);
    const columns = typeColumns(t, new IssueLog().forStage('layout'));
    expect(columns.map((c) => c.role)).toEqual(['code', 'name', 'unit', 'year']);
    expect(columns[3]!.year).toBe(2030);
    expect(tableKind(columns).kind).toBe('indicators');
  });

  it('gives a column whose header could not be read its role from its cells, and says so', () => {
    const log = new IssueLog();
    const t = table([
      ['4 HH', 'Nội dung công việc', 'Cơ quan chủ trì', 'cu'],
      ['1', 'Xây dựng cơ sở dữ liệu', 'Sở Tài chính', 'Quý III/2026'],
      ['2', 'Tổ chức tập huấn', 'Sở Nội vụ', 'Hằng năm'],
      ['3', 'Đánh giá kết quả', 'Sở Y tế', '2027'],
    ]);
    const columns = typeColumns(t, log.forStage('layout'));
    expect(columns.map((c) => [c.role, c.source])).toEqual([['code', 'content'], ['task', 'header'], ['lead', 'header'], ['timeline', 'content']]);
    expect(columns[3]!.evidence).toMatch(/3 of 3 cells are timelines/);
    expect(log.all().filter((i) => i.code === 'column-role-from-content')).toHaveLength(2);
    expect(tableKind(columns).kind).toBe('tasks');
  });

  it('reads an "Đơn vị" column of agency names as the bodies scored, not a unit of measure', () => {
    const t = table([
      ['Thứ hạng', 'Đơn vị', 'Điểm chuẩn tối đa', 'Điểm đạt được', 'Chỉ số chung'],
      ['1', 'Sở Tư pháp', '100', '92,5', '92,5'],
      ['2', 'Sở Nội vụ', '100', '90,1', '90,1'],
      ['3', 'Văn phòng Ủy ban nhân dân tỉnh', '100', '88,0', '88,0'],
    ]);
    const columns = typeColumns(t, new IssueLog().forStage('layout'));
    expect(columns.map((c) => c.role)).toEqual(['value', 'lead', 'value', 'value', 'value']);
    expect(columns[1]!.evidence).toMatch(/3 of 3 cells are agency names/);
    expect(tableKind(columns).kind).toBe('scores');
  });

  it('reads the "Chỉ tiêu" columns of a criteria table as the targets of its criteria', () => {
    const t = table([
      ['TT', 'Tên tiêu chí', 'Nội dung tiêu chí', 'Chỉ tiêu chung'],
      ['1', 'Quy hoạch', 'Có quy hoạch chung xây dựng xã', 'Đạt'],
      ['2', 'Giao thông', 'Tỷ lệ km đường xã được nhựa hóa', '100%'],
    ]);
    const columns = typeColumns(t, new IssueLog().forStage('layout'));
    expect(columns.map((c) => c.role)).toEqual(['code', 'name', 'name', 'target']);
    expect(tableKind(columns).kind).toBe('criteria');
  });
});
