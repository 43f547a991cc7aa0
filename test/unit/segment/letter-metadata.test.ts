import { describe, expect, it } from 'vitest';
import type { Line, Page } from '../../../schemas/index.js';
import { readMetadata } from '../../../src/segment/index.js';
import { nameAtEnd, readRecipients, readSigner } from '../../../src/segment/closing-fields.js';
import { properCase } from '../../../src/segment/proper-case.js';

const line = (text: string, x: number, y: number, bold = false): Line => ({
  text, box: { x0: x, y0: y, x1: x + text.length * 6, y1: y + 12 }, fontSize: 12, bold, wordStart: 0, wordEnd: 0,
});
const page = (lines: Line[]): Page => ({
  number: 1, width: 595, height: 842, origin: 'text-layer', text: lines.map((l) => l.text).join('\n'), words: [], lines,
  rulings: [], blocks: [], quality: null, repairs: [], originalText: null,
});
/** A text input: lines without positions. */
const textPage = (text: string): Page => ({
  ...page([]), origin: 'text-layer', text,
  lines: text.split('\n').map((t) => ({ text: t, box: null, fontSize: null, bold: false, wordStart: 0, wordEnd: 0 })),
});

describe('a letter (công văn)', () => {
  // the column layout of a text layer: the two columns of a row may be read as separate lines, interleaved
  const letter = page([
    line('UBND TỈNH LÂM ĐỒNG', 80, 50), line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 280, 50, true),
    line('SỞ NỘI VỤ', 100, 65, true), line('Độc lập - Tự do - Hạnh phúc', 300, 65, true),
    line('Số: 2926/SNV-TCBC', 80, 90), line('Lâm Đồng, ngày 15 tháng 11 năm 2025', 300, 90),
    line('V/v báo cáo, xin ý kiến cho phép', 60, 105), line('sử dụng Điều lệ hội đã phê duyệt', 62, 118),
    line('Kính gửi: Chủ tịch UBND tỉnh Lâm Đồng', 180, 150),
    line('Sở Nội vụ kính báo cáo Chủ tịch UBND tỉnh xem xét.', 80, 300),
    line('Nơi nhận:', 60, 340), line('KT. GIÁM ĐỐC', 360, 340, true),
    line('- Như trên;', 60, 352), line('PHÓ GIÁM ĐỐC', 360, 352, true),
    line('- Giám đốc Sở (để b/c);', 60, 364),
    line('- Lưu: VT, TCBC.', 60, 376),
    line('Nguyễn Đức Vũ', 370, 420, true),
  ]);

  it('is a công văn by its "V/v" line, whose wrapped lines make the subject', () => {
    const m = readMetadata([letter]);
    expect(m).toMatchObject({ type: 'Công văn', number: '2926/SNV-TCBC', date: '2025-11-15', issuer: 'Sở Nội vụ', title: null });
    expect(m.subject).toBe('báo cáo, xin ý kiến cho phép sử dụng Điều lệ hội đã phê duyệt');
  });

  it('has a signer (authority lines and printed name) and recipients, the two columns taken apart', () => {
    expect(readSigner([letter])).toEqual({ title: 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC', name: 'Nguyễn Đức Vũ' });
    expect(readRecipients([letter])).toEqual(['Như trên', 'Giám đốc Sở (để b/c)', 'Lưu: VT, TCBC']);
  });
});

describe('a centred subject', () => {
  it('keeps its short last line set centred under the first, and stops at "Kính gửi"', () => {
    const letter = page([
      line('CÔNG AN TỈNH LÂM ĐỒNG', 95, 91), line('Độc lập - Tự do - Hạnh phúc', 325, 91),
      line('Số: 855/CAT-PA05', 123, 112), line('Lâm Đồng, ngày 20 tháng 8 năm 2025', 300, 112),
      line('V/v đôn đốc cử nhân sự tham gia Đội', 92, 131), line('ứng cứu sự cố mạng, máy tính', 108, 144), line('tỉnh Lâm Đồng', 142, 158),
      line('Kính gửi:', 156, 190),
    ]);
    expect(readMetadata([letter]).subject).toBe('đôn đốc cử nhân sự tham gia Đội ứng cứu sự cố mạng, máy tính tỉnh Lâm Đồng');
  });

  it('drops a stop an OCR read at the subject\'s end (a "V/v" line closes with none)', () => {
    const letter = page([
      line('CÔNG AN TỈNH LÂM ĐỒNG', 95, 91), line('Độc lập - Tự do - Hạnh phúc', 325, 91),
      line('Số: 12/CAT-PV01', 123, 112), line('Lâm Đồng, ngày 3 tháng 2 năm 2026', 300, 112),
      line('V/v tăng cường bảo đảm an ninh', 92, 131), line('trật tự dịp Tết.', 108, 144),
      line('Kính gửi:', 156, 190),
    ]);
    expect(readMetadata([letter]).subject).toBe('tăng cường bảo đảm an ninh trật tự dịp Tết');
  });
});

describe('a header row read as one line', () => {
  it('gives its left column to the agency block without joining the agency under it, whatever the weights', () => {
    const merged = page([
      { ...line('UBND TỈNH BÌNH THUẬN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 100, 55, true) },
      line('SỞ TƯ PHÁP', 140, 70, true), line('Độc lập - Tự do - Hạnh phúc', 325, 70, true),
      line('Số: 788/STP-HCBT', 124, 99), line('Bình Thuận, ngày 16 tháng 5 năm 2025', 300, 99),
      line('V/v trình hồ sơ phê chuẩn kết quả Đại hội', 102, 114),
      line('Kính gửi: Ủy ban nhân dân tỉnh.', 200, 160),
      line('Sở Tư pháp trình UBND tỉnh xem xét.', 80, 200),
    ]);
    const m = readMetadata([merged]);
    expect(m.issuerChain).toEqual(['UBND tỉnh Bình Thuận', 'Sở Tư pháp']);
    expect(m.issuer).toBe('Sở Tư pháp');
  });
});

describe('a Word text (header and signature as table rows, cell paragraphs joined by " / ")', () => {
  const text = [
    'UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ / Số: /SNV-TCBC / V/v báo cáo đề nghị công nhận chức danh\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc / Lâm Đồng, ngày tháng 10 năm 2025',
    'Kính gửi: Chủ tịch UBND tỉnh.',
    'Sở Nội vụ kính báo cáo Chủ tịch UBND tỉnh xem xét.',
    'Nơi nhận: / - Như trên; / - Lưu: VT, TCBC.\tKT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Nguyễn Đức Vũ',
  ].join('\n');

  it('reads the header row cell by cell: issuer, blank number, subject, undated', () => {
    expect(readMetadata([textPage(text)])).toMatchObject({
      type: 'Công văn', issuer: 'Sở Nội vụ', number: '/SNV-TCBC', place: 'Lâm Đồng', date: null, subject: 'báo cáo đề nghị công nhận chức danh',
      signer: { title: 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC', name: 'Nguyễn Đức Vũ' }, recipients: ['Như trên', 'Lưu: VT, TCBC'],
    });
  });

  it('takes a decision\'s "Về việc" name line as both title and subject', () => {
    const decision = textPage(['ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỈNH LÂM ĐỒNG\tĐộc lập - Tự do - Hạnh phúc', 'Số: 2536/QĐ-UBND\tLâm Đồng, ngày 12 tháng 12 năm 2025', 'QUYẾT ĐỊNH', 'Về việc cho phép hợp nhất Đoàn Luật sư', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', 'Căn cứ Luật Tổ chức chính quyền địa phương;'].join('\n'));
    const m = readMetadata([decision]);
    expect(m.type).toBe('Quyết định');
    expect(m.number).toBe('2536/QĐ-UBND');
    expect(m.subject).toBe('cho phép hợp nhất Đoàn Luật sư');
    expect(m.title).toBe('cho phép hợp nhất Đoàn Luật sư');
  });
});

describe('signer and recipients', () => {
  it('reads a name only where a family name starts it, never a title in capitals', () => {
    expect(nameAtEnd('- Lưu: VT, TCBC. Nguyễn Đức Vũ')).toBe('Nguyễn Đức Vũ');
    expect(nameAtEnd('KT. CHÁNH VĂN PHÒNG')).toBeNull();
    expect(nameAtEnd('Sở Nội vụ')).toBeNull();
  });

  it('keeps an officer\'s rank printed on the name line ("Thượng tá Lê Văn Nam"), but no other words before a name', () => {
    expect(readSigner([textPage(['Nơi nhận:', 'KT. GIÁM ĐỐC', '- Như trên;', 'PHÓ GIÁM ĐỐC', 'Thượng tá Lê Văn Nam'].join('\n'))])).toEqual({ title: 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC', name: 'Thượng tá Lê Văn Nam' });
    expect(readSigner([textPage(['Nơi nhận:', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'trụ sở Công an tỉnh Lê Văn Nam'].join('\n'))])!.name).toBeNull();
  });

  it('keeps a draft\'s blank name as null and a document without a signature as null', () => {
    expect(readSigner([textPage('Nơi nhận: / - Như trên.\tTM. ỦY BAN NHÂN DÂN / CHỦ TỊCH')])).toEqual({ title: 'TM. ỦY BAN NHÂN DÂN CHỦ TỊCH', name: null });
    expect(readSigner([textPage('Tỷ lệ hồ sơ trực tuyến đạt 80%.')])).toBeNull();
    expect(readRecipients([textPage('Tỷ lệ hồ sơ trực tuyến đạt 80%.')])).toEqual([]);
  });

  it('reads a head signing in their own name: the title alone over the name, no authority line', () => {
    const closing = ['Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét./.', 'Nơi nhận:', 'GIÁM ĐỐC', '- Như trên;', '- Lưu: VT, TCCC.', 'Trần Văn Bình'];
    expect(readSigner([textPage(closing.join('\n'))])).toEqual({ title: 'GIÁM ĐỐC', name: 'Trần Văn Bình' });
    // a Word draft: the title in the signature cell, the name not printed yet
    expect(readSigner([textPage('Nơi nhận: / - Như trên; / - Lưu: VT.\tCHỦ TỊCH')])).toEqual({ title: 'CHỦ TỊCH', name: null });
    // as an OCR read it, marks lost: the lexicon's title, as printed
    expect(readSigner([textPage(['Nơi nhận:', 'PHO GIAM ĐỐC', '- Lưu: VT.', 'Lê Thị Hoa'].join('\n'))])).toEqual({ title: 'PHÓ GIÁM ĐỐC', name: 'Lê Thị Hoa' });
  });

  it('reads an authority opener printed against its title ("KT.GIÁM ĐỐC") as printed, and never "QUYẾT ĐỊNH" as "Q." + title', () => {
    const closing = ['Nơi nhận:\tKT.GIÁM ĐỐC', '- Như trên;\tPHÓ GIÁM ĐỐC', '- Lưu: VT.', 'Trần Văn Bình'];
    expect(readSigner([textPage(closing.join('\n'))])).toEqual({ title: 'KT.GIÁM ĐỐC PHÓ GIÁM ĐỐC', name: 'Trần Văn Bình' });
    // the recipients beside it lose the whole authority, printed with its space or without
    expect(readRecipients([textPage(['Nơi nhận:', '- Như trên; KT.GIÁM ĐỐC', '- Lưu: VT.'].join('\n'))])).toEqual(['Như trên', 'Lưu: VT']);
    expect(readSigner([textPage(['QUYẾT ĐỊNH', 'Về việc thành lập Hội đồng'].join('\n'))])).toBeNull();
  });

  it('on a scan, passes over what the OCR read from the seal (specks, a lone word in capitals) to the printed name', () => {
    // the seal over the deputy's line left only specks and "TỊCH" of it: under "KT. CHỦ TỊCH" that line is the deputy's title
    const closing = ['Nơi nhận:', 'KT. CHỦ TỊCH', '- Như Điều 5;', 'xxế', '”', 'SÀN', 'TỊCH', '- Bộ Tư pháp;', '/^>⁄4øSN', '≥4 ? + SÀNC', 'si', '2 i', 'A 7:', 'N 2⁄', 'x7', '- Lưu: VT.', 'Nguyễn Minh'];
    expect(readSigner([textPage(closing.join('\n'))])).toEqual({ title: 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH', name: 'Nguyễn Minh' });
    // the end of a sentence under the block is no name ("… Công an tỉnh Lâm Đồng")
    const footer = ['Nơi nhận:', 'KT. GIÁM ĐỐC', '- Lưu: VT.', 'Phòng An ninh mạng Công an tỉnh Lâm Đồng'];
    expect(readSigner([textPage(footer.join('\n'))])).toEqual({ title: 'KT. GIÁM ĐỐC', name: null });
  });

  it('does not take a heading in capitals in the body for a signer', () => {
    const body = ['II. NHIỆM VỤ', 'CHỦ TỊCH ỦY BAN NHÂN DÂN CÁC XÃ', 'chỉ đạo triển khai kế hoạch.', 'Các sở, ngành thực hiện.'];
    expect(readSigner([textPage(body.join('\n'))])).toBeNull();
  });
});

describe('stamps and banners', () => {
  it('are set apart from the header: a certified copy\'s banner is listed, not read as the issuer or the title', () => {
    const copy = page([
      line('SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; Thời gian ký: 2025-08-20T15:14:49+07:00', 249, 7),
      line('BỘ CÔNG AN', 139, 75), line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 275, 75),
      line('CÔNG AN TỈNH LÂM ĐỒNG', 95, 90), line('Độc lập - Tự do - Hạnh phúc', 324, 90),
      line('Số: 855/CAT-PA05', 122, 112), line('Lâm Đồng, ngày 20 tháng 8 năm 2025', 300, 112),
      line('V/v đôn đốc cử nhân sự', 91, 130),
      line('Công an tỉnh Lâm Đồng đề nghị các cơ quan gửi danh sách.', 80, 200),
    ]);
    const m = readMetadata([copy]);
    expect(m.banners).toEqual(['SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; Thời gian ký: 2025-08-20T15:14:49+07:00']);
    expect(m.issuerChain.join(' / ')).not.toMatch(/SAO Y/iu);
    expect(m).toMatchObject({ number: '855/CAT-PA05', date: '2025-08-20', type: 'Công văn' });
  });
});

describe('agency names printed in capitals', () => {
  it('keep an abbreviation the body prints in capitals ("UBND TỈNH BÌNH THUẬN" → "UBND tỉnh Bình Thuận")', () => {
    const body = 'UBND TỈNH BÌNH THUẬN\nSỞ NỘI VỤ\nTheo Công văn của UBND tỉnh, Sở Nội vụ tỉnh Bình Thuận báo cáo.';
    expect(properCase('UBND TỈNH BÌNH THUẬN', body)).toBe('UBND tỉnh Bình Thuận');
    // a word with marks is no abbreviation, even after a lower-case word on the line above
    expect(properCase('SỞ NỘI VỤ', 'hạnh phúc\nSỞ NỘI VỤ\nnội dung')).toBe('Sở nội vụ');
  });

  it('take the body\'s marks where an OCR got them wrong in capitals, and keep the printed ones the body also writes', () => {
    const body = 'Chủ tịch Ủy ban nhân dân tỉnh quyết định. Hội Công chứng viên tỉnh Lâm Đồng thực hiện.';
    expect(properCase('ỦY BAN NHÂN DÂN TÍNH LÂM ĐỒNG', body)).toBe('Ủy ban nhân dân tỉnh Lâm Đồng');
    expect(properCase('ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', `${body} Uỷ ban nhân dân xã.`)).toBe('Ủy ban nhân dân tỉnh Lâm Đồng');
  });
});

describe('the recipients list', () => {
  it('joins an entry wrapped onto a line without a dash, and still ends at the first line after a closed entry', () => {
    const text = ['Nơi nhận:', '- Như trên;', '- Văn phòng Chính phủ, các vụ, cục', 'thuộc Bộ Kế hoạch và Đầu tư;', '- Lưu: VT, KH.', 'Số liệu kèm theo công văn này.'].join('\n');
    expect(readRecipients([textPage(text)])).toEqual(['Như trên', 'Văn phòng Chính phủ, các vụ, cục thuộc Bộ Kế hoạch và Đầu tư', 'Lưu: VT, KH']);
    // a line that breaks after a comma keeps it
    expect(readRecipients([textPage(['Nơi nhận:', '- Văn phòng Chính phủ: các Phó Chủ nhiệm,', 'các Vụ, Cục;', '- Lưu: VT.'].join('\n'))])).toEqual(['Văn phòng Chính phủ: các Phó Chủ nhiệm, các Vụ, Cục', 'Lưu: VT']);
    // the last entry closes without a stop: what an OCR read after it from a seal (a word in capitals) is no part of it
    expect(readRecipients([textPage(['Nơi nhận:', '- Như trên;', '- Lưu: VT, KH', 'Ai: mũ'].join('\n'))])).toEqual(['Như trên', 'Lưu: VT, KH']);
  });
});
