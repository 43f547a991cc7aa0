import { describe, expect, it } from 'vitest';
import type { Page } from '../../../schemas/index.js';
import { readMetadata } from '../../../src/segment/index.js';

/** A text input's page: one line per paragraph, no positions (a Word text). */
const textPage = (lines: string[]): Page => ({
  number: 1, width: null, height: null, origin: 'text-layer', text: lines.join('\n'), words: [],
  lines: lines.map((text) => ({ text, box: null, fontSize: null, bold: false, wordStart: 0, wordEnd: 0 })),
  rulings: [], blocks: [], quality: null, repairs: [], originalText: null,
});

describe('metadata of papers, lists and forms without the usual header', () => {
  it('reads a conference paper: its type, the title lines, and the author named under them as the issuer', () => {
    const m = readMetadata([
      textPage(['THAM LUẬN', 'Một số giải pháp nâng cao chất lượng', 'đào tạo nghề cho lao động nông thôn', 'Sở Giáo dục và Đào tạo', '', 'Kính thưa các đồng chí lãnh đạo;', 'Thay mặt Sở, tôi xin trình bày …']),
    ]);
    expect(m).toMatchObject({ type: 'Tham luận', title: 'Một số giải pháp nâng cao chất lượng đào tạo nghề cho lao động nông thôn', issuer: 'Sở Giáo dục và Đào tạo', issuerChain: ['Sở Giáo dục và Đào tạo'] });
  });

  it('keeps a title line that only starts like an agency when a letterhead names the issuer', () => {
    const m = readMetadata([
      textPage(['ỦY BAN NHÂN DÂN / XÃ AN BÌNH / Số: 12/TL-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc', 'THAM LUẬN', 'Kết quả năm 2025 của', 'Sở Giáo dục và Đào tạo', '', 'Kính thưa hội nghị']),
    ]);
    expect(m.issuer?.toLowerCase()).toBe('ủy ban nhân dân xã an bình');
    expect(m.title).toBe('Kết quả năm 2025 của Sở Giáo dục và Đào tạo');
  });

  it('takes no line in capitals under a title for its author: that is the authority that decides', () => {
    const m = readMetadata([textPage(['QUYẾT ĐỊNH', 'Thành lập Tổ công tác', 'ỦY BAN NHÂN DÂN XÃ AN BÌNH', 'Căn cứ Luật Tổ chức chính quyền địa phương;'])]);
    expect(m.issuer).toBeNull();
    expect(m.title).toBe('Thành lập Tổ công tác');
  });

  it('ends a list\'s title at its table: the TAB-separated header row is no title line', () => {
    const m = readMetadata([textPage(['DANH SÁCH', 'Đại biểu dự hội nghị tổng kết', 'năm 2025', '', 'STT\tHọ và tên\tĐơn vị', '1\tNguyễn Văn A\tSở Nội vụ'])]);
    expect(m).toMatchObject({ type: 'Danh sách', title: 'Đại biểu dự hội nghị tổng kết năm 2025', issuer: null });
  });

  it("takes a routing slip's signer from the issuing office's box, not from the superiors' boxes after it", () => {
    const m = readMetadata([
      textPage([
        'UBND TỈNH AN GIANG / VĂN PHÒNG / Số: 05/PT-TH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc',
        'PHIẾU TRÌNH',
        'Kính gửi:\t- Lãnh đạo UBND tỉnh.',
        'I. NỘI DUNG TRÌNH / Chuyên viên kính trình xem xét.',
        'PHÒNG XỬ LÝ CHÍNH: TỔNG HỢP\tLÃNH ĐẠO VĂN PHÒNG / ........ / Ngày tháng 3 năm 2026 / Trần Minh Khoa',
        'Chuyên viên / Ngày 02 tháng 3 năm 2026 / Lê Thị Hoa\tLãnh đạo phòng / Ngày 02 tháng 3 năm 2026 / Phạm Văn Bình',
        'PHÓ CHỦ TỊCH UBND TỈNH PHỤ TRÁCH / ........ / Ngày tháng 3 năm 2026 / Võ Văn Tâm\tKÍNH TRÌNH CHỦ TỊCH UBND TỈNH / Ngày tháng 3 năm 2026 / Đặng Quốc Hùng',
      ]),
    ]);
    expect(m.issuer).toBe('Văn phòng');
    expect(m.signer).toEqual({ title: 'LÃNH ĐẠO VĂN PHÒNG', name: 'Trần Minh Khoa' });
  });

  it("reads the name under the issuing office's box when an OCR read the boxes' names one by one across the row", () => {
    // a scanned slip: each box's title, date and name are lines of their own, the row's names read left to right
    const at = (text: string, x: number, y: number): Page['lines'][number] => ({ text, box: { x0: x, y0: y, x1: x + text.length * 5, y1: y + 10 }, fontSize: 10, bold: false, wordStart: 0, wordEnd: 0 });
    const slip: Page = {
      ...textPage([]),
      origin: 'ocr',
      lines: [
        at('UBND TỈNH AN GIANG', 60, 40), at('VĂN PHÒNG', 80, 52), at('Số: 05/PT-TH', 70, 64), at('PHIẾU TRÌNH', 250, 90),
        at('Chuyên viên kính trình Chủ tịch UBND tỉnh xem xét.', 30, 200),
        at('PHÒNG XỬ LÝ CHÍNH: TỔNG HỢP', 70, 320), at('LÃNH ĐẠO VĂN PHÒNG ‹', 390, 320),
        at('Chuyên viên', 70, 338), at('Lãnh đạo phòng', 220, 338),
        at('Ngày 02 tháng 3 năm 2026 Ngày 02 tháng 3 năm 2026', 27, 352), at('Ngày 03 tháng 3 năm 2026', 394, 394),
        at('Lê Thị Hoa', 55, 476), at('Phạm Văn Bình', 217, 470), at('Trần Minh Khoa', 419, 476),
        at('PHÓ CHỦ TỊCH UBND TỈNH', 78, 492), at('CHỦ TỊCH UBND TỈNH', 376, 492),
        at('Võ Văn Tâm', 131, 619), at('Đặng Quốc Hùng', 412, 619),
      ],
    };
    const m = readMetadata([slip]);
    expect(m.issuer).toBe('Văn phòng');
    expect(m.signer).toEqual({ title: 'LÃNH ĐẠO VĂN PHÒNG', name: 'Trần Minh Khoa' });
  });

  it('still takes the last titled signer when no box names the issuer', () => {
    const m = readMetadata([
      textPage([
        'ỦY BAN NHÂN DÂN / XÃ AN BÌNH / Số: 12/TB-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc',
        'THÔNG BÁO',
        'Lịch tiếp công dân',
        'Nơi nhận: / - Như trên; / - Lưu: VT.\tCHỦ TỊCH / Nguyễn Văn B',
      ]),
    ]);
    expect(m.signer).toEqual({ title: 'CHỦ TỊCH', name: 'Nguyễn Văn B' });
  });
});
