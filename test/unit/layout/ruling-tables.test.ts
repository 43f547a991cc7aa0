import { describe, expect, it } from 'vitest';
import type { Ruling, Table } from '../../../schemas/index.js';
import { layoutPages } from '../../../src/layout/index.js';
import { IssueLog } from '../../../src/core/index.js';
import { fullGrid, page, word } from '../../support/synthetic-page.js';

const XS = [50, 100, 300, 400];
const layout = async (pages: ReturnType<typeof page>[]): Promise<Table[]> =>
  (await layoutPages({ pages, needsOcr: [], scanDpi: {} }, new IssueLog().forStage('layout'))).tables;
const rowTexts = (t: Table): string[][] =>
  t.rows.map((r) => t.cells.filter((c) => c.row === r.index).sort((a, b) => a.col - b.col).map((c) => c.text));

/** A section row: one cell across the table, so no vertical rules inside it. */
function withSectionRow(ys: number[], sectionRow: number): Ruling[] {
  return fullGrid(XS, ys).flatMap((r) => {
    if (r.orientation === 'h' || r.at === XS[0] || r.at === XS.at(-1)) return [r];
    const [top, bottom] = [ys[sectionRow] ?? 0, ys[sectionRow + 1] ?? 0];
    return [{ ...r, to: top }, { ...r, from: bottom }];
  });
}

