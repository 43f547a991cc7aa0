import { describe, expect, it } from 'vitest';
import { numberFromAttachmentLine, readDocType, readDocumentNumber, readPlaceDate } from '../../../src/segment/index.js';
import { leftColumnOfRow } from '../../../src/segment/header-fields.js';

describe('numberFromAttachmentLine', () => {
  it.each([
    ['(Kèm theo Kế hoạch hành động số       -KH/TU, ngày      tháng      năm 2025 của Ban Thường vụ Thành ủy)', 'Kế hoạch hành động', '-KH/TU'],
    ['(Kèm theo Kế hoạch số 44/KH-UBND ngày 12/02/2025 của Ủy ban nhân dân thành phố)', 'Kế hoạch', '44/KH-UBND'],
    ['(Kèm theo Quyết định số 12/QĐ-UBND ngày 01/03/2025)', 'Kế hoạch', null],
    ['thực hiện Nghị quyết số 57-NQ/TW', 'Kế hoạch', null],
  ])('%s (%s) → %s', (text, docType, number) => expect(numberFromAttachmentLine(text, docType)).toBe(number));
});

describe('readDocumentNumber', () => {
  it.each([
    ['Số: 44/KH-UBND', '44/KH-UBND'],
    ['Số: 44 /KH-UBND', '44/KH-UBND'],
    ['Số:      /KH-BQL', '/KH-BQL'],
    ['Số: /KH-SKHCN', '/KH-SKHCN'],
    ['Số      -KH/TU', '-KH/TU'],
    ['Số: 12-KH/TU', '12-KH/TU'],
    ['Số: 350/KH-UBND', '350/KH-UBND'],
  ])('%s → %s', (line, number) => expect(readDocumentNumber(line)).toBe(number));

  it('ignores lines that are not the number line', () => {
    expect(readDocumentNumber('Số lượng sáng chế tăng 10%')).toBeNull();
    expect(readDocumentNumber('Căn cứ Nghị quyết số 57-NQ/TW')).toBeNull();
  });
});

describe('a number line an OCR printed in small letters', () => {
  it('is read when its colon follows, never from a sentence', () => {
    expect(readDocumentNumber('số: /QĐ-UBND')).toBe('/QĐ-UBND');
    expect(readDocumentNumber('số: 1406/QĐ-UBND')).toBe('1406/QĐ-UBND');
    expect(readDocumentNumber('số lượng 01/KH-UBND')).toBeNull();
  });
});

describe('readPlaceDate', () => {
  it('reads a full date', () => {
    expect(readPlaceDate('Hải Phòng, ngày 12 tháng 02 năm 2025')).toEqual({ place: 'Hải Phòng', date: '2025-02-12', year: 2025 });
  });
  it('gives a null date when the day is blank', () => {
    expect(readPlaceDate('Hải Phòng, ngày      tháng 6 năm 2026')).toEqual({ place: 'Hải Phòng', date: null, year: 2026 });
    expect(readPlaceDate('Chí Minh, ngày tháng năm 2026')).toEqual({ place: 'Chí Minh', date: null, year: 2026 });
  });
  it('keeps the place when a handwritten day comes out of OCR in pieces', () => {
    expect(readPlaceDate('Hà Nội, ngày 4 A tháng 12 năm 2025')).toEqual({ place: 'Hà Nội', date: null, year: 2025 });
    expect(readPlaceDate('Hà Nội, ngày 2Otháng 8 năm 2025')).toEqual({ place: 'Hà Nội', date: null, year: 2025 });
    expect(readPlaceDate('Hà Nội, ngày 11 tháng 12 năm 2025')?.date).toBe('2025-12-11');
  });
  it('rejects impossible dates', () => {
    expect(readPlaceDate('Hải Phòng, ngày 40 tháng 13 năm 2025')?.date).toBeNull();
    // a text input's line holds the number beside the place
    expect(readPlaceDate('Số:  /KH-BQL Hải Phòng, ngày  tháng năm 2026')).toEqual({ place: 'Hải Phòng', date: null, year: 2026 });
  });
  it('reads the place after a number whose figure an e-signature drew apart from its code', () => {
    expect(readPlaceDate('Số: 1547 /SNV-TCBC Lâm Đồng, ngày 18 tháng 9 năm 2025')).toEqual({ place: 'Lâm Đồng', date: '2025-09-18', year: 2025 });
    expect(readPlaceDate('Số: 12/KH-UBND Đà Lạt, ngày 2 tháng 3 năm 2026')).toEqual({ place: 'Đà Lạt', date: '2026-03-02', year: 2026 });
  });
});

describe('readDocType', () => {
  it('reads a document that heads itself as a numbered appendix, the label being no title', () => {
    expect(readDocType('Phụ lục I')).toEqual({ docType: 'Phụ lục', rest: '' });
    expect(readDocType('PHỤ LỤC SỐ 02')).toEqual({ docType: 'Phụ lục', rest: '' });
    expect(readDocType('Phụ lục kèm theo Kế hoạch')).toBeNull();
  });

  it.each([
    ['KẾ HOẠCH', 'Kế hoạch', ''],
    ['KẾ HOẠCH HÀNH ĐỘNG', 'Kế hoạch hành động', ''],
    ['KẾ HOẠCH Khoa học và Công nghệ năm 2026', 'Kế hoạch', 'Khoa học và Công nghệ năm 2026'],
  ])('%s', (line, docType, rest) => expect(readDocType(line)).toEqual({ docType, rest }));

  it('does not take a sentence that starts like a type', () => {
    expect(readDocType('Kế hoạch thực hiện các nhiệm vụ')).toBeNull();
  });
});

describe('leftColumnOfRow', () => {
  it.each([
    ['ỦY BAN NHÂN DÂN CÔNG HÓA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'ỦY BAN NHÂN DÂN'],
    ['THÀNH PHỐ HẢI PHÒNG Đốc lập - Tự do - Hành phúc', 'THÀNH PHỐ HẢI PHÒNG'],
    ['BAN QUẢN LÝ KHU PRUNES A ưu', 'BAN QUẢN LÝ KHU'],
    ['THÀNH ỦY HẢI PHÒNG ĐẢNG CỘNG SẢN VIỆT NAM', 'THÀNH ỦY HẢI PHÒNG'],
    ['SỞ KH&CN TP HẢI PHÒNG', 'SỞ KH&CN TP HẢI PHÒNG'],
    ['UBND XÃ CHÍ MINH', 'UBND XÃ CHÍ MINH'],
  ])('%s → %s', (line, left) => expect(leftColumnOfRow(line)).toBe(left));
});
