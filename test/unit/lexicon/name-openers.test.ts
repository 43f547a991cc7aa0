import { describe, expect, it } from 'vitest';
import { misreadNameOpener } from '../../../src/lexicon/index.js';
import { repairOpener } from '../../../src/layout/tables/text-rows/text-row-rows.js';
import { printedWordsIn } from '../../../src/layout/tables/text-rows/text-row-garbage.js';

const words = (s: string): string[] => s.split(' ');

describe('misreadNameOpener', () => {
  it('reads the opening words of an indicator name an OCR printed with digits and signs for letters', () => {
    expect(misreadNameOpener(words('TV 18 hộ nghèo được hỗ trợ'))).toEqual({ text: 'Tỷ lệ', length: 2 });
    expect(misreadNameOpener(words('Từ 1 trường học đạt chuẩn'))).toEqual({ text: 'Tỷ lệ', length: 2 });
    expect(misreadNameOpener(words('1¥ ¢ xã đạt chuẩn nông thôn mới'))).toEqual({ text: 'Tỷ lệ', length: 2 });
    expect(misreadNameOpener(words('Chi 56 giá tiêu dùng'))).toEqual({ text: 'Chỉ số', length: 2 });
    expect(misreadNameOpener(words('Tỷ trọng 8 kinh tế số'))).toBeNull();
  });

  it('reads an opener with a capital inside it, and one glued into a token that is no word', () => {
    expect(misreadNameOpener(words('Ủy Ia hộ nghèo được hỗ trợ'))).toEqual({ text: 'Tỷ lệ', length: 2 });
    expect(misreadNameOpener(words('36luong đơn đăng ký sáng chế'))).toEqual({ text: 'Số lượng', length: 1 });
    expect(misreadNameOpener(words('Ủy ban nhân dân'))).toBeNull();
    expect(misreadNameOpener(words('Ủy Ban nhân dân'))).toBeNull();
    expect(misreadNameOpener(words('Internet băng rộng'))).toBeNull();
  });

  it('leaves words as printed alone, and an opener with nothing after it', () => {
    expect(misreadNameOpener(words('Tỷ lệ hộ nghèo'))).toBeNull();
    expect(misreadNameOpener(words('Từ lâu đã có'))).toBeNull();
    expect(misreadNameOpener(words('Ủy ban nhân dân'))).toBeNull();
    expect(misreadNameOpener(words('TV 18'))).toBeNull();
    expect(misreadNameOpener(words('Quy mô 5 ha'))).toBeNull();
  });

  it('repairs a name cell of an OCR text-row table', () => {
    expect(repairOpener('T?/ 1& doanh nghiệp có website')).toBe('Tỷ lệ doanh nghiệp có website');
    expect(repairOpener('Số xã có nhà văn hóa')).toBe('Số xã có nhà văn hóa');
    expect(repairOpener('36luong đơn đăng ký sáng chế')).toBe('Số lượng đơn đăng ký sáng chế');
  });

  it('tells the opener on the printed token where the restoration read a glued opener as one word', () => {
    const restored = 'lương đơn đăng ký sáng chế';
    const asPrinted = printedWordsIn([restored], () => '36luong don dang ky sang che');
    expect(repairOpener(restored)).toBe(restored);
    expect(repairOpener(restored, asPrinted)).toBe('Số lượng đơn đăng ký sáng chế');
    // a name whose printed words are the restored ones without marks is left as it is
    expect(repairOpener('lương cơ bản tăng', printedWordsIn(['lương cơ bản tăng'], () => 'luong co ban tang'))).toBe('lương cơ bản tăng');
  });
});