describe('tables from ruling lines', () => {
  it('builds a grid with header, section and body rows, joining multi-line cells', async () => {
    const ys = [100, 120, 140, 180];
    const words = [
      word('TT', 55, 105, true), word('Nội', 105, 105, true), word('dung', 125, 105, true), word('Đơn', 305, 105, true), word('vị', 325, 105, true),
      word('I', 55, 125), word('Phát', 70, 125), word('triển', 95, 125),
      word('1', 55, 145), word('Xây', 105, 145), word('dựng', 125, 145), word('cơ', 150, 145), word('sở', 105, 160), word('dữ', 120, 160), word('liệu', 135, 160), word('Sở', 305, 145), word('Tài', 320, 145), word('chính', 340, 145),
    ];
    const [table] = await layout([page(1, words, withSectionRow(ys, 1))]);
    expect(table?.columnCount).toBe(3);
    expect(table?.rows.map((r) => r.kind)).toEqual(['header', 'section', 'body']);
    expect(rowTexts(table as Table)).toEqual([['TT', 'Nội dung', 'Đơn vị'], ['I Phát triển'], ['1', 'Xây dựng cơ sở dữ liệu', 'Sở Tài chính']]);
    expect(table?.cells.find((c) => c.row === 1)?.colSpan).toBe(3);
    expect(table?.cells.every((c) => c.box && c.page === 1)).toBe(true);
  });

  it('joins a word hyphenated at a cell line end', async () => {
    const words = [word('TT', 55, 105, true), word('Nội', 105, 105, true), word('X', 305, 105, true), word('1', 55, 125), word('Số', 105, 125), word('57-', 130, 125), word('NQ/TW', 105, 140), word('a', 305, 125)];
    const [table] = await layout([page(1, words, fullGrid(XS, [100, 120, 160]))]);
    expect(rowTexts(table as Table)[1]).toEqual(['1', 'Số 57-NQ/TW', 'a']);
  });

  it('merges a table continued on the next page, dropping the repeated header and joining a split row', async () => {
    const header = [word('TT', 55, 105, true), word('Nội', 105, 105, true), word('Đơn', 305, 105, true)];
    const p1 = page(1, [...header, word('1', 55, 125), word('Việc', 105, 125), word('một', 130, 125), word('Sở', 305, 125)], fullGrid(XS, [100, 120, 140]));
    const p2 = page(2, [...header, word('hết', 105, 125), word('dòng', 130, 125), word('2', 55, 145), word('Việc', 105, 145), word('hai', 130, 145), word('Ban', 305, 145)], fullGrid(XS, [100, 120, 140, 160]));
    const tables = await layout([p1, p2]);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.pages).toEqual([1, 2]);
    expect(rowTexts(tables[0] as Table)).toEqual([['TT', 'Nội', 'Đơn'], ['1', 'Việc một hết dòng', 'Sở'], ['2', 'Việc hai', 'Ban']]);
  });

  it('merges a continuation that does not repeat the header', async () => {
    const p1 = page(1, [word('TT', 55, 105, true), word('Nội', 105, 105, true), word('Đơn', 305, 105, true), word('1', 55, 125), word('A', 105, 125), word('B', 305, 125)], fullGrid(XS, [100, 120, 140]));
    const p2 = page(2, [word('2', 55, 105), word('C', 105, 105), word('D', 305, 105)], fullGrid(XS, [100, 120]));
    const tables = await layout([p1, p2]);
    expect(tables).toHaveLength(1);
    expect(rowTexts(tables[0] as Table)).toEqual([['TT', 'Nội', 'Đơn'], ['1', 'A', 'B'], ['2', 'C', 'D']]);
  });

  it('merges a continuation whose repeated header OCR read differently', async () => {
    const header = (a: string, b: string, c: string) => [word(a, 55, 105, true), word(b, 105, 105, true), word(c, 305, 105, true)];
    const p1 = page(1, [...header('TT', 'Nội dung', 'Ghi chú'), word('1', 55, 125), word('A', 105, 125), word('B', 305, 125)], fullGrid(XS, [100, 120, 140]));
    const p2 = page(2, [...header('4 HH', 'ˆ Nội dung', 'Ghi chú'), word('2', 55, 125), word('C', 105, 125), word('D', 305, 125)], fullGrid(XS, [100, 120, 140]));
    const tables = await layout([p1, p2]);
    expect(tables).toHaveLength(1);
    expect(rowTexts(tables[0] as Table)).toEqual([['TT', 'Nội dung', 'Ghi chú'], ['1', 'A', 'B'], ['2', 'C', 'D']]);
  });

  it('keeps a table with the same columns but another header and a title above it apart', async () => {
    const p1 = page(1, [word('TT', 55, 105, true), word('Chỉ tiêu', 105, 105, true), word('Đơn vị', 305, 105, true), word('1', 55, 125), word('A', 105, 125), word('B', 305, 125)], fullGrid(XS, [100, 120, 140]));
    const title = ['PHỤ', 'LỤC', 'II:', 'NHIỆM', 'VỤ', 'CỤ', 'THỂ'].map((w, i) => word(w, 60 + i * 40, 60, true));
    const p2 = page(2, [...title, word('STT', 55, 105, true), word('Nhiệm vụ', 105, 105, true), word('Thời gian', 305, 105, true), word('1', 55, 125), word('C', 105, 125), word('D', 305, 125)], fullGrid(XS, [100, 120, 140]));
    expect(await layout([p1, p2])).toHaveLength(2);
  });

  it('merges a continuation whose header OCR garbled beyond comparison when it opens the next page', async () => {
    const p1 = page(1, [word('Stt', 55, 105, true), word('Chỉ tiêu', 105, 105, true), word('Sản phẩm đầu ra', 305, 105, true), word('1', 55, 125), word('A', 105, 125), word('B', 305, 125)], fullGrid(XS, [100, 120, 140]));
    const p2 = page(2, [word('sư', 55, 105, true), word('ñ pham', 105, 105, true), word('” Sự phản', 305, 105, true), word('2', 55, 125), word('C', 105, 125), word('D', 305, 125)], fullGrid(XS, [100, 120, 140]));
    const tables = await layout([p1, p2]);
    expect(tables).toHaveLength(1);
    expect(rowTexts(tables[0] as Table).slice(1)).toEqual([['1', 'A', 'B'], ['2', 'C', 'D']]);
  });

  it('joins one grid that a lost rule or a full-width section row split in two on the same page', async () => {
    const head = [word('TT', 55, 105, true), word('Nội', 105, 105, true), word('Đơn', 305, 105, true), word('1', 55, 125), word('A', 105, 125), word('B', 305, 125)];
    const rest = [word('2', 55, 165), word('C', 105, 165), word('D', 305, 165), word('3', 55, 185), word('E', 105, 185), word('F', 305, 185)];
    const grids = [...fullGrid(XS, [100, 120, 140]), ...fullGrid(XS, [160, 180, 200])];
    const split = await layout([page(1, [...head, ...rest], grids)]);
    expect(split).toHaveLength(1);
    expect(rowTexts(split[0] as Table).slice(1)).toEqual([['1', 'A', 'B'], ['2', 'C', 'D'], ['3', 'E', 'F']]);
    const section = [word('II', 55, 145, true), word('Phát', 75, 145, true), word('triển', 100, 145, true)];
    const [withSection] = await layout([page(1, [...head, ...section, ...rest], grids)]);
    expect(rowTexts(withSection as Table).slice(1)).toEqual([['1', 'A', 'B'], ['II Phát triển'], ['2', 'C', 'D'], ['3', 'E', 'F']]);
    expect(withSection?.rows[2]?.kind).toBe('section');
    // a caption wider than the table between them: two tables
    const caption = [word('Bảng', 30, 145), word('2:', 60, 145), word('các', 200, 145), word('chỉ', 420, 145)];
    expect(await layout([page(1, [...head, ...caption, ...rest], grids)])).toHaveLength(2);
  });

  it('on an OCR page, takes a number with a stray mark for a row number, and a long first row for a body row', async () => {
    const ocr = (p: ReturnType<typeof page>) => ({ ...p, origin: 'ocr' as const });
    const long = 'Kiện toàn Ban Chỉ đạo có cơ chế chính sách đãi ngộ phù hợp bố trí cán bộ có trình độ năng lực về khoa học kỹ thuật'.split(' ');
    const p1 = ocr(page(1, [word('Stt', 55, 105), word('Nội', 105, 105), word('Đơn', 305, 105), word('1', 55, 125), word('|', 65, 125), word('A', 105, 125), word('B', 305, 125)], fullGrid(XS, [100, 120, 140])));
    const [t1] = await layout([p1]);
    expect(t1?.rows.map((r) => r.kind)).toEqual(['header', 'body']);
    // "TT" read as "4 HH" is still the header: a number with a word beside it is no row number
    const garbled = ocr(page(1, [word('4', 55, 105), word('HH', 65, 105), word('Nội', 105, 105), word('Đơn', 305, 105), word('1', 55, 125), word('A', 105, 125), word('B', 305, 125)], fullGrid(XS, [100, 120, 140])));
    expect((await layout([garbled]))[0]?.rows.map((r) => r.kind)).toEqual(['header', 'body']);
    // the first column holds a task (its number column lost): long text, no number
    const p2 = ocr(page(2, [...long.map((w) => word(w, 55, 105)), word('Sở', 305, 105), word('Việc', 55, 125), word('C', 305, 125)], fullGrid(XS, [100, 120, 140])));
    const [t2] = await layout([p2]);
    expect(t2?.rows.map((r) => r.kind)).toEqual(['body', 'body']);
  });

  it('recovers a column whose outer rule the scan lost from the row rules running out to it', async () => {
    const rules = fullGrid(XS, [100, 120, 140, 160]).filter((r) => !(r.orientation === 'v' && r.at === XS[0]));
    const words = [word('TT', 55, 105), word('Nội', 105, 105), word('Đơn', 305, 105), word('1', 55, 125), word('A', 105, 125), word('B', 305, 125), word('2', 55, 145), word('C', 105, 145), word('D', 305, 145)];
    const [t] = await layout([page(1, words, rules)]);
    expect(t?.columnCount).toBe(3);
    expect(rowTexts(t as Table)).toEqual([['TT', 'Nội', 'Đơn'], ['1', 'A', 'B'], ['2', 'C', 'D']]);
  });

  it('keeps tables with different columns apart', async () => {
    const p1 = page(1, [word('TT', 55, 105, true), word('A', 105, 105, true), word('B', 305, 105, true), word('1', 55, 125), word('x', 105, 125), word('y', 305, 125)], fullGrid(XS, [100, 120, 140]));
    const p2 = page(2, [word('Stt', 55, 105, true), word('C', 205, 105, true), word('1', 55, 125), word('z', 205, 125)], fullGrid([50, 200, 400], [100, 120, 140]));
    expect(await layout([p1, p2])).toHaveLength(2);
  });
});
