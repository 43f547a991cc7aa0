import { describe, expect, it } from 'vitest';
import type { Line, Page } from '../../../schemas/index.js';
import { deputyTitleUnder, gazetteerPlaceBeforeDate, rankAtEnd, respacedTypeHeading, spelledSignerTitle } from '../../../src/lexicon/index.js';
import { readRecipients, readSigner } from '../../../src/segment/closing-fields.js';
import { readMetadata } from '../../../src/segment/index.js';
import type { MetadataRepair } from '../../../src/segment/metadata-repair.js';

/** An OCR'd page: positioned lines, no font weights. */
const line = (text: string, x: number, y: number): Line => ({
  text, box: { x0: x, y0: y, x1: x + text.length * 6, y1: y + 12 }, fontSize: 12, bold: false, wordStart: 0, wordEnd: 0,
});
const ocrPage = (lines: Line[], number = 1): Page => ({
  number, width: 595, height: 842, origin: 'ocr', text: lines.map((l) => l.text).join('\n'), words: [], lines,
  rulings: [], blocks: [], quality: null, repairs: [], originalText: null,
});
const textPage = (text: string): Page => ({
  ...ocrPage([]), origin: 'text-layer', text,
  lines: text.split('\n').map((t) => ({ text: t, box: null, fontSize: null, bold: false, wordStart: 0, wordEnd: 0 })),
});

/** A scanned proposal's header as an OCR read it: "TỜTRÌNH" glued, the comma after the place lost. */
const header = (typeLine: string, dateLine: string): Page =>
  ocrPage([
    line('SỞ NỘI VỤ', 120, 65), line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 280, 50), line('Độc lập - Tự do - Hạnh phúc', 300, 65),
    line('Số: 12/TTr-SNV', 110, 95), line(dateLine, 300, 95),
    line(typeLine, 280, 140), line('Về việc đổi tên Câu lạc bộ Cờ tướng', 150, 156),
    line('Kính gửi: Chủ tịch UBND tỉnh', 180, 190),
  ]);

describe('a type heading whose words the OCR glued', () => {
  it('is the lexicon\'s heading, in capitals only, and only when it differs from what was read', () => {
    expect(respacedTypeHeading('TỜTRÌNH')).toBe('TỜ TRÌNH');
    expect(respacedTypeHeading('| QUYẾTĐỊNH .')).toBe('QUYẾT ĐỊNH');
    expect(respacedTypeHeading('K Ế HOẠCH')).toBe('KẾ HOẠCH');
    expect(respacedTypeHeading('TỜ TRÌNH')).toBeNull();
    expect(respacedTypeHeading('Tờtrình')).toBeNull();
    expect(respacedTypeHeading('BỘ CÔNG AN')).toBeNull();
  });

  it('gives the type and the title, the mend recorded', () => {
    const repairs: MetadataRepair[] = [];
    const m = readMetadata([header('TỜTRÌNH', 'Lâm Đồng, ngày 12 tháng 9 năm 2025')], repairs);
    expect(m).toMatchObject({ type: 'Tờ trình', title: 'đổi tên Câu lạc bộ Cờ tướng', place: 'Lâm Đồng' });
    expect(repairs).toEqual([expect.objectContaining({ field: 'type', page: 1, read: 'TỜTRÌNH', as: 'TỜ TRÌNH' })]);
  });
});

