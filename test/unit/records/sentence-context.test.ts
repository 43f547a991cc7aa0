import { describe, expect, it } from 'vitest';
import type { Block, Section } from '../../../schemas/index.js';
import { sentenceAssignments } from '../../../src/records/sentence-assignments.js';
import { attachedRegulationStart } from '../../../src/records/attached-regulation.js';
import { isAgencyHeading } from '../../../src/lexicon/index.js';

/**
 * Where a sentence stands decides whether it assigns: a decision's closing
 * formula, a charter or annex attached after the articles, a report's
 * account of the past, a heading naming things, and the periods and
 * conditions around an item's task. Synthetic sentences, each rule with a
 * case it must take and one it must leave.
 */

type Placed = { block: Block; page: number; section: Section | null };
const blk = (text: string, line: number): Block => ({ text, lineStart: line, lineEnd: line + 1, box: null, kind: 'paragraph' }) as unknown as Block;

/** A document as (text | heading) lines; a heading `## 2. Sở Y tế:` opens a section the lines below sit in. */
function doc(...lines: string[]): { placed: Placed[]; sections: Section[] } {
  const sections: Section[] = [];
  const placed: Placed[] = [];
  let current: Section | null = null;
  lines.forEach((text, line) => {
    const h = /^(#+)\s+(?:([\dIVX]+|[a-zđ])[.)]\s+)?(.*)$/u.exec(text);
    if (h) {
      const level = h[1]!.length;
      let parent: Section | null = current;
      while (parent && parent.level >= level) parent = sections.find((s) => s.id === parent!.parent) ?? null;
      current = { id: `s${line}`, number: h[2] ?? '', title: h[3]!, level, parent: parent?.id ?? null, page: 1, line, kind: 'heading' };
      sections.push(current);
      placed.push({ block: blk(`${h[2] ? `${h[2]}. ` : ''}${h[3]}`, line), page: 1, section: current });
      return;
    }
    placed.push({ block: blk(text, line), page: 1, section: current });
  });
  return { placed, sections };
}
const read = (d: { placed: Placed[]; sections: Section[] }, o: { report?: boolean } = {}) => sentenceAssignments(d.placed, new Set(), d.sections, o);
const leads = (r: { lead: { raw: string }[] }): string[] => r.lead.map((l) => l.raw);

describe('where a sentence stands', () => {
  it('reads a decision closing with "… căn cứ Quyết định thi hành", every body before the formula the lead', () => {
    const [a, more] = read(doc('Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Y tế, Chủ tịch Hội đồng quản lý Quỹ Bảo trợ trẻ em tỉnh và Thủ trưởng các cơ quan có liên quan căn cứ Quyết định thi hành./.'));
    expect(more).toBeUndefined();
    expect(a).toMatchObject({ code: 'Điều 3', task: 'căn cứ Quyết định thi hành' });
    expect(leads(a!)).toEqual(['Chánh Văn phòng Ủy ban nhân dân tỉnh', 'Giám đốc Sở Y tế', 'Chủ tịch Hội đồng quản lý Quỹ Bảo trợ trẻ em tỉnh', 'Thủ trưởng các cơ quan có liên quan']);
    // the formula after words that are no names gives nothing
    expect(read(doc('Điều 2. Việc sửa đổi Điều lệ căn cứ Quyết định thi hành.'))).toEqual([]);
  });

  it('takes no task from a charter attached to the decision (its articles restart at "Điều 1")', () => {
    const d = doc(
      'Điều 1. Công nhận Điều lệ Quỹ Bảo trợ trẻ em tỉnh ban hành kèm theo Quyết định này.',
      'Điều 2. Giám đốc Sở Y tế chịu trách nhiệm thi hành Quyết định này.',
      'Điều 1. Tên gọi, trụ sở của Quỹ.',
      'Điều 9. Ban Kiểm soát Quỹ có trách nhiệm kiểm tra, giám sát hoạt động của Quỹ.',
    );
    expect(attachedRegulationStart(d.placed)).toEqual({ page: 1, line: 2 });
    expect(read(d).map((r) => r.code)).toEqual(['Điều 2']);
    // articles that only go up are the decision's own
    expect(attachedRegulationStart(doc('Điều 1. A.', 'Điều 2. B.', 'Điều 3. C.').placed)).toBeNull();
  });

  it('ends the decision\'s articles at an annex: a procedure\'s numbered step naming an office holder is no clause of the decision', () => {
    const clause = '3. Giám đốc Sở Văn hóa thành lập Hội đồng thẩm định cấp tỉnh.';
    expect(read(doc('Điều 2. Nhiệm vụ của các cơ quan', clause)).map((r) => leads(r))).toEqual([['Giám đốc Sở Văn hóa']]);
    expect(read(doc('Điều 2. Nhiệm vụ của các cơ quan', 'Điều 3. Quyết định này có hiệu lực kể từ ngày ký.', 'PHỤ LỤC I', 'QUY TRÌNH XÉT CÔNG NHẬN', clause))).toEqual([]);
  });

  it('gives a lettered clause of a decision to the office holder it names first, not to its heading\'s body', () => {
    const [a] = read(doc('Điều 2. Tổ chức thực hiện', '## 4. Ủy ban nhân dân cấp tỉnh', 'd) Chủ tịch Ủy ban nhân dân cấp tỉnh tổ chức thẩm định hồ sơ đề nghị công nhận.'));
    expect(leads(a!)).toEqual(['Chủ tịch Ủy ban nhân dân cấp tỉnh']);
    expect(a!.task).toBe('tổ chức thẩm định hồ sơ đề nghị công nhận');
  });

  it('reads a report\'s plans for what is to be done, not its account of what was done nor its proposals', () => {
    const d = doc(
      '# II. CÔNG TÁC QUẢN LÝ NHÀ NƯỚC',
      'UBND tỉnh đã chỉ đạo các sở, ngành triển khai. Giao Sở Nội vụ thường xuyên theo dõi, hướng dẫn các hội.',
      '# III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026',
      'Giao Sở Nội vụ chủ trì rà soát Điều lệ các hội trước ngày 30/6/2026.',
      '# IV. ĐỀ XUẤT, KIẾN NGHỊ',
      'Đề nghị Bộ Nội vụ xem xét, sớm trình Chính phủ sửa đổi Nghị định số 126/2024/NĐ-CP.',
    );
    const report = read(d, { report: true });
    expect(report.map((r) => r.task)).toEqual(['rà soát Điều lệ các hội']);
    expect(report[0]!.timeline?.raw).toBe('trước ngày 30/6/2026');
    // the same text in a letter assigns all three
    expect(read(d).length).toBe(3);
  });

  it('does not take a heading about things ("Những kết quả đạt được") for a body whose items are its tasks', () => {
    expect(isAgencyHeading('Những kết quả đạt được')).toBe(false);
    expect(isAgencyHeading('Các nội dung trọng tâm')).toBe(false);
    expect(isAgencyHeading('Các sở, ban, ngành')).toBe(true);
    expect(isAgencyHeading('Các thành viên Ban Chỉ đạo')).toBe(true);
    expect(read(doc('## 1. Những kết quả đạt được', 'Trong thời gian qua, các hội đã phát huy tốt vai trò trong tập hợp hội viên.'))).toEqual([]);
  });

  it('takes a recurring period opening a sentence of an item\'s task as its timeline, and out of the partners', () => {
    const [a, b] = read(doc(
      '## 3. Ủy ban nhân dân các tỉnh, thành phố:',
      'a) Chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội cùng cấp hàng năm tổ chức kiểm tra việc thực hiện. Định kỳ 6 tháng và hằng năm công khai báo cáo kết quả trên Cổng thông tin điện tử.',
      'b) Hàng năm tổ chức tập huấn cho cán bộ cấp xã.',
    ));
    expect(a!.cooperating.map((c) => c.raw)).toEqual(['Ủy ban Mặt trận Tổ quốc Việt Nam', 'các tổ chức chính trị - xã hội cùng cấp']);
    expect(a!.timeline?.raw).toBe('hàng năm; Định kỳ 6 tháng và hằng năm');
    expect(a!.task).not.toMatch(/hàng năm|Định kỳ/u);
    expect(b).toMatchObject({ task: 'tổ chức tập huấn cho cán bộ cấp xã' });
    expect(b!.timeline?.raw).toBe('Hàng năm');
    // and so after an opener and its lead: "Giao X chủ trì, phối hợp với Y hàng năm …"
    const [g] = read(doc('Giao Ủy ban nhân dân các xã chủ trì, phối hợp với các tổ chức chính trị - xã hội cùng cấp hàng năm tổ chức đối thoại với Nhân dân.'));
    expect(g!.cooperating.map((c) => c.raw)).toEqual(['các tổ chức chính trị - xã hội cùng cấp']);
    expect(g!.timeline?.raw).toBe('hàng năm');
    expect(g!.task).toBe('tổ chức đối thoại với Nhân dân');
    // a frequency that closes the task is no sentence's opener: it stays where it is
    const [c] = read(doc('## 2. Sở Y tế:', 'a) Tổ chức kiểm tra an toàn thực phẩm hằng năm.'));
    expect(c!.task).toContain('kiểm tra an toàn thực phẩm');
  });

  it('reads a period and a condition before an item\'s "chủ trì, phối hợp với …": the period is the timeline, the partners split', () => {
    const [a] = read(doc('## 2. Bộ Nông nghiệp và Môi trường:', 'b) Trong quá trình triển khai thực hiện, nếu có vấn đề phát sinh, chủ trì, phối hợp với các bộ, cơ quan trung ương liên quan và các địa phương nghiên cứu, đề xuất sửa đổi bộ tiêu chí.'));
    expect(leads(a!)).toEqual(['Bộ Nông nghiệp và Môi trường']);
    expect(a!.timeline?.raw).toBe('Trong quá trình triển khai thực hiện');
    expect(a!.cooperating.map((c) => c.raw)).toEqual(['các bộ, cơ quan trung ương liên quan', 'các địa phương']);
    expect(a!.task).toBe('nghiên cứu, đề xuất sửa đổi bộ tiêu chí');
    // an introduction that is no period stays in the task
    const [b] = read(doc('## 2. Bộ Nông nghiệp và Môi trường:', 'b) Căn cứ kết quả rà soát, chủ trì, phối hợp với các địa phương đề xuất sửa đổi.'));
    expect(b!.timeline).toBeNull();
    expect(b!.task).toContain('Căn cứ kết quả rà soát');
  });

  it('takes "trong thời gian 90 ngày kể từ …" inside a sentence as its deadline, with the event it runs from', () => {
    const [a] = read(doc('1. Các bộ, cơ quan trung ương liên quan căn cứ chức năng, nhiệm vụ được giao, ban hành hướng dẫn thực hiện trong thời gian 90 ngày kể từ ngày ban hành Quyết định này, phù hợp với điều kiện thực tế.'));
    expect(a!.timeline?.raw).toBe('trong thời gian 90 ngày kể từ ngày ban hành Quyết định này');
    expect(a!.task).toBe('căn cứ chức năng, nhiệm vụ được giao, ban hành hướng dẫn thực hiện, phù hợp với điều kiện thực tế');
    // "trong thời gian tới" names no period
    const [b] = read(doc('Đề nghị các sở, ngành tiếp tục theo dõi trong thời gian tới.'));
    expect(b!.timeline).toBeNull();
  });

  it('reads "Các Bộ: A, B, C …" as the bodies a group names by their members, up to the task\'s first verb in small letters', () => {
    const [a] = read(doc('3. Các Bộ: Nội vụ, Xây dựng, Giáo dục và Đào tạo căn cứ chức năng nhiệm vụ được giao ban hành hướng dẫn thực hiện các tiêu chí do Bộ quản lý.'));
    expect(leads(a!)).toEqual(['Các Bộ: Nội vụ, Xây dựng, Giáo dục và Đào tạo']);
    expect(a!.task).toBe('căn cứ chức năng nhiệm vụ được giao ban hành hướng dẫn thực hiện các tiêu chí do Bộ quản lý');
    // a group of things with a colon names no bodies
    expect(read(doc('Các nội dung: tuyên truyền, phổ biến pháp luật được thực hiện thường xuyên.'))).toEqual([]);
  });
});

