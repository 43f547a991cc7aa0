import { describe, expect, it } from 'vitest';
import type { Block } from '../../../schemas/index.js';
import { sentenceAssignments } from '../../../src/records/sentence-assignments.js';

const block = (text: string, lineStart = 0): { block: Block; page: number; section: null } => ({
  block: { text, lineStart, lineEnd: lineStart + 1, box: null, kind: 'paragraph' } as unknown as Block,
  page: 1,
  section: null,
});
const read = (...texts: string[]) => sentenceAssignments(texts.map((t, i) => block(t, i)), new Set());

describe('assignments stated in a sentence', () => {
  it('reads "Giao X chủ trì, phối hợp với Y …" with its deadline taken out of the task', () => {
    const [a] = read('2. Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Nội vụ làm việc với Ban Chấp hành Hiệp hội trước ngày 30/9/2025.');
    expect(a).toMatchObject({ code: '2', task: 'làm việc với Ban Chấp hành Hiệp hội' });
    expect(a!.lead.map((l) => l.raw)).toEqual(['Sở Kế hoạch và Đầu tư']);
    expect(a!.cooperating.map((l) => l.raw)).toEqual(['Sở Nội vụ']);
    expect(a!.timeline?.raw).toBe('trước ngày 30/9/2025');
  });

  it('reads a decision article whose agencies come first ("… chịu trách nhiệm thi hành Quyết định này")', () => {
    const [a] = read('Điều 7. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tư pháp, Giám đốc Sở Nội vụ và các cơ quan, tổ chức có liên quan chịu trách nhiệm thi hành Quyết định này./.');
    expect(a).toMatchObject({ code: 'Điều 7', task: 'thi hành Quyết định này' });
    expect(a!.lead.length).toBeGreaterThanOrEqual(3);
    expect(a!.lead[0]!.raw).toBe('Chánh Văn phòng Ủy ban nhân dân tỉnh');
  });

  it('reads a request inside a sentence ("…, đề nghị các cơ quan … gửi …")', () => {
    const [a] = read('Để kịp thời tổng hợp, đề nghị các cơ quan, đơn vị khẩn trương gửi danh sách về Công an tỉnh trước ngày 22/8/2025.');
    expect(a!.lead.map((l) => l.raw).join('; ')).toBe('các cơ quan, đơn vị');
    expect(a!.task).toBe('khẩn trương gửi danh sách về Công an tỉnh');
    expect(a!.timeline?.raw).toBe('trước ngày 22/8/2025');
  });

  it('takes no proposal to a superior, no courtesy closing and no sentence without agencies', () => {
    expect(read('Sở Nội vụ kính đề nghị Chủ tịch UBND tỉnh xem xét, quyết định.')).toEqual([]);
    expect(read('Bộ Tư pháp trân trọng đề nghị Ủy ban nhân dân các tỉnh quan tâm chỉ đạo thực hiện.')).toEqual([]);
    expect(read('Xét đề nghị của Hiệp hội Doanh nghiệp tỉnh tại Công văn số 282/HHDN-K4.')).toEqual([]);
    expect(read('Bộ Tư pháp đề nghị các đồng chí Giám đốc Sở Tư pháp các tỉnh, thành phố quan tâm, triển khai thực hiện./.')).toEqual([]);
    expect(read('Tình hình kinh tế tiếp tục phát triển ổn định.')).toEqual([]);
  });

  it('reads the items of a list a paragraph opens with "đề nghị:" as agency and task', () => {
    const found = read('IV. Văn phòng Chính phủ trân trọng đề nghị:', '1. Bộ Công an báo cáo kết quả thực hiện trong ngày 10 tháng 01 năm 2026.', '2. Các Bộ, cơ quan, địa phương tải tài liệu Phiên họp tại:');
    expect(found.map((a) => [a.code, a.lead.map((l) => l.raw).join('; '), a.task])).toEqual([
      ['1', 'Bộ Công an', 'báo cáo kết quả thực hiện'],
      ['2', 'Các Bộ, cơ quan, địa phương', 'tải tài liệu Phiên họp tại'],
    ]);
    expect(found[0]!.timeline?.raw).toBe('trong ngày 10 tháng 01 năm 2026');
  });
});
