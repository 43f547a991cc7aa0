import { describe, expect, it } from 'vitest';
import type { Line, Page } from '../../../schemas/index.js';
import { buildBlocks } from '../../../src/layout/blocks/text-blocks.js';

/** A 13 pt line from x0 to x1 at top y. */
const line = (text: string, x0: number, x1: number, y: number, bold = false): Line => ({
  text, box: { x0, y0: y, x1, y1: y + 13 }, fontSize: 13, bold, wordStart: 0, wordEnd: 0,
});
const page = (lines: Line[]): Page => ({
  number: 1, width: 595, height: 842, origin: 'text-layer', text: lines.map((l) => l.text).join('\n'), words: [], lines,
  rulings: [], blocks: [], quality: null, repairs: [], originalText: null,
});
const texts = (p: Page): string[] => buildBlocks(p, []).map((b) => b.text);

describe('buildBlocks', () => {
  it('joins a justified paragraph and starts a new one at a first-line indent', () => {
    const p = page([
      line('1. Quán triệt và cụ thể hóa Nghị quyết số 57-', 113, 538, 100),
      line('NQ/TW trong toàn Đảng bộ và hệ thống chính trị', 85, 538, 116),
      line('thành phố.', 85, 150, 132),
      line('2. Thống nhất nhận thức, tạo quyết tâm chính trị', 113, 538, 148),
      line('cao.', 85, 110, 164),
    ]);
    expect(texts(p)).toEqual(['1. Quán triệt và cụ thể hóa Nghị quyết số 57-NQ/TW trong toàn Đảng bộ và hệ thống chính trị thành phố.', '2. Thống nhất nhận thức, tạo quyết tâm chính trị cao.']);
  });

  it('on an OCR page, joins lines whose box heights the letters moved; in a text layer a size change splits', () => {
    const sized = (text: string, y: number, size: number): Line => ({ ...line(text, 85, 538, y), fontSize: size });
    const lines = [sized('1.2. Cụ thể hóa các nhiệm vụ, giải pháp theo nguyên tắc “rõ', 100, 10.4), sized('người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ kết quả”.', 115, 9.8)];
    expect(buildBlocks({ ...page(lines), origin: 'ocr' }, [])).toHaveLength(1);
    expect(buildBlocks(page(lines), [])).toHaveLength(2);
  });

  it('on an OCR page, joins a short wrap under a full line however its letters sized its box; not an indented line', () => {
    const sized = (text: string, x0: number, x1: number, y: number, size: number): Line => ({ ...line(text, x0, x1, y), fontSize: size });
    const lines = [
      sized('3. Tăng cường đầu tư, hoàn thiện hạ tầng cho KHCN,', 113, 537, 100, 10.3),
      sized('ĐMST và CDS', 85, 185, 115, 7.6),
      sized('3.1. Thực hiện triển khai hiệu quả các cơ chế, chính sách,', 113, 537, 130, 10.3),
      sized('pháp luật về khoa học, công nghệ và đổi mới sáng tạo.', 85, 400, 145, 10.3),
      sized('Nâng cao năng lực nghiên cứu ứng dụng khoa học của các', 113, 537, 160, 7.6),
      sized('viện nghiên cứu.', 85, 200, 175, 7.6),
    ];
    expect(texts({ ...page(lines), origin: 'ocr' })).toEqual([
      '3. Tăng cường đầu tư, hoàn thiện hạ tầng cho KHCN, ĐMST và CDS',
      '3.1. Thực hiện triển khai hiệu quả các cơ chế, chính sách, pháp luật về khoa học, công nghệ và đổi mới sáng tạo.',
      'Nâng cao năng lực nghiên cứu ứng dụng khoa học của các viện nghiên cứu.',
    ]);
  });

  it('goes on after a line ending in a comma that stopped short of the right edge, whatever its weight; not with an item', () => {
    const lines = [
      line('1. Trách nhiệm của Ban Chỉ đạo phát triển khoa học,', 113, 420, 100, true),
      line('công nghệ, đổi mới sáng tạo và chuyển đổi số thành phố', 85, 400, 115),
      line('- Thành ủy Hải Phòng,', 85, 200, 130),
      line('- Ủy ban nhân dân thành phố.', 85, 250, 145),
    ];
    expect(texts({ ...page(lines), origin: 'ocr' })).toEqual([
      '1. Trách nhiệm của Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số thành phố',
      '- Thành ủy Hải Phòng,',
      '- Ủy ban nhân dân thành phố.',
    ]);
  });

  it('keeps a line that wrapped early (the next word would not fit) in its paragraph', () => {
    const p = page([line('Xây dựng quy hoạch, chiến lược và các kế', 113, 500, 100), line('hoạch cụ thể để phát triển khoa học, công nghệ', 85, 538, 116), line('của thành phố.', 85, 200, 132)]);
    expect(texts(p)).toHaveLength(1);
  });

  it('separates headings by weight, keeps a centred bold title together, and leaves page numbers out', () => {
    const p = page([
      line('26', 290, 305, 30),
      line('PHỤ LỤC', 270, 330, 100, true),
      line('NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG NHIỆM VỤ', 150, 450, 116, true),
      line('I. MỤC ĐÍCH, YÊU CẦU', 85, 300, 150, true),
      line('Kế hoạch này được xây dựng để triển khai thực hiện', 113, 538, 170),
      line('thống nhất trong toàn thành phố.', 85, 300, 186),
    ]);
    expect(texts(p)).toEqual(['PHỤ LỤC NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG NHIỆM VỤ', 'I. MỤC ĐÍCH, YÊU CẦU', 'Kế hoạch này được xây dựng để triển khai thực hiện thống nhất trong toàn thành phố.']);
  });

  it('makes every line of a text input a block', () => {
    const p = page([]);
    p.lines = [{ ...line('## KẾ HOẠCH', 0, 0, 0), box: null }, { ...line('Căn cứ Nghị quyết số 57-NQ/TW;', 0, 0, 0), box: null }];
    expect(texts(p)).toEqual(['## KẾ HOẠCH', 'Căn cứ Nghị quyết số 57-NQ/TW;']);
  });
});
