import { describe, expect, it } from 'vitest';
import type { Table } from '../../../schemas/index.js';
import { IssueLog } from '../../../src/core/index.js';
import { tableKind, typeColumns } from '../../../src/layout/tables/table-columns.js';
import { recordsFromTable } from '../../../src/records/table-records.js';

/** A one-page table from rows of cell texts; the first `headers` rows are header rows. */
function table(rows: string[][], headers = 1): Table {
  const raw: Table = {
    id: 't1', caption: null, pages: [1], columnCount: rows[0]!.length, detection: 'ruling-lines', confidence: 0.9,
    rows: rows.map((_, i) => ({ index: i, kind: i < headers ? 'header' : 'body', page: 1 })),
    cells: rows.flatMap((r, i) => r.map((text, col) => ({ row: i, col, rowSpan: 1, colSpan: 1, text, page: 1, box: null }))),
    columns: [], kind: 'other', kindEvidence: '',
  };
  // layout types the columns and the kind; records reads them
  const columns = typeColumns(raw, new IssueLog().forStage('layout'));
  return { ...raw, columns, kind: tableKind(columns).kind };
}

describe('records from a table', () => {
  it('reads a row number with a stray mark an OCR read beside it', () => {
    const t = table([
      ['Stt', 'Tên nhiệm vụ', 'Tiến độ thực hiện'],
      ['1 |', 'Kiện toàn Ban Chỉ đạo', 'Thường xuyên'],
      ['2 ñ', 'Mời các chuyên gia', 'Hằng năm'],
    ]);
    expect(recordsFromTable(t, new IssueLog().forStage('records')).assignments.map((a) => a.code)).toEqual(['1', '2']);
  });

  it('codes dash sub-items with their own agency or timeline under the numbered row above them (5.8.a, 5.8.b)', () => {
    const t = table([
      ['STT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Thời gian thực hiện'],
      ['5.8', 'Ứng dụng công nghệ thông tin trong quản lý văn hóa:', '', ''],
      ['', '- Chuyển đổi số trong Bảo tàng Hải Phòng', 'Sở Văn hóa và Thể thao', 'Hằng năm'],
      ['', '– Xây dựng bản đồ số quản lý di tích', 'Sở Văn hóa và Thể thao', '2025-2026'],
      ['5.9', 'Xây dựng phần mềm quản lý lao động', 'Sở Nội vụ', '2025'],
      ['', 'ghi chú không có gạch đầu dòng', '', ''],
    ]);
    const { assignments } = recordsFromTable(t, new IssueLog().forStage('records'));
    expect(assignments.map((a) => [a.code, a.task, a.parent])).toEqual([
      ['5.8.a', 'Chuyển đổi số trong Bảo tàng Hải Phòng', 'Ứng dụng công nghệ thông tin trong quản lý văn hóa:'],
      ['5.8.b', 'Xây dựng bản đồ số quản lý di tích', 'Ứng dụng công nghệ thông tin trong quản lý văn hóa:'],
      ['5.9', 'Xây dựng phần mềm quản lý lao động', null],
    ]);
  });

  it('gives targets the year of their period row, and rows the name of the heading row they sit under', () => {
    const t = table([
      ['TT', 'Chỉ tiêu', 'Đơn vị', 'Kết quả', 'Cơ quan chủ trì'],
      ['I', 'Đến năm 2030', '', '', ''],
      ['11', 'Chỉ tiêu về dịch vụ công', '', '', ''],
      ['11.1', 'Tỷ lệ hồ sơ trực tuyến', '%', '≥ 80', 'Sở Tư pháp'],
      ['12', 'Hạ tầng số', '', 'Hiện đại', 'Sở Xây dựng'],
      ['12.1', 'Phủ sóng 5G', '%', '100', 'Sở Xây dựng'],
    ]);
    t.rows[1]!.kind = 'section';
    t.cells = t.cells.filter((c) => c.row !== 1 || c.col === 0).map((c) => (c.row === 1 ? { ...c, text: 'I Đến năm 2030', colSpan: 5 } : c));
    const { indicators } = recordsFromTable(t, new IssueLog().forStage('records'));
    // row 11 names the rows under it and is no record of its own; row 12 is both
    expect(indicators.map((r) => [r.code, r.parent, r.period])).toEqual([
      ['11.1', 'Chỉ tiêu về dịch vụ công', 'Đến năm 2030'],
      ['12', null, 'Đến năm 2030'],
      ['12.1', 'Hạ tầng số', 'Đến năm 2030'],
    ]);
    expect(indicators[0]?.targets.map((x) => [x.year, x.raw, x.comparator])).toEqual([[2030, '≥ 80', '>=']]);
  });

  it('reads the columns of a header OCR garbled from what the body cells hold', () => {
    const t = table([
      ['4 HH', 'Nội dung', 'Đơn vị chủ trì', 'cu'],
      ['1.1', 'Xây dựng cơ sở dữ liệu', 'Văn phòng', 'Quý III/2026'],
      ['1.2', 'Tổ chức tập huấn', 'Phòng Quản lý đầu tư', 'Thường xuyên'],
      ['1.3', 'Số hóa hồ sơ', 'Văn phòng', 'Hằng năm'],
    ]);
    const { assignments } = recordsFromTable(t, new IssueLog().forStage('records'));
    expect(assignments.map((a) => [a.code, a.timeline?.kind])).toEqual([['1.1', 'quarter'], ['1.2', 'ongoing'], ['1.3', 'annual']]);
    expect(assignments[0]?.extra).toEqual({});
  });

  it('carries a sequence of year columns over the headers OCR garbled', () => {
    const t = table([
      ['Stt', 'Chỉ tiêu', 'Năm', 'E5 20252030', 'NHI 2035', 'NHI 2040', 'Ghi chú'],
      ['1', 'Tỷ lệ hồ sơ trực tuyến', '≥60%', '100%', '100%', '100%', ''],
    ]);
    const [indicator] = recordsFromTable(t, new IssueLog().forStage('records')).indicators;
    expect(indicator?.targets.map((x) => [x.year, x.raw])).toEqual([[2025, '≥60%'], [2030, '100%'], [2035, '100%'], [2040, '100%']]);
  });

  it('carries the sequence over a garbled year header between two read ones', () => {
    const t = table([
      ['Stt', 'Chỉ tiêu', 'Năm 2025', 'E 5 2030', 'NHI 2035', 'IENIEET 2040', 'Ghi chú'],
      ['1', 'Tỷ lệ hồ sơ trực tuyến', '≥ 60%', '≥ 70%', '100%', '100%', ''],
    ]);
    const [indicator] = recordsFromTable(t, new IssueLog().forStage('records')).indicators;
    expect(indicator?.targets.map((x) => [x.year, x.raw])).toEqual([[2025, '≥ 60%'], [2030, '≥ 70%'], [2035, '100%'], [2040, '100%']]);
  });

  it('does not take a figures column for the row numbers', () => {
    const t = table([
      ['x', 'Chỉ tiêu', 'Đơn vị tính', '2030'],
      ['', 'Tỷ lệ hồ sơ trực tuyến', '%', '80'],
      ['', 'Số doanh nghiệp', 'doanh nghiệp', '150'],
    ]);
    const issues = new IssueLog();
    expect(recordsFromTable(t, issues.forStage('records')).indicators).toEqual([]);
    expect(issues.all().map((i) => i.code)).toContain('row-without-code');
  });
});
