import { describe, expect, it } from 'vitest';
import type { Page } from '../../../schemas/index.js';
import { buildBlocks } from '../../../src/layout/blocks/text-blocks.js';
import { readSections } from '../../../src/segment/read-sections.js';
import { placeBlocks, proseAssignments } from '../../../src/records/prose-records.js';

/** A text page as the .txt reader makes it: no positions, one line per non-blank text line. */
function textPage(text: string): Page {
  const lines = text.split('\n').filter((l) => l.trim()).map((l) => ({ text: l, box: null, fontSize: null, bold: false, wordStart: 0, wordEnd: 0 }));
  return { number: 1, width: null, height: null, origin: 'text-layer', text, words: [], lines, rulings: [], blocks: [], quality: null, repairs: [], originalText: null };
}

// a pdftotext dump keeps the printed line breaks: a paragraph's next line opens in lower case
const DUMP = [
  '1. Công tác lãnh đạo, chỉ đạo',
  '1.4. Ban Chỉ đạo thành phố chỉ đạo rà soát, mời các chuyên gia, các nhà khoa',
  'học, nhà quản lý có uy tín trong và ngoài nước tham gia vào Hội đồng Tư vấn để',
  'tham mưu cho Ban Chỉ đạo kịp thời, hiệu quả.',
  'a) Phát triển hệ sinh thái',
  '- Có ≥ 400 doanh nghiệp',
  'khởi nghiệp sáng tạo.',
  'TT\tNội dung\tĐơn vị chủ trì',
  '\tđộng có thành tích\t',
].join('\n');

describe('blocks of a text dump (no positions)', () => {
  it('joins a line opening in lower case to the line before; items, marks and TAB rows stay apart', () => {
    const blocks = buildBlocks(textPage(DUMP), []);
    expect(blocks.map((b) => b.text)).toEqual([
      '1. Công tác lãnh đạo, chỉ đạo',
      '1.4. Ban Chỉ đạo thành phố chỉ đạo rà soát, mời các chuyên gia, các nhà khoa học, nhà quản lý có uy tín trong và ngoài nước tham gia vào Hội đồng Tư vấn để tham mưu cho Ban Chỉ đạo kịp thời, hiệu quả.',
      'a) Phát triển hệ sinh thái',
      '- Có ≥ 400 doanh nghiệp khởi nghiệp sáng tạo.',
      'TT\tNội dung\tĐơn vị chủ trì',
      'động có thành tích',
    ]);
    expect(blocks.map((b) => [b.lineStart, b.lineEnd])).toEqual([[0, 1], [1, 4], [4, 5], [5, 7], [7, 8], [8, 9]]);
  });

  it('joins a full line cut mid-sentence to a next line that opens with a name or a code; not a short or finished line, or titles', () => {
    const dump = [
      '3.1. Kịp thời cụ thể hóa, triển khai các quy định pháp luật về khoa học, công',
      'nghệ, đổi mới sáng tạo và chuyển đổi số thuộc thẩm quyền của thành phố ngay khi',
      'Trung ương hoàn thiện thể chế theo tinh thần Nghị quyết số 57-NQ/TW.',
      '2.3. Gắn trách nhiệm của người đứng đầu với kết quả thực hiện Nghị quyết số',
      '57-NQ/TW. Đưa kết quả thực hiện vào tiêu chí đánh giá cán bộ hằng năm.',
      'Hải Phòng, ngày 12 tháng 02 năm 2025',
      'Kế hoạch này được phổ biến tới toàn thể cán bộ, công chức của các cơ quan',
      'II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU VỀ KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ',
      'Các sở, ngành, địa phương tổ chức thực hiện các nhiệm vụ được giao sau đây:',
    ].join('\n');
    const blocks = buildBlocks(textPage(dump), []);
    expect(blocks.map((b) => b.text.slice(0, 24))).toEqual([
      '3.1. Kịp thời cụ thể hóa',
      '2.3. Gắn trách nhiệm của',
      'Hải Phòng, ngày 12 tháng',
      'Kế hoạch này được phổ bi',
      'II. NHIỆM VỤ, GIẢI PHÁP ',
      'Các sở, ngành, địa phươn',
    ]);
    expect(blocks[0]?.text).toMatch(/ngay khi Trung ương hoàn thiện .* 57-NQ\/TW\.$/u);
    expect(blocks[1]?.text).toMatch(/Nghị quyết số 57-NQ\/TW\. Đưa kết quả/u);
  });

  it('does not join across lines a table took', () => {
    const blocks = buildBlocks(textPage(['Các chỉ tiêu như sau', 'Stt Chỉ tiêu', 'phân công'].join('\n')), [], new Set([1]));
    expect(blocks.map((b) => b.text)).toEqual(['Các chỉ tiêu như sau', 'phân công']);
  });

  it('reads a wrapped numbered paragraph as one item, not as a unit heading with tasks under it (as from the PDF)', () => {
    const page = textPage(DUMP.split('\n').slice(0, 4).join('\n'));
    const paged = { ...page, blocks: buildBlocks(page, []) };
    const sections = readSections([paged]);
    expect(sections.find((s) => s.number === '1.4')?.title).toMatch(/kịp thời, hiệu quả\.$/u);
    expect(proseAssignments(placeBlocks([paged], sections))).toEqual([]);
  });
});
