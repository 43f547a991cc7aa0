import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LayoutResult, Page, Table } from '../../../schemas/index.js';
import { loadOcrChannel, restoreLine, restoreTableCells, trainModel } from '../../../src/restore/index.js';

const seed = (name: string): string => readFileSync(new URL(`../../../fixtures/seeds/${name}.txt`, import.meta.url), 'utf8').normalize('NFC');
const model = trainModel(['000_5fe923ac2530a014', '002_8e0d8f3781295ac3'].map(seed));

// an OCR text row table: the name cell's words stand on two lines, the other columns' words between them
const printed = ['1 Ty le nguoi dan co ho so % 80 So Y te', 'suc khoe dien tu'];
// what a line-by-line decoding could have made of them (the test's own wrong readings)
const restored = ['1 Tỷ lệ người dân có hồ sơ % 80 Sở Y tế', 'súc khóe diễn tú'];
const page: Page = {
  number: 1, width: null, height: null, origin: 'text-layer', text: restored.join('\n'), words: [], lines: [], rulings: [], blocks: [], quality: null, repairs: ['ocr-repaired'], originalText: printed.join('\n'),
};
const cell = (col: number, text: string) => ({ row: 1, col, rowSpan: 1, colSpan: 1, text, page: 1, box: null });
const column = (index: number, role: 'code' | 'name' | 'unit' | 'target' | 'lead') => ({ index, role, header: '', source: 'header' as const, confidence: 1, evidence: '', year: null });
const table = (detection: Table['detection'], name: string): Table => ({
  id: 't1', caption: null, pages: [1], columnCount: 5, detection, confidence: 0.5, kind: 'indicators', kindEvidence: '',
  rows: [{ index: 0, kind: 'header', page: 1 }, { index: 1, kind: 'body', page: 1 }],
  columns: [column(0, 'code'), column(1, 'name'), column(2, 'unit'), column(3, 'target'), column(4, 'lead')],
  cells: [cell(0, '1'), cell(1, name), cell(2, '%'), cell(3, '80'), cell(4, 'Sở Y tế')],
});
const layout = (t: Table): LayoutResult => ({ pages: [page], tables: [t] });

describe('restoreTableCells', () => {
  it('decodes a text row table\'s name cell again from the words the OCR printed for it, as one run', () => {
    const out = restoreTableCells(layout(table('text-rows', 'Tỷ lệ người dân có hồ sơ súc khóe diễn tú')), model).tables[0]!;
    const name = out.cells.find((c) => c.col === 1)!.text;
    expect(name).toBe(restoreLine('Ty le nguoi dan co ho so suc khoe dien tu', model, loadOcrChannel()).text);
    expect(name).not.toBe('Tỷ lệ người dân có hồ sơ súc khóe diễn tú');
    // the unit, the figure and the agency are left to their own readers
    expect(out.cells.filter((c) => c.col !== 1)).toEqual(table('text-rows', '').cells.filter((c) => c.col !== 1));
  });

  it('reads a printed word without the specks an OCR put between its letters, and keeps the signs that join words', () => {
    const specked = { ...page, text: [restored[0], 'súc kho;e di‘en tú'].join('\n'), originalText: [printed[0], 'suc kho;e di‘en tu'].join('\n') };
    const out = restoreTableCells({ pages: [specked], tables: [table('text-rows', 'Tỷ lệ người dân có hồ sơ súc kho;e di‘en tú')] }, model).tables[0]!;
    expect(out.cells.find((c) => c.col === 1)!.text).toBe(restoreLine('Ty le nguoi dan co ho so suc khoe dien tu', model, loadOcrChannel()).text);
    const joined = { ...page, text: [restored[0], 'R&D 1Gb/s'].join('\n'), originalText: [printed[0], 'R&D 1Gb/s'].join('\n') };
    const kept = restoreTableCells({ pages: [joined], tables: [table('text-rows', 'Tỷ lệ người dân có hồ sơ R&D 1Gb/s')] }, model).tables[0]!;
    expect(kept.cells.find((c) => c.col === 1)!.text).toContain('R&D 1Gb/s');
  });

  it('reads the name\'s last words as the unit that repeats them reads, when that fits the name better', () => {
    const withUnit = (name: string, unit: string): Table => {
      const t = table('text-rows', name);
      return { ...t, cells: t.cells.map((c) => (c.col === 2 ? { ...c, text: unit } : c)) };
    };
    const nameOf = (t: Table): string => restoreTableCells(layout(t), model).tables[0]!.cells.find((c) => c.col === 1)!.text;
    expect(nameOf(withUnit('Hình thành sản dứt liều', 'Sàn dữ liệu'))).toBe('Hình thành sàn dữ liệu');
    // the name's own reading fits better: kept; so is a name whose words the unit does not repeat
    expect(nameOf(withUnit('Hình thành sàn dữ liệu', 'Sản dứt liều'))).toBe('Hình thành sàn dữ liệu');
    expect(nameOf(withUnit('Hình thành sản dứt liều', 'Trung tâm'))).toBe('Hình thành sản dứt liều');
  });

  it('keeps a word the table reader wrote itself, and leaves tables of other detections and pages not read through the OCR channel alone', () => {
    // "Tỉ" is no word of the page: kept as written
    const repaired = restoreTableCells(layout(table('text-rows', 'Tỉ lệ người dân có hồ sơ súc khóe diễn tú')), model).tables[0]!;
    expect(repaired.cells.find((c) => c.col === 1)!.text.split(' ')[0]).toBe('Tỉ');
    const grid = table('ruling-lines', 'Tỷ lệ người dân có hồ sơ súc khóe diễn tú');
    expect(restoreTableCells(layout(grid), model).tables[0]).toEqual(grid);
    const asRead = { pages: [{ ...page, originalText: null }], tables: [table('text-rows', 'Tỷ lệ người dân có hồ sơ súc khóe diễn tú')] };
    expect(restoreTableCells(asRead, model)).toEqual(asRead);
    // a page that only lost its marks was decoded with the document's cache: left as it was
    const stripped = { pages: [{ ...page, repairs: ['restored'] }], tables: [table('text-rows', 'Tỷ lệ người dân có hồ sơ súc khóe diễn tú')] };
    expect(restoreTableCells(stripped, model)).toEqual(stripped);
  });
});
