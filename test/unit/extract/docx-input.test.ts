import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocxPages } from '../../../src/extract/docx-input.js';
import { readSourceTables } from '../../../src/layout/tables/given/source-tables.js';
import { headerPathByColumn } from '../../../src/layout/tables/table-header.js';
import { documentXml, headerXml, numberingXml, p, relsXml, stylesXml, writeDocx } from '../../support/docx-package.js';

const dir = mkdtempSync(join(tmpdir(), 'docx-input-'));
const lvl = (ilvl: number, format: string, text: string): string => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const NUMBERING = numberingXml(
  `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%2.')}${lvl(2, 'lowerLetter', '%3)')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '-')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
);
/** "Heading1" numbers itself through its style, as Vietnamese templates do; "Heading2" inherits it and its bold. */
const STYLES = stylesXml(
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>',
);

const cell = (text: string, props = '', bold = true): string => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text, { bold })}</w:tc>`;
const BORDERS = '<w:tblPr><w:tblBorders><w:top w:val="single"/><w:insideH w:val="single"/></w:tblBorders></w:tblPr>';
/** A target table whose header merges cells both ways: "Chỉ tiêu" over two rows, "Mục tiêu" over two year columns. */
const TARGETS =
  `<w:tbl>${BORDERS}<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
  `<w:tr>${cell('Stt', '<w:vMerge w:val="restart"/>')}${cell('Chỉ tiêu', '<w:vMerge w:val="restart"/>')}${cell('Mục tiêu', '<w:gridSpan w:val="2"/>')}${cell('Cơ quan chủ trì', '<w:vMerge w:val="restart"/>')}</w:tr>` +
  `<w:tr>${cell('', '<w:vMerge/>')}${cell('', '<w:vMerge/>')}${cell('Năm 2025')}${cell('Năm 2030')}${cell('', '<w:vMerge/>')}</w:tr>` +
  `<w:tr>${cell('I. Phát triển hạ tầng', '<w:gridSpan w:val="5"/>')}</w:tr>` +
  `<w:tr>${cell('1', '', false)}${cell('Tỷ lệ phủ sóng 5G', '', false)}${cell('≥ 60%', '', false)}${cell('100%', '', false)}${cell('Sở Khoa học và Công nghệ', '', false)}</w:tr>` +
  '</w:tbl>';
/** The national header block: a borderless table, agency left, motto right. */
const HEADER_BLOCK =
  '<w:tbl><w:tblPr><w:tblBorders><w:top w:val="none"/><w:left w:val="nil"/></w:tblBorders></w:tblPr>' +
  `<w:tr><w:tc>${p('ỦY BAN NHÂN DÂN')}${p('Số: 44/KH-UBND')}</w:tc><w:tc>${p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')}${p('Hải Phòng, ngày 12 tháng 02 năm 2025')}</w:tc></w:tr></w:tbl>`;

describe('readDocxPages', () => {
  it('prints auto-numbered paragraphs with their labels, from direct numbering and from styles', async () => {
    const body =
      p('MỤC ĐÍCH', { style: 'Heading1' }) + p('Mục đích', { style: 'Heading2' }) + p('Phát triển hạ tầng', { num: ['1', 2] }) +
      p('Phủ sóng 5G', { num: ['2', 0] }) + p('Nhân lực', { num: ['1', 2] }) + p('Yêu cầu', { style: 'Heading2' }) + p('NHIỆM VỤ', { style: 'Heading1' }) +
      p('Không đánh số', { style: 'Heading1', num: ['0', 0] });
    const path = writeDocx(dir, 'numbering.docx', { 'word/document.xml': documentXml(body), 'word/numbering.xml': NUMBERING, 'word/styles.xml': STYLES });
    const [page] = await readDocxPages(path);
    expect(page!.lines.map((l) => l.text)).toEqual(['I. MỤC ĐÍCH', '1. Mục đích', 'a) Phát triển hạ tầng', '- Phủ sóng 5G', 'b) Nhân lực', '2. Yêu cầu', 'II. NHIỆM VỤ', 'Không đánh số']);
    expect(page!.lines.map((l) => l.bold)).toEqual([true, true, false, false, false, true, true, true]);
    expect(page!.sourceTables).toEqual([]);
  });

  it('keeps merged cells as spans, and layout reads both header rows and the section row', async () => {
    const path = writeDocx(dir, 'table.docx', { 'word/document.xml': documentXml(p('Phụ lục') + TARGETS) });
    const [page] = await readDocxPages(path);
    const [grid] = page!.sourceTables!;
    expect(grid).toMatchObject({ columnCount: 5, rowCount: 4, headerRows: 0 });
    const at = (text: string) => grid!.cells.find((c) => c.text === text);
    expect(at('Stt')).toMatchObject({ row: 0, col: 0, rowSpan: 2, colSpan: 1 });
    expect(at('Mục tiêu')).toMatchObject({ row: 0, col: 2, rowSpan: 1, colSpan: 2 });
    expect(at('Cơ quan chủ trì')).toMatchObject({ row: 0, col: 4, rowSpan: 2 });
    expect(at('Năm 2030')).toMatchObject({ row: 1, col: 3 });
    expect(at('Sở Khoa học và Công nghệ')).toMatchObject({ row: 3, col: 4 });
    // the rows are in the page text too, TAB-separated, in the lines the table names
    expect(page!.lines.slice(grid!.lineStart, grid!.lineEnd).map((l) => l.text)[3]).toBe('1\tTỷ lệ phủ sóng 5G\t≥ 60%\t100%\tSở Khoa học và Công nghệ');

    const [table] = readSourceTables(page!, 0);
    expect(table!.rows.map((r) => r.kind)).toEqual(['header', 'header', 'section', 'body']);
    expect(headerPathByColumn(table!)).toEqual([['Stt'], ['Chỉ tiêu'], ['Mục tiêu', 'Năm 2025'], ['Mục tiêu', 'Năm 2030'], ['Cơ quan chủ trì']]);
    expect(table!.detection).toBe('word-table');
  });

  it('reads a borderless header block as lines, left cell first, and puts each page between its header and footer', async () => {
    const sectPr = '<w:sectPr><w:headerReference w:type="default" r:id="rH"/><w:headerReference w:type="first" r:id="rF"/><w:footerReference w:type="default" r:id="rB"/><w:titlePg/></w:sectPr>';
    const body = HEADER_BLOCK + p('KẾ HOẠCH') + '<w:p><w:r><w:t>Trang một</w:t><w:br w:type="page"/><w:t>Trang hai</w:t></w:r></w:p>' + sectPr;
    const path = writeDocx(dir, 'margins.docx', {
      'word/document.xml': documentXml(body),
      'word/_rels/document.xml.rels': relsXml({ rH: 'header1.xml', rF: 'header2.xml', rB: 'footer1.xml' }),
      'word/header1.xml': headerXml(p('DỰ THẢO')),
      'word/header2.xml': headerXml(''),
      'word/footer1.xml': headerXml(p('Kế hoạch 44'), 'ftr'),
    });
    const pages = await readDocxPages(path);
    // a "different first page" (w:titlePg) without a first-page footer prints none there, as Word does
    expect(pages.map((pg) => pg.lines.map((l) => l.text))).toEqual([
      ['ỦY BAN NHÂN DÂN', 'Số: 44/KH-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Hải Phòng, ngày 12 tháng 02 năm 2025', 'KẾ HOẠCH', 'Trang một'],
      ['DỰ THẢO', 'Trang hai', 'Kế hoạch 44'],
    ]);
    expect(pages[0]!.sourceTables).toEqual([]);
    expect(pages.every((pg) => pg.lines.every((l) => l.box === null))).toBe(true);
  });

  it('leaves out deleted text and field codes, keeps inserted text and a field result, turns tabs into spaces', async () => {
    const body =
      '<w:p><w:r><w:t>Giao </w:t></w:r><w:del><w:r><w:delText>Sở Tài chính</w:delText></w:r></w:del><w:ins><w:r><w:t>Sở Nội vụ</w:t></w:r></w:ins>' +
      '<w:r><w:tab/><w:t>chủ trì</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>; trang 3</w:t></w:r></w:p>';
    const [page] = await readDocxPages(writeDocx(dir, 'tracked.docx', { 'word/document.xml': documentXml(body) }));
    expect(page!.lines.map((l) => l.text)).toEqual(['Giao Sở Nội vụ chủ trì; trang 3']);
  });

  it('prints footnote marks in the text and the footnotes at the foot of their page; hidden text stays out', async () => {
    const ref = (id: string) => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
    const body =
      `<w:p><w:r><w:t>Phủ sóng 5G đạt 100%</w:t></w:r>${ref('7')}<w:r><w:rPr><w:vanish/></w:rPr><w:t>ghi chú ẩn</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t>Chi 3,0% ngân sách</w:t></w:r>${ref('9')}</w:p>`;
    const notes =
      '<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="9"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Chỉ tiêu khung: 2%.</w:t></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Chỉ tiêu bổ sung.</w:t></w:r></w:p></w:footnote></w:footnotes>';
    const [page] = await readDocxPages(writeDocx(dir, 'notes.docx', { 'word/document.xml': documentXml(body), 'word/footnotes.xml': notes }));
    expect(page!.lines.map((l) => l.text)).toEqual(['Phủ sóng 5G đạt 100%1', 'Chi 3,0% ngân sách2', '1 Chỉ tiêu bổ sung.', '2 Chỉ tiêu khung: 2%.']);
  });

  it('refuses a part with a DOCTYPE (entity expansion) as a damaged .docx', async () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>';
    await expect(readDocxPages(writeDocx(dir, 'entities.docx', { 'word/document.xml': bomb }))).rejects.toMatchObject({ name: 'InputError', code: 'corrupt-docx', message: expect.stringMatching(/DOCTYPE/) });
  });

  it('refuses a package without word/document.xml', async () => {
    await expect(readDocxPages(writeDocx(dir, 'empty.docx', { 'word/other.xml': '<a/>' }))).rejects.toMatchObject({ code: 'corrupt-docx', message: expect.stringMatching(/no word\/document\.xml/) });
  });
});
