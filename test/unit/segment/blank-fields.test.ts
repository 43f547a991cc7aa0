import { describe, expect, it } from 'vitest';
import type { Line, Page } from '../../../schemas/index.js';
import { IssueLog } from '../../../src/core/index.js';
import { segmentDocument } from '../../../src/segment/index.js';

const line = (text: string, x: number, y: number): Line => ({ text, box: { x0: x, y0: y, x1: x + text.length * 6, y1: y + 12 }, fontSize: 12, bold: false, wordStart: 0, wordEnd: 0 });
const page = (numberLine: string, dateLine: string): Page => {
  const lines = [line('UBND TỈNH LÂM ĐỒNG', 100, 50), line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 280, 50), line(numberLine, 110, 80), line(dateLine, 280, 80), line('QUYẾT ĐỊNH', 260, 120)];
  return { number: 1, width: 595, height: 842, origin: 'text-layer', text: lines.map((l) => l.text).join('\n'), words: [], lines, rulings: [], blocks: [], quality: null, repairs: [], originalText: null };
};

async function infoIssues(numberLine: string, dateLine: string): Promise<{ code: string; message: string }[]> {
  const log = new IssueLog();
  await segmentDocument({ pages: [page(numberLine, dateLine)], tables: [] }, log.forStage('segment'));
  return log.all().filter((i) => i.severity === 'info');
}
const issuesOf = async (numberLine: string, dateLine: string): Promise<string[]> => (await infoIssues(numberLine, dateLine)).map((i) => i.code);

describe('segmentDocument: blanks in the number and the date are said', () => {
  it('says a number and a day left blank (a draft)', async () => {
    const codes = await issuesOf('Số:      /QĐ-UBND', 'Lâm Đồng, ngày      tháng 9 năm 2025');
    expect(codes).toContain('number-blank');
    expect(codes).toContain('date-blank');
  });
  it('quotes the date as printed, not the whole line', async () => {
    const date = (await infoIssues('Số: /QĐ-UBND', 'Lâm Đồng, ngày   tháng 9 năm 2025')).find((i) => i.code === 'date-blank');
    expect(date?.message).toContain('ngày   tháng 9 năm 2025');
    expect(date?.message).not.toContain('Lâm Đồng');
  });
  it('says a month left blank, specks of ink aside', async () => {
    expect(await issuesOf('Số: 12/QĐ-UBND', "Lâm Đồng, ngày 12 tháng ' năm 2025")).toContain('date-blank');
  });
  it('says nothing of a number and a date filled in', async () => {
    const codes = await issuesOf('Số: 1406/QĐ-UBND', 'Lâm Đồng, ngày 22 tháng 9 năm 2025');
    expect(codes).not.toContain('number-blank');
    expect(codes).not.toContain('date-blank');
  });
});
