import { describe, expect, it } from 'vitest';
import type { Page, Table } from '../../../schemas/index.js';
import { IssueLog } from '../../../src/core/index.js';
import { layoutPages } from '../../../src/layout/index.js';
import { findLinearizedTables } from '../../../src/layout/tables/linearized/linearized-table.js';

/** A text page as the .txt reader makes it: no words, one line per non-blank text line. */
function textPage(number: number, text: string, repairs: string[] = []): Page {
  const lines = text.split('\n').filter((l) => l.trim()).map((l) => ({ text: l, box: null, fontSize: null, bold: false, wordStart: 0, wordEnd: 0 }));
  return { number, width: null, height: null, origin: 'text-layer', text, words: [], lines, rulings: [], blocks: [], quality: null, repairs, originalText: null };
}
const rowTexts = (t: Table): string[][] =>
  t.rows.map((r) => t.cells.filter((c) => c.row === r.index).sort((a, b) => a.col - b.col).map((c) => c.text));

// An indicator table as pdftotext prints it without -layout: each cell's lines one after another.
const HEADER = ['Stt Chỉ tiêu', 'Năm', '2025', 'Năm', '2030', 'Đồng chí được', 'phân công chỉ', 'đạo', 'Cơ quan chủ', 'trì theo dõi'];
const ROW_1 = ['1', 'Tỷ lệ hộ gia đình có', 'kết nối cáp quang', '≥70% 100%', 'Đồng chí Trần', 'Văn Nam, Phó', 'Chủ tịch thành phố.', 'Sở Công Thương'];
const ROW_2 = ['2', 'Số doanh nghiệp số', 'trên địa bàn', '- ≥ 500', 'Đồng chí Trần', 'Văn Nam, Phó', 'Chủ tịch thành phố.', 'Sở Tài chính, Sở', 'Công Thương'];
const ROW_3 = ['3', 'Tỷ lệ xã có điểm', 'phục vụ bưu chính', '90% 100%', 'Đồng chí Trần', 'Văn Nam, Phó', 'Chủ tịch thành phố.', 'Sở Công Thương'];

describe('linearized tables (pdftotext without -layout)', () => {
  it('rebuilds header, section and body rows from one line per cell line', () => {
    const text = ['PHỤ LỤC', ...HEADER, 'I Hạ tầng số', ...ROW_1, ...ROW_2, 'II Dữ liệu số', ...ROW_3].join('\n');
    const { tables } = findLinearizedTables([textPage(1, text)]);
    expect(tables).toHaveLength(1);
    const [t] = tables as [Table];
    expect(t.detection).toBe('text-linearized');
    expect(t.columnCount).toBe(6);
    expect(t.confidence).toBeLessThan(0.97);
    expect(t.rows.map((r) => r.kind)).toEqual(['header', 'section', 'body', 'body', 'section', 'body']);
    expect(rowTexts(t)).toEqual([
      ['Stt', 'Chỉ tiêu', 'Năm 2025', 'Năm 2030', 'Đồng chí được phân công chỉ đạo', 'Cơ quan chủ trì theo dõi'],
      ['I Hạ tầng số'],
      ['1', 'Tỷ lệ hộ gia đình có kết nối cáp quang', '≥70%', '100%', 'Đồng chí Trần Văn Nam, Phó Chủ tịch thành phố.', 'Sở Công Thương'],
      ['2', 'Số doanh nghiệp số trên địa bàn', '-', '≥ 500', 'Đồng chí Trần Văn Nam, Phó Chủ tịch thành phố.', 'Sở Tài chính, Sở Công Thương'],
      ['II Dữ liệu số'],
      ['3', 'Tỷ lệ xã có điểm phục vụ bưu chính', '90%', '100%', 'Đồng chí Trần Văn Nam, Phó Chủ tịch thành phố.', 'Sở Công Thương'],
    ]);
    expect(t.cells.find((c) => c.text === 'I Hạ tầng số')?.colSpan).toBe(6);
  });

  it('drops a repeated header and its page number, and joins a row cut by the page break', () => {
    // row 2 breaks after its first lines: the rest of each cell follows the header printed again
    const text = [
      ...HEADER, ...ROW_1,
      '2', 'Số doanh nghiệp số', '- ≥ 500', 'Đồng chí Trần', 'Sở Tài chính, Sở',
      '17', ...HEADER,
      'trên địa bàn', 'Văn Nam, Phó', 'Chủ tịch thành phố.', 'Công Thương',
      ...ROW_3,
    ].join('\n');
    const [t] = findLinearizedTables([textPage(1, text)]).tables as [Table];
    expect(t.rows.filter((r) => r.kind === 'header')).toHaveLength(1);
    expect(rowTexts(t).map((r) => r[0])).toEqual(['Stt', '1', '2', '3']);
    expect(rowTexts(t)[2]).toEqual(['2', 'Số doanh nghiệp số trên địa bàn', '-', '≥ 500', 'Đồng chí Trần Văn Nam, Phó Chủ tịch thành phố.', 'Sở Tài chính, Sở Công Thương']);
  });

  it('continues a table over a form feed and splits cells printed on one line', () => {
    const header = ['Stt Tên nhiệm vụ', 'Đơn vị chủ', 'trì', 'Sản phẩm Thời gian'];
    const page1 = [...header, '1', 'Xây dựng kế hoạch', 'chuyển đổi số', 'Sở Khoa học và', 'Công nghệ', 'Kế hoạch Năm 2026'].join('\n');
    const page2 = ['2 Rà soát thủ tục', 'hành chính', 'Sở Nội vụ', 'Báo cáo Thường xuyên'].join('\n');
    const { tables } = findLinearizedTables([textPage(1, page1), textPage(2, page2)]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.pages).toEqual([1, 2]);
    expect(rowTexts(tables[0]!)).toEqual([
      ['Stt', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Sản phẩm', 'Thời gian'],
      ['1', 'Xây dựng kế hoạch chuyển đổi số', 'Sở Khoa học và Công nghệ', 'Kế hoạch', 'Năm 2026'],
      ['2', 'Rà soát thủ tục hành chính', 'Sở Nội vụ', 'Báo cáo', 'Thường xuyên'],
    ]);
  });

  it('leaves one-line headers, TAB rows and OCR-repaired pages to the other readers', () => {
    const oneLine = ['TT Chỉ tiêu Đơn vị Kết quả', '1 Tỷ lệ hộ có cáp quang % 80 Sở Công Thương'].join('\n');
    const tabs = ['TT\tNội dung\tĐơn vị chủ trì', '1\tXây dựng kế hoạch\tSở Nội vụ'].join('\n');
    const ocr = [...HEADER, ...ROW_1, ...ROW_2].join('\n');
    expect(findLinearizedTables([textPage(1, oneLine), textPage(2, tabs), textPage(3, ocr, ['ocr-repaired'])]).tables).toEqual([]);
  });

  it('keeps the table lines out of the prose blocks', async () => {
    const text = ['Các chỉ tiêu như sau:', ...HEADER, ...ROW_1, ...ROW_3].join('\n');
    const layout = await layoutPages({ pages: [textPage(1, text)], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('layout'));
    expect(layout.tables).toHaveLength(1);
    expect(layout.pages[0]!.blocks.map((b) => b.text)).toEqual(['Các chỉ tiêu như sau:']);
  });
});
