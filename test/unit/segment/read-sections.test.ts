import { describe, expect, it } from 'vitest';
import type { Page } from '../../../schemas/index.js';
import { readSections } from '../../../src/segment/read-sections.js';

/** A text-input page: one block a line. */
const page = (lines: string[]): Page => ({
  number: 1, width: null, height: null, origin: 'text-layer', text: lines.join('\n'), words: [], lines: [], rulings: [], quality: null, repairs: [], originalText: null,
  blocks: lines.map((text, i) => ({ text, lineStart: i, lineEnd: i + 1, box: null, bold: false, fontSize: null, continues: false, banner: false })),
});

describe('readSections', () => {
  it('drops the colon a heading ends in; keeps a run-in title before its colon', () => {
    const sections = readSections([page(['2. Quán triệt sâu sắc, kế thừa và phát huy các kết quả, kinh nghiệm:', '3. Về chuyển đổi số: triển khai các nền tảng số'])]);
    expect(sections.map((s) => s.title)).toEqual(['Quán triệt sâu sắc, kế thừa và phát huy các kết quả, kinh nghiệm', 'Về chuyển đổi số']);
  });

  it('reads parts, numbered items and an appendix whose title is on the next line', () => {
    const sections = readSections([page(['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', 'Nội dung của mục.', 'PHỤ LỤC', 'NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG NHIỆM VỤ', '(Kèm theo Kế hoạch số 12/KH-BQL)'])]);
    expect(sections.map((s) => [s.number, s.title, s.level])).toEqual([
      ['I', 'MỤC ĐÍCH, YÊU CẦU', 1],
      ['1', 'Mục đích', 2],
      ['', 'PHỤ LỤC NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG NHIỆM VỤ', 1],
    ]);
  });

  it('keeps an appendix title that is already whole, and does not take a numbered part for its title', () => {
    const sections = readSections([page(['PHỤ LỤC SỐ 01: CÁC CHỈ TIÊU CỤ THỂ', 'GHI CHÚ', 'PHỤ LỤC', 'II. NỘI DUNG'])]);
    expect(sections.map((s) => s.title)).toEqual(['PHỤ LỤC SỐ 01: CÁC CHỈ TIÊU CỤ THỂ', 'PHỤ LỤC', 'NỘI DUNG']);
  });

  it('reads a part number an OCR misread from the part before it, on OCR pages only', () => {
    const lines = ['I. MỤC ĐÍCH, YÊU CẦU', 'I. NỘI DUNG, NHIỆM VỤ', 'II. TỔ CHỨC THỰC HIỆN'];
    expect(readSections([{ ...page(lines), origin: 'ocr' }]).map((s) => s.number)).toEqual(['I', 'II', 'III']);
    expect(readSections([page(lines)]).map((s) => s.number)).toEqual(['I', 'I', 'II']);
  });
});
