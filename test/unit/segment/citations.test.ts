import { describe, expect, it } from 'vitest';
import type { Page } from '../../../schemas/index.js';
import { readCitations } from '../../../src/segment/citations.js';

const textPage = (text: string): Page => ({
  number: 1, width: null, height: null, origin: 'text-layer', text, words: [], rulings: [], blocks: [], quality: null, repairs: [], originalText: null,
  lines: text.split('\n').map((t) => ({ text: t, box: null, fontSize: null, bold: false, wordStart: 0, wordEnd: 0 })),
} as unknown as Page);

describe('citations', () => {
  it('reads each document a "Căn cứ" clause names, with the date and issuer right after its own number', () => {
    const cites = readCitations([textPage([
      'Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;',
      'Căn cứ Nghị định số 126/2024/NĐ-CP quy định về hội, thay thế Nghị định số 45/2010/NĐ-CP ngày 21/4/2010 của Chính phủ;',
      'Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 62/TTr-STP ngày 12 tháng 9 năm 2025.',
    ].join('\n'))]);
    expect(cites.map((c) => [c.type, c.number, c.date, c.issuer])).toEqual([
      ['Luật', '72/2025/QH15', null, null],
      ['Nghị định', '126/2024/NĐ-CP', null, null],
      ['Nghị định', '45/2010/NĐ-CP', '2010-04-21', 'Chính phủ'],
      // "Xét đề nghị …" closes the preamble: the proposal it names is a basis too
      ['Tờ trình', '62/TTr-STP', '2025-09-12', null],
    ]);
    expect(cites[1]!.raw).toBe('Nghị định số 126/2024/NĐ-CP quy định về hội, thay thế');
  });

  it('stops a "Thực hiện" paragraph at its sentence: the body after it is not read as citations', () => {
    const cites = readCitations([textPage([
      'Thực hiện Công văn số 2769/UBND-NC ngày 24/7/2024 của UBND tỉnh, Sở Nội vụ báo cáo như sau: 1. Ngày 08/10/2024, Chính phủ ban hành Nghị định số 126/2024/NĐ-CP.',
    ].join('\n'))]);
    expect(cites).toHaveLength(1);
    expect(cites[0]).toMatchObject({ type: 'Công văn', number: '2769/UBND-NC', date: '2024-07-24', issuer: 'UBND tỉnh' });
  });

  it('joins a code broken after its dash, takes a code without "số", and never "Luật sư" for a law', () => {
    const cites = readCitations([textPage('Căn cứ Công văn số 223/STP- BTTP của Sở Tư pháp; Nghị định 91/2022/NĐ-CP của Chính phủ; Luật sư gửi kèm Quyết định số 12/QĐ-UBND.')]);
    expect(cites.map((c) => [c.type, c.number])).toEqual([['Công văn', '223/STP-BTTP'], ['Nghị định', '91/2022/NĐ-CP'], ['Quyết định', '12/QĐ-UBND']]);
  });
});