describe('a date line that lost the comma after its place', () => {
  it('reads the place when the gazetteer knows it as a province', () => {
    expect(gazetteerPlaceBeforeDate('Lâm Đồng ngày tháng năm 2025')).toEqual({ place: 'Lâm Đồng', rest: 'ngày tháng năm 2025' });
    expect(gazetteerPlaceBeforeDate('Lâm Đông ngày 3 tháng 9 năm 2025')?.place).toBe('Lâm Đồng');
    expect(gazetteerPlaceBeforeDate('Đà Lạt ngày 3 tháng 9 năm 2025')).toBeNull();
    expect(gazetteerPlaceBeforeDate('Lâm Đồng, ngày 3 tháng 9 năm 2025')?.place).toBe('Lâm Đồng');
    expect(gazetteerPlaceBeforeDate('Đà Lạt, ngày 3 tháng 9 năm 2025')).toBeNull();
  });

  it("gives a province the OCR printed with other marks the gazetteer's spelling, the mend recorded; one printed right is left alone", () => {
    const repairs: MetadataRepair[] = [];
    const m = readMetadata([header('TỜ TRÌNH', 'Lâm Đông, ngày 04 tháng 6 năm 2025')], repairs);
    expect(m).toMatchObject({ place: 'Lâm Đồng', date: '2025-06-04' });
    expect(repairs).toEqual([expect.objectContaining({ field: 'place', as: 'Lâm Đồng' })]);
    const none: MetadataRepair[] = [];
    expect(readMetadata([header('TỜ TRÌNH', 'Lâm Đồng, ngày 04 tháng 6 năm 2025')], none).place).toBe('Lâm Đồng');
    expect(none).toEqual([]);
  });

  it('gives the place (and the date where printed), the mend recorded; a sentence is left alone', () => {
    const repairs: MetadataRepair[] = [];
    const m = readMetadata([header('TỜ TRÌNH', 'Lâm Đồng ngày 12 tháng 9 năm 2025')], repairs);
    expect(m).toMatchObject({ place: 'Lâm Đồng', date: '2025-09-12', type: 'Tờ trình' });
    expect(repairs).toEqual([expect.objectContaining({ field: 'place', as: 'Lâm Đồng' })]);
    // "ngày càng …" after a province is no date line: nothing read, nothing mended
    const none: MetadataRepair[] = [];
    expect(readMetadata([header('TỜ TRÌNH', 'Lâm Đồng ngày càng phát triển')], none).place).toBeNull();
    expect(none).toEqual([]);
  });
});

describe('signer titles an OCR misread', () => {
  it('take the lexicon\'s spelling where only the marks differ, the opener as printed', () => {
    expect(spelledSignerTitle('PHÔ GIẢM ĐỌC')).toBe('PHÓ GIÁM ĐỐC');
    expect(spelledSignerTitle('KT.GIÁM ĐÓC')).toBe('KT.GIÁM ĐỐC');
    expect(spelledSignerTitle('KT. BỘ TRUỞNG, CHỦ NHIỆM')).toBe('KT. BỘ TRƯỞNG, CHỦ NHIỆM');
    expect(spelledSignerTitle('CỤC TRƯỞNG CỤC BỔ TRỢ TƯ PHÁP')).toBe('CỤC TRƯỞNG CỤC BỔ TRỢ TƯ PHÁP');
    expect(spelledSignerTitle('TM. ỦY BAN NHÂN DÂN')).toBe('TM. ỦY BAN NHÂN DÂN');
  });

  it('are mended in the signer, each mend recorded with its page', () => {
    const repairs: MetadataRepair[] = [];
    const closing = ocrPage([line('Nơi nhận:', 90, 300), line('KT.GIÁM ĐÓC', 380, 300), line('- Như trên;', 90, 312), line('PHÔ GIẢM ĐỌC', 360, 316), line('Phạm Thanh Hùng', 370, 400)], 3);
    expect(readSigner([closing], repairs)).toEqual({ title: 'KT.GIÁM ĐỐC PHÓ GIÁM ĐỐC', name: 'Phạm Thanh Hùng' });
    expect(repairs.map((r) => [r.field, r.page, r.read, r.as])).toEqual([
      ['signer.title', 3, 'KT.GIÁM ĐÓC', 'KT.GIÁM ĐỐC'],
      ['signer.title', 3, 'PHÔ GIẢM ĐỌC', 'PHÓ GIÁM ĐỐC'],
    ]);
  });
});

