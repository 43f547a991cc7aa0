import { describe, expect, it } from 'vitest';
import type { Page } from '../../../schemas/index.js';
import { IssueLog } from '../../../src/core/index.js';
import { layoutPages } from '../../../src/layout/index.js';
import { spannedHeader } from '../../../src/layout/tables/delimited/delimited-table.js';
import { headerPathByColumn } from '../../../src/layout/tables/table-header.js';

const textPage = (lines: string[]): Page => ({
  number: 1, width: null, height: null, origin: 'text-layer', text: lines.join('\n'), words: [],
  lines: lines.map((text) => ({ text, box: null, fontSize: null, bold: false, wordStart: 0, wordEnd: 0 })),
  rulings: [], blocks: [], quality: null, repairs: [], originalText: null,
});

describe('TAB-delimited tables in text inputs', () => {
  it('reads the rows as a table and keeps them out of the paragraphs (so out of the outline)', async () => {
    const page = textPage(['III. TỔ CHỨC THỰC HIỆN', 'PHỤ LỤC', 'TT\tNội dung\tĐơn vị chủ trì', '1.1\tTổ chức tập huấn\tVăn phòng', '1.2\tSố hóa hồ sơ\tPhòng Quản lý']);
    const { tables, pages } = await layoutPages({ pages: [page], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('layout'));
    expect(tables).toHaveLength(1);
    expect(tables[0]?.rows.filter((r) => r.kind === 'body')).toHaveLength(2);
    expect(pages[0]?.blocks.map((b) => b.text)).toEqual(['III. TỔ CHỨC THỰC HIỆN', 'PHỤ LỤC']);
  });

  it('does not take TAB-indented lines under a single label (a digital signature stamp) for a table', async () => {
    const page = textPage(['\t\tnguoiky@haiphong.gov.vn', '\t2025-08-26T10:19:03+0700', '\tEMAILADDRESS=nguoiky@haiphong.gov.vn, CN=Nguyễn Văn A, C=VN']);
    const { tables } = await layoutPages({ pages: [page], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('layout'));
    expect(tables).toEqual([]);
  });

  it('reads a header cell written once over the columns it spans as a grouped header ("Kết quả / Thống nhất")', async () => {
    const page = textPage([
      'STT\tĐơn vị\tKết quả\tGhi chú',
      '\t\tĐạt\tChưa đạt\t',
      '1\tSở Nội vụ\tx\t\t',
      '2\tSở Tư pháp\t\tx\tBổ sung sau',
    ]);
    const { tables } = await layoutPages({ pages: [page], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('layout'));
    expect(tables).toHaveLength(1);
    expect(headerPathByColumn(tables[0]!).map((p) => p.join(' / '))).toEqual(['STT', 'Đơn vị', 'Kết quả / Đạt', 'Kết quả / Chưa đạt', 'Ghi chú']);
    expect(tables[0]!.rows.filter((r) => r.kind === 'body')).toHaveLength(2);
  });

  it('keeps a row under the header that numbers an item, or whose width does not fit a span, as a body row', () => {
    expect(spannedHeader(['STT', 'Đơn vị', 'Kết quả', 'Ghi chú'], ['', '', 'Đạt', 'Chưa đạt', ''], 5)).toEqual({ at: 2, span: 2 });
    expect(spannedHeader(['STT', 'Nội dung', 'Đơn vị'], ['1', 'Tập huấn', 'Văn phòng'], 3)).toBeNull();
    // the same cells as above, but the header is as wide as the rows: a body row continued, not a sub-header
    expect(spannedHeader(['STT', 'Đơn vị', 'Kết quả', 'Đạt', 'Ghi chú'], ['', '', 'Đạt', 'Chưa đạt', ''], 5)).toBeNull();
  });

  it("does not take a form's approval boxes (title and date over a printed name) for a table, but keeps a list of names", async () => {
    const boxes = textPage([
      'PHÒNG XỬ LÝ CHÍNH: TỔNG HỢP\tLÃNH ĐẠO VĂN PHÒNG / ........ / Ngày tháng 3 năm 2026 / Trần Minh Khoa',
      'Chuyên viên / Ngày 02 tháng 3 năm 2026 / Lê Thị Hoa\tLãnh đạo phòng / Ngày 02 tháng 3 năm 2026 / Phạm Văn Bình',
    ]);
    expect((await layoutPages({ pages: [boxes], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('layout'))).tables).toEqual([]);
    const members = textPage(['STT\tHọ và tên\tChức vụ', '1\tTrần Minh Khoa\tChánh Văn phòng', '2\tLê Thị Hoa\tChuyên viên']);
    expect((await layoutPages({ pages: [members], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('layout'))).tables).toHaveLength(1);
  });

  it('does not take a letterhead or a closing block laid out in a borderless Word table for a table of data', async () => {
    const page = textPage([
      'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'XÃ AN BÌNH\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 12/KH-UBND\tAn Bình, ngày 3 tháng 2 năm 2026',
      'KẾ HOẠCH',
      'Nơi nhận: / - Như trên; / - Lưu: VT.\tTM. ỦY BAN NHÂN DÂN / CHỦ TỊCH',
      '\tNguyễn Văn B',
      'PHỤ LỤC',
      'TT\tNội dung\tĐơn vị chủ trì',
      '1\tTổ chức tập huấn\tVăn phòng',
    ]);
    const { tables } = await layoutPages({ pages: [page], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('layout'));
    expect(tables).toHaveLength(1);
    expect(tables[0]?.cells.find((c) => c.row === 0 && c.col === 1)?.text).toBe('Nội dung');
  });

  it('reads a Markdown pipe table under its header rule, a "\\|" inside a cell kept, and not lines that merely sit between "|" marks', async () => {
    const page = textPage(['PHỤ LỤC', '| TT | Nội dung | Đơn vị chủ trì |', '| --- | :--- | --- |', '| 1.1 | Tổ chức tập huấn A\\|B | Văn phòng |', '| 1.2 | Số hóa hồ sơ | Phòng Quản lý |', 'Nơi nhận:']);
    const { tables, pages } = await layoutPages({ pages: [page], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('layout'));
    expect(tables).toHaveLength(1);
    expect(tables[0]?.cells.filter((c) => c.row === 1).map((c) => c.text)).toEqual(['1.1', 'Tổ chức tập huấn A|B', 'Văn phòng']);
    expect(pages[0]?.blocks.map((b) => b.text)).toEqual(['PHỤ LỤC', 'Nơi nhận:']);
    const ocr = textPage(['|Tỷ lệ hồ sơ trực tuyến % 80 Sở Tư pháp|', '|Tỷ lệ thanh toán trực tuyến % 70 Sở Tài chính|']);
    expect((await layoutPages({ pages: [ocr], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('layout'))).tables).toEqual([]);
  });

  it('keeps a table whole across a merged cell the conversion gave a line of its own, and stops at a caption or a paragraph', async () => {
    const lines = [
      'TT\tTên tiêu chí\tNội dung tiêu chí\tChỉ tiêu',
      '6\tDi sản văn hóa\t6.1. Tỷ lệ di tích được kiểm kê\t100%',
      '6.2. Tỷ lệ di tích cấp quốc gia trở lên được tu bổ',
      '6.2.1. Tỷ lệ di tích cấp quốc gia đặc biệt\t95%',
      '6.2.2. Tỷ lệ di tích cấp quốc gia\t70%',
    ];
    const whole = await layoutPages({ pages: [textPage(lines)], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('layout'));
    expect(whole.tables).toHaveLength(1);
    expect(whole.tables[0]?.rows.filter((r) => r.kind !== 'header').length).toBe(4);
    // a caption before the next table's header parts the two
    const two = await layoutPages({ pages: [textPage([...lines.slice(0, 2), 'Bảng 2. Chỉ tiêu cấp tỉnh', 'TT\tTên tiêu chí\tChỉ tiêu', '1\tVăn hóa\t90%'])], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('layout'));
    expect(two.tables).toHaveLength(2);
    // so does a paragraph followed by a header row (no row number)
    const para = await layoutPages({ pages: [textPage([...lines.slice(0, 2), 'Các tiêu chí sau đây áp dụng cho cấp tỉnh', 'Nhóm\tTên tiêu chí\tChỉ tiêu', '1\tVăn hóa\t90%'])], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('layout'));
    expect(para.tables).toHaveLength(2);
  });
});
