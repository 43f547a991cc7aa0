import { describe, expect, it } from 'vitest';
import { parseTimeline } from '../../../src/records/index.js';

describe('parseTimeline', () => {
  it.each([
    ['2025', 'year', '2025-01-01', '2025-12-31', null],
    ['2026-2027', 'range', '2026-01-01', '2027-12-31', null],
    ['2025 - 2026', 'range', '2025-01-01', '2026-12-31', null],
    ['Quý III/2026', 'quarter', '2026-07-01', '2026-09-30', null],
    ['Quý IV/2026', 'quarter', '2026-10-01', '2026-12-31', null],
    ['Tháng 12/2026', 'month', '2026-12-01', '2026-12-31', null],
    ['Tháng 2/2028', 'month', '2028-02-01', '2028-02-29', null],
    ['Hằng năm', 'annual', null, null, 'annual'],
    ['Hàng năm', 'annual', null, null, 'annual'],
    ['Thường xuyên', 'ongoing', null, null, null],
    ['Theo yêu cầu', 'on-request', null, null, null],
    ['Hoàn thành trong tháng 9/2025', 'month', '2025-09-01', '2025-09-30', null],
    ['Hoàn thành trong năm 2027', 'year', '2027-01-01', '2027-12-31', null],
    ['Trước ngày 15/12 hằng năm', 'deadline', null, null, 'annual'],
    ['Trước ngày 30/6/2026', 'deadline', null, '2026-06-30', null],
    ['Theo thời gian tại các Nghị quyết, Quyết định', 'by-reference', null, null, null],
  ])('%s', (raw, kind, start, end, recurrence) => {
    expect(parseTimeline(raw)).toEqual({ raw, kind, start, end, recurrence });
  });

  it('keeps what it cannot read as unknown, with raw', () => {
    expect(parseTimeline('Sau khi có hướng dẫn')).toMatchObject({ kind: 'unknown', raw: 'Sau khi có hướng dẫn' });
  });
});