describe('the deputy\'s line a seal left unreadable', () => {
  it('is implied only by an on-behalf opener ("KT.") over a head\'s title the lexicon knows', () => {
    expect(deputyTitleUnder('KT. GIÁM ĐỐC')).toBe('PHÓ GIÁM ĐỐC');
    expect(deputyTitleUnder('KT.BỘ TRƯỞNG')).toBe('THỨ TRƯỞNG');
    expect(deputyTitleUnder('TL. CHỦ TỊCH')).toBeNull();
    expect(deputyTitleUnder('KT. TRƯỞNG ĐOÀN')).toBeNull();
  });

  it('is read as the deputy\'s title when the OCR read specks there, never when nothing stood between title and name', () => {
    const repairs: MetadataRepair[] = [];
    const sealed = ['Nơi nhận:', 'KT. GIÁM ĐỐC', '- Như trên;', 'Á', 'GHI', '- Lưu: VT.', '7', 'Nguyễn Đức Vũ'];
    expect(readSigner([textPage(sealed.join('\n'))], repairs)).toEqual({ title: 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC', name: 'Nguyễn Đức Vũ' });
    expect(repairs).toEqual([expect.objectContaining({ field: 'signer.title', read: '', as: 'PHÓ GIÁM ĐỐC' })]);
    expect(readSigner([textPage(['Nơi nhận:', 'KT. GIÁM ĐỐC', '- Lưu: VT.', 'Nguyễn Đức Vũ'].join('\n'))])!.title).toBe('KT. GIÁM ĐỐC');
    // a note in small letters is no unread line
    expect(readSigner([textPage(['Nơi nhận:', 'KT. GIÁM ĐỐC', '(Đã ký)', 'Nguyễn Đức Vũ'].join('\n'))])!.title).toBe('KT. GIÁM ĐỐC');
    // "TL." implies no title under it
    expect(readSigner([textPage(['Nơi nhận:', 'TL. CHỦ TỊCH', 'GHI', 'Nguyễn Đức Vũ'].join('\n'))])!.title).toBe('TL. CHỦ TỊCH');
  });
});

describe('a rank the OCR glued to the name line', () => {
  it('is found however spaced or cased', () => {
    expect(rankAtEnd('THượngtá')).toEqual({ rank: 'Thượng tá', read: 'THượngtá', before: '' });
    expect(rankAtEnd('mem - Đại tá')).toEqual({ rank: 'Đại tá', read: 'Đại tá', before: 'mem -' });
    expect(rankAtEnd('công đồng chí')).toBeNull();
  });

  it('is part of the name, after a signature stroke read as a dash, but not after a sentence\'s words', () => {
    const repairs: MetadataRepair[] = [];
    const closing = ['Nơi nhận:', 'KT.GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '- Lưu VT.', 'mem - THượngtá Phạm Thanh Hùng'];
    expect(readSigner([textPage(closing.join('\n'))], repairs)!.name).toBe('Thượng tá Phạm Thanh Hùng');
    expect(repairs).toEqual([expect.objectContaining({ field: 'signer.name', read: 'THượngtá', as: 'Thượng tá' })]);
    expect(readSigner([textPage(['Nơi nhận:', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'phân công đồng chí Trung tá Nguyễn Quốc Việt'].join('\n'))])!.name).toBeNull();
  });
});

describe('a recipients list whose heading the OCR lost', () => {
  it('is the run of dash entries that ends with the archive\'s entry, across the signature column', () => {
    const closing = ['Sở Nội vụ kính trình Chủ tịch UBND tỉnh xem xét./.', '- Như trên (để báo cáo):', 'KT. GIÁM ĐỐC', '- Giám đốc Sở (để b/c);', '- Lưu: VT, TCBC.', 'ñ', 'si xố', 'Nguyễn Đức Vũ'];
    expect(readRecipients([textPage(closing.join('\n'))])).toEqual(['Như trên (để báo cáo)', 'Giám đốc Sở (để b/c)', 'Lưu: VT, TCBC']);
  });

  it('takes no dash item of the body before it, and nothing without the archive\'s entry', () => {
    const body = ['Nội dung gồm:', '- Thời gian: tháng 9;', 'thực hiện theo kế hoạch', 'Đề nghị các đơn vị thực hiện./.', '- Như trên;', '- Lưu: VT.'];
    expect(readRecipients([textPage(body.join('\n'))])).toEqual(['Như trên', 'Lưu: VT']);
    expect(readRecipients([textPage(['Đề nghị các đơn vị thực hiện./.', '- Như trên;', '- Sở Tư pháp.'].join('\n'))])).toEqual([]);
  });
});


describe("a signer's family name the OCR printed with other marks", () => {
  const closing = (name: string): Page => textPage(['Nơi nhận:\tGIÁM ĐỐC', '- Như trên;', '- Lưu: VT.', name].join('\n'));

  it("is the lexicon's spelling of it, the mend recorded", () => {
    const repairs: MetadataRepair[] = [];
    expect(readSigner([closing('Đô Thị Tường Vy')], repairs)).toEqual({ title: 'GIÁM ĐỐC', name: 'Đỗ Thị Tường Vy' });
    expect(repairs).toEqual([expect.objectContaining({ field: 'signer.name', read: 'Đô', as: 'Đỗ' })]);
  });

  it('is left as read when the letters are two family names\' ("La", "Lã") or none', () => {
    expect(readSigner([closing('Lá Văn Minh')])?.name).toBeNull();
    expect(readSigner([closing('Đỗ Thị Tường Vy')], [])?.name).toBe('Đỗ Thị Tường Vy');
    expect(readSigner([closing('Xô Văn Minh')])?.name).toBeNull();
  });
});
