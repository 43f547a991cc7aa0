import { describe, expect, it } from 'vitest';
import type { Line, Page } from '../../../schemas/index.js';
import { readMetadata } from '../../../src/segment/index.js';

/** A line at (x, y), 12 pt, about 6 pt a character. */
const line = (text: string, x: number, y: number, bold = false): Line => ({
  text, box: { x0: x, y0: y, x1: x + text.length * 6, y1: y + 12 }, fontSize: 12, bold, wordStart: 0, wordEnd: 0,
});
const page = (lines: Line[], body: string): Page => ({
  number: 1, width: 595, height: 842, origin: 'text-layer', text: `${lines.map((l) => l.text).join('\n')}\n${body}`, words: [], lines,
  rulings: [], blocks: [], quality: null, repairs: [], originalText: null,
});

describe('readMetadata', () => {
  it('reads a state body header: agency block by weight, number, place and date, type and title', () => {
    const p = page(
      [
        line('ỦY BAN NHÂN DÂN', 110, 50), line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 280, 50, true),
        line('THÀNH PHỐ HẢI PHÒNG', 100, 65), line('Độc lập - Tự do - Hạnh phúc', 300, 65, true),
        line('SỞ KHOA HỌC VÀ CÔNG', 95, 80, true), line('NGHỆ', 150, 95, true),
        line('Số: 44/KH-SKHCN', 110, 120), line('Hải Phòng, ngày 12 tháng 02 năm 2025', 280, 120),
        line('KẾ HOẠCH', 260, 160, true), line('Triển khai thực hiện Chương trình hành động', 150, 176, true),
        line('Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;', 85, 210),
      ],
      'Ủy ban nhân dân thành phố Hải Phòng giao Sở Khoa học và Công nghệ chủ trì.',
    );
    expect(readMetadata([p])).toMatchObject({
      issuerChain: ['Ủy ban nhân dân thành phố Hải Phòng', 'Sở Khoa học và Công nghệ'],
      issuer: 'Sở Khoa học và Công nghệ',
      number: '44/KH-SKHCN',
      date: '2025-02-12',
      place: 'Hải Phòng',
      docType: 'Kế hoạch',
      type: 'Kế hoạch',
      title: 'Triển khai thực hiện Chương trình hành động',
      citations: [{ type: 'Nghị quyết', number: '57-NQ/TW', date: '2024-12-22', issuer: 'Bộ Chính trị' }],
    });
  });

  it('reads a scanned party header through OCR slips: specks before the type, "CÚỦA", marks lost in capitals', () => {
    const p = {
      ...page(
        [
          line('THÀNH ỦY HẢI PHÒNG', 105, 59), line('ĐẢNG CỘNG SẢN VIỆT NAM', 302, 59),
          line('Số -KH/TU', 134, 96), line('Hải Phòng,ngày tháng năm 2025', 275, 96),
          line('.. KẾ HOẠCH HÀNH ĐỘNG', 192, 128), line('CÚỦA BAN THƯỜNG VỤ THANH ỦY', 176, 147),
          line('thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của', 89, 163), line('Bộ Chính trị', 264, 181),
          line('Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ', 113, 246),
        ],
        'Ban Thường vụ Thành ủy xây dựng Kế hoạch hành động.',
      ),
      origin: 'ocr' as const,
    };
    expect(readMetadata([p])).toMatchObject({
      issuer: 'Ban Thường vụ Thành ủy Hải Phòng',
      docType: 'Kế hoạch hành động',
      title: 'thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị',
      place: 'Hải Phòng',
    });
  });

  it('takes no other word for "CỦA" under the type', () => {
    const p = page([line('ỦY BAN NHÂN DÂN', 110, 50), line('Số: 12/KH-UBND', 110, 100), line('KẾ HOẠCH', 260, 160, true), line('MUA SẮM THIẾT BỊ NĂM 2026', 200, 176, true)], 'Ủy ban nhân dân mua sắm thiết bị.');
    expect(readMetadata([p]).title).toBe('MUA SẮM THIẾT BỊ NĂM 2026');
  });

  it('joins a commune\'s two-line name and writes its unit word in lower case', () => {
    const p = page([line('ỦY BAN NHÂN DÂN', 110, 50), line('XÃ CHÍ MINH', 130, 65, true), line('Số: /KH-UBND', 110, 100), line('Chí Minh, ngày tháng năm 2026', 280, 100)], 'Ủy ban nhân dân Xã Chí Minh xây dựng Kế hoạch.');
    expect(readMetadata([p])).toMatchObject({ issuerChain: ['Ủy ban nhân dân xã Chí Minh'], number: '/KH-UBND', date: null, place: 'Chí Minh' });
  });

  it('without font weights (OCR), starts an agency at a line that names an organ', () => {
    const p = { ...page([line('ỦY BAN NHÂN DÂN', 110, 50), line('THÀNH PHỐ HẢI PHÒNG', 100, 65), line('BAN QUẢN LÝ KHU', 115, 80), line('KINH TẾ HẢI PHÒNG', 108, 95), line('Số: /KH-BQL', 110, 120), line('KẾ HOẠCH', 260, 160), line('Thực hiện Nghị quyết số 57-NQ/TW năm 2026', 90, 176)], 'Ban Quản lý Khu kinh tế Hải Phòng (Ban Quản lý) xây dựng Kế hoạch; Ủy ban nhân dân thành phố Hải Phòng.'), origin: 'ocr' as const };
    expect(readMetadata([p])).toMatchObject({
      issuerChain: ['Ủy ban nhân dân thành phố Hải Phòng', 'Ban Quản lý Khu kinh tế Hải Phòng'],
      title: 'Thực hiện Nghị quyết số 57-NQ/TW năm 2026',
    });
  });

  it('reads a number and a date whose blanks split them into pieces on one row', () => {
    const p = page([line('ỦY BAN NHÂN DÂN', 110, 50), line('Số', 129, 100), line('/KH-BQL', 174, 100), line('Hải Phòng, ngày', 276, 100), line('tháng', 411, 100), line('năm 2026', 470, 100), line('KẾ HOẠCH', 260, 140)], '');
    expect(readMetadata([p])).toMatchObject({ number: '/KH-BQL', place: 'Hải Phòng', date: null });
  });

  it('takes the author line of a party document as the issuer, within its committee', () => {
    const p = page(
      [line('THÀNH ỦY HẢI PHÒNG', 100, 50, true), line('ĐẢNG CỘNG SẢN VIỆT NAM', 300, 50, true), line('*', 170, 65, true), line('Số      -KH/TU', 130, 90), line('KẾ HOẠCH HÀNH ĐỘNG', 220, 130, true), line('CỦA BAN THƯỜNG VỤ THÀNH ỦY', 180, 146, true), line('thực hiện Nghị quyết số 57-NQ/TW', 150, 162, true)],
      'Ban Thường vụ Thành ủy xây dựng Kế hoạch hành động. Thành ủy Hải Phòng.',
    );
    expect(readMetadata([p])).toMatchObject({ issuer: 'Ban Thường vụ Thành ủy Hải Phòng', issuerChain: ['Thành ủy Hải Phòng'], number: '-KH/TU', docType: 'Kế hoạch hành động', title: 'thực hiện Nghị quyết số 57-NQ/TW' });
  });

  it('finds the issuer in the body when the header block was lost, unit words in lower case', () => {
    const p = page([line('Số: /KH-UBND', 110, 100)], 'Thực hiện Kế hoạch số 350/KH-UBND. Ủy ban nhân dân Xã Chí Minh xây dựng Kế hoạch triển khai như sau.');
    expect(readMetadata([p]).issuer).toBe('Ủy ban nhân dân xã Chí Minh');
  });

  it('completes an issuer named without its place from the body naming it in full, twice or more', () => {
    const title = [line('KẾ HOẠCH HÀNH ĐỘNG', 220, 50, true), line('CỦA BAN THƯỜNG VỤ THÀNH ỦY', 180, 66, true), line('thực hiện Nghị quyết số 57-NQ/TW', 150, 82, true)];
    const named = (times: number): string => Array.from({ length: times }, () => 'Căn cứ Chương trình số 89-CTr/TU của Ban Thường vụ Thành ủy Hải\nPhòng.').join('\n');
    expect(readMetadata([page(title, named(2))])).toMatchObject({ issuer: 'Ban Thường vụ Thành ủy Hải Phòng', place: 'Hải Phòng' });
    // once is not enough, and an issuer that names its place is left as it is
    expect(readMetadata([page(title, named(1))])).toMatchObject({ issuer: 'Ban Thường vụ Thành ủy', place: null });
  });

  it('reads no title from specks beside the heading nor from the salutation under it (a "phiếu trình" prints none)', () => {
    const header = [
      line('VĂN PHÒNG', 70, 80), line('Số: 09-01/26/PT-PNC', 50, 100),
      line('PHIẾU TRÌNH', 227, 121), line('|', 388, 121), line('_~ —', 437, 121),
    ];
    // as an OCR reads a scan: no font weights to end the title
    const scan = (lines: Line[]): Page => ({ ...page(lines, ''), origin: 'ocr' });
    expect(readMetadata([scan([...header, line('Kính gửi:', 146, 136), line('- Lãnh đạo UBND tỉnh;', 210, 151)])]).title).toBeNull();
    // a text input: the salutation right under the type, ending in a full stop
    const text: Page = { ...page([], ''), lines: ['VĂN PHÒNG', 'Số: 10-01/26/PT-NC', 'PHIẾU TRÌNH', 'Kính gửi:\t- Lãnh đạo UBND tỉnh.'].map((t) => ({ text: t, box: null, fontSize: null, bold: false, wordStart: 0, wordEnd: 0 })) };
    expect(readMetadata([text])).toMatchObject({ type: 'Phiếu trình', title: null });
    // a rule under the title still ends it, with no letters either
    expect(readMetadata([scan([...header, line('Đề án Đại hội', 150, 136), line('_________', 200, 150), line('VĂN PHÒNG UBND TỈNH điện:', 150, 164)])]).title).toBe('Đề án Đại hội');
    // a title's line of figures is part of it
    expect(readMetadata([scan([...header, line('Kế hoạch giai đoạn', 150, 136), line('2026-2030', 200, 150), line('Kính gửi:', 146, 164)])]).title).toBe('Kế hoạch giai đoạn 2026-2030');
    // a title after the specks is still read
    expect(readMetadata([scan([...header, line('Đề án Đại hội Hội Công chứng viên', 150, 136), line('Kính gửi:', 146, 150)])]).title).toBe('Đề án Đại hội Hội Công chứng viên');
  });
});
