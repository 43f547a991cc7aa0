import { describe, expect, it } from 'vitest';
import type { Table, TableCell, TableRow } from '../../../schemas/index.js';
import { mergeContinuations } from '../../../src/layout/tables/table-continuation.js';

/** A ruled table part on one page: rows of [kind, cells…] at 20 pt a row from `top`, columns 100 pt wide from x = 50. */
function part(page: number, top: number, rows: [TableRow['kind'], ...string[]][]): Table {
  const cells: TableCell[] = rows.flatMap(([, ...texts], r) =>
    texts.map((text, col) => ({ row: r, col, rowSpan: 1, colSpan: 1, text, page, box: { x0: 50 + col * 100, y0: top + r * 20, x1: 150 + col * 100, y1: top + r * 20 + 20 } })),
  );
  return {
    id: '', caption: null, pages: [page], columnCount: rows[0]!.length - 1, detection: 'ruling-lines', confidence: 0.85,
    rows: rows.map(([kind], r) => ({ index: r, kind, page })), cells, columns: [], kind: 'other', kindEvidence: '',
  };
}

describe('mergeContinuations', () => {
  it('drops a repeated header read as a grid of its own right above the rest of the table, and goes on with the table', () => {
    const first = part(1, 100, [['header', 'TT', 'Chỉ tiêu', 'Năm 2030'], ['body', '1', 'Tỷ lệ phủ sóng 5G', '100%']]);
    const header = part(2, 40, [['header', 'TT', 'Chi tiêu', 'Năm 2030']]);
    const rest = part(2, 62, [['body', '2', 'Tỷ lệ hộ có cáp quang', '≥ 90%'], ['body', '3', 'Số doanh nghiệp số', '500']]);
    const [merged, ...others] = mergeContinuations([first, header, rest]);
    expect(others).toEqual([]);
    expect(merged!.pages).toEqual([1, 2]);
    expect(merged!.rows.filter((r) => r.kind === 'body')).toHaveLength(3);
    expect(merged!.cells.filter((c) => c.col === 0 && c.page === 2).map((c) => c.text)).toEqual(['2', '3']);
  });

  it('keeps a header-only grid that stands apart from the table under it (a caption, a new table)', () => {
    const first = part(1, 100, [['header', 'TT', 'Chỉ tiêu', 'Năm 2030'], ['body', '1', 'Tỷ lệ phủ sóng 5G', '100%']]);
    const header = part(2, 40, [['header', 'TT', 'Nội dung', 'Thời gian']]);
    const far = part(2, 300, [['body', '1', 'Xây dựng kế hoạch', '2026']]);
    expect(mergeContinuations([first, header, far]).length).toBeGreaterThan(1);
  });
});
