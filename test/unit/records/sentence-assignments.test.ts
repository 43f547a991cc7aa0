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

  it('reads a group narrowed down by a clause ("các huyện chưa hoàn thành …") up to the task\'s verb, without the form of address', () => {
    const [a] = read('Để kịp thời tổng hợp, đề nghị các đồng chí Chủ tịch UBND các huyện chưa hoàn thành việc kiểm kê đất đai khẩn trương báo cáo về Sở Tài chính trước ngày 10/3/2026.');
    expect(a!.lead.map((l) => l.raw).join('; ')).toBe('Chủ tịch UBND các huyện chưa hoàn thành việc kiểm kê đất đai');
    expect(a!.task).toBe('khẩn trương báo cáo về Sở Tài chính');
    expect(a!.timeline?.raw).toBe('trước ngày 10/3/2026');
    // a named body and "không …" is a clause of its own, not a narrowed group
    expect(read('Quá thời hạn, Hội Nông dân tỉnh không tổ chức đại hội, Chủ tịch Ủy ban nhân dân tỉnh sẽ xem xét xử lý.')).toEqual([]);
  });

  it('keeps a bracket the OCR broke with a dot in its sentence, and takes a closing deadline whose opener the OCR garbled, saying so', () => {
    const [a] = read('Đề nghị các xã khẩn trương gửi báo cáo về Sở Nội vụ (qua Phòng Tổ chức, số điện thoại: 0263. 3822.456) trrnớc ngày 10/4/2026.');
    expect(a!.task).toBe('khẩn trương gửi báo cáo về Sở Nội vụ (qua Phòng Tổ chức, số điện thoại: 0263. 3822.456)');
    expect(a!.timeline?.raw).toBe('trước ngày 10/4/2026');
    expect(a!.notes).toContain('trrnớc ngày 10/4/2026');
    // words as printed before a closing date are never taken for a garbled opener ("đã ký ngày …" is a signing date)
    const [b] = read('Đề nghị các xã khẩn trương gửi báo cáo theo mẫu đã ký ngày 10/4/2026.');
    expect(b!.timeline).toBeNull();
    expect(b!.task).toBe('khẩn trương gửi báo cáo theo mẫu đã ký ngày 10/4/2026');
  });

  it('reads an officer a letter names to a role ("phân công đồng chí Thiếu tá … làm đầu mối …"), the form of address left out', () => {
    const [a] = read('Công an tỉnh phân công đồng chí Thiếu tá Trần Văn An (Đội trưởng, số điện thoại: 0912.345.678) làm đầu mối liên hệ, phối hợp./.');
    expect(a!.lead.map((l) => l.raw).join(', ')).toBe('Thiếu tá Trần Văn An (Đội trưởng, số điện thoại: 0912.345.678)');
    expect(a!.task).toBe('làm đầu mối liên hệ, phối hợp');
  });

  it('takes no report of what was done: a numbered document issued, a sentence dated to the day', () => {
    expect(read('Ngày 10/3/2026, Ủy ban nhân dân tỉnh ban hành Quyết định số 12/QĐ-UBND về việc thành lập Tổ công tác.')).toEqual([]);
    expect(read('Ngày 10/3/2026, đồng chí Trần Văn An - Phó Chủ tịch UBND tỉnh kiểm tra công tác chuẩn bị thi công.')).toEqual([]);
    // a task to issue a document that has no number yet is a task
    expect(read('Giao Sở Nội vụ chủ trì ban hành Kế hoạch thực hiện trước ngày 30/6/2026.')).toHaveLength(1);
  });

  it('takes no request another document made ("đã gửi Công văn … về việc đề nghị …")', () => {
    expect(read('Ngày 10/3/2026, Sở Y tế đã gửi Công văn số 12/SYT về việc đề nghị các bệnh viện rà soát trang thiết bị.')).toEqual([]);
  });

  it('codes a decision article\'s later paragraph by its article, and reads a "Sau khi …" opening as the timeline', () => {
    const found = read('Điều 6. Quyết định này có hiệu lực kể từ ngày ký.', 'Sau khi Đề án được phê duyệt, Sở Y tế có trách nhiệm tổ chức triển khai Đề án.');
    expect(found.map((a) => [a.code, a.lead.map((l) => l.raw).join('; '), a.task, a.timeline?.raw ?? null])).toEqual([['Điều 6', 'Sở Y tế', 'tổ chức triển khai Đề án', 'Sau khi Đề án được phê duyệt']]);
  });

  it('reads the items of a list a paragraph opens with "đề nghị:" as agency and task', () => {
    const found = read('IV. Văn phòng Chính phủ trân trọng đề nghị:', '1. Bộ Công an báo cáo kết quả thực hiện trong ngày 10 tháng 01 năm 2026.', '2. Các Bộ, cơ quan, địa phương tải tài liệu Phiên họp tại:');
    expect(found.map((a) => [a.code, a.lead.map((l) => l.raw).join('; '), a.task])).toEqual([
      ['1', 'Bộ Công an', 'báo cáo kết quả thực hiện'],
      ['2', 'Các Bộ, cơ quan, địa phương', 'tải tài liệu Phiên họp tại'],
    ]);
    expect(found[0]!.timeline?.raw).toBe('trong ngày 10 tháng 01 năm 2026');
  });

  it('reads groups of bodies named first, before the task\'s verb, and leaves a later "đề nghị" in the task', () => {
    const [a] = read('Các cơ quan, đơn vị, địa phương căn cứ nội dung Kế hoạch, chủ động lập hồ sơ đề nghị Chủ tịch UBND tỉnh tặng Bằng khen gửi về Sở Nội vụ trước ngày 15/02/2027.');
    expect(a!.lead.map((l) => l.raw)).toEqual(['Các cơ quan, đơn vị, địa phương']);
    expect(a!.task).toBe('căn cứ nội dung Kế hoạch, chủ động lập hồ sơ đề nghị Chủ tịch UBND tỉnh tặng Bằng khen gửi về Sở Nội vụ');
    expect(a!.timeline?.raw).toBe('trước ngày 15/02/2027');
    // a named body before a verb is as often a report of what it did, or a verb inside a name: not read this way
    expect(read('Hội đồng quản lý Quỹ ban hành các quy định về quản lý tài sản.')).toEqual([]);
    expect(read('Báo cáo kết quả thực hiện gửi Sở Nội vụ.')).toEqual([]);
  });

  it('takes a period that opens the sentence before its agencies or its opener as the timeline, but not one with a condition', () => {
    const [a] = read('Điều 5. Trong thời hạn 60 ngày làm việc, Ban Chủ nhiệm lâm thời có trách nhiệm tổ chức Đại hội.');
    expect(a).toMatchObject({ code: 'Điều 5', task: 'tổ chức Đại hội' });
    expect(a!.timeline?.raw).toBe('Trong thời hạn 60 ngày làm việc');
    const [b] = read('3. Trong quá trình tổ chức thực hiện, đề nghị Ủy ban nhân dân các tỉnh căn cứ chức năng, nhiệm vụ báo cáo khó khăn, vướng mắc.');
    expect(b!.timeline?.raw).toBe('Trong quá trình tổ chức thực hiện');
    const [c] = read('Trong quá trình tổ chức thực hiện, nếu phát sinh khó khăn, đề nghị các cơ quan, đơn vị kịp thời báo cáo UBND tỉnh.');
    expect(c!.lead.map((l) => l.raw)).toEqual(['các cơ quan, đơn vị']);
    expect(c!.timeline).toBeNull();
  });

  it('takes deadlines by reference, "đến" before a whole date, and a bracketed deadline note out of the task; the verb before a deadline stays', () => {
    const [a] = read('2. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ hướng dẫn việc tổ chức đại hội đảm bảo hoàn thành theo thời gian tại khoản 1 Công văn này./.');
    expect(a!.task).toBe('hướng dẫn việc tổ chức đại hội đảm bảo hoàn thành');
    expect(a!.timeline).toMatchObject({ raw: 'theo thời gian tại khoản 1 Công văn này', kind: 'by-reference' });
    const [b] = read('1. Các sở, ban, ngành xây dựng Kế hoạch của cơ quan mình để tổ chức thực hiện (Kế hoạch ban hành trước ngày 15/3/2026).');
    expect(b!.task).toBe('xây dựng Kế hoạch của cơ quan mình để tổ chức thực hiện');
    expect(b!.timeline?.raw).toBe('trước ngày 15/3/2026');
    const [c] = read('Yêu cầu Nhà đầu tư lập hồ sơ, hoàn thành trước 30/5/2026 và gửi Sở Xây dựng, đến 15/6/2026 phải bàn giao mặt bằng.');
    expect(c!.timeline?.raw).toBe('trước 30/5/2026; đến 15/6/2026');
    expect(c!.task).toBe('lập hồ sơ, hoàn thành và gửi Sở Xây dựng, phải bàn giao mặt bằng');
  });

  it('splits a cooperating list at each body, with or without "với", and ends it at the task\'s verb, not at a verb inside a name', () => {
    const [a] = read('3. Giao Ban Quản lý dự án đầu tư xây dựng số 1 chủ trì, phối hợp Sở Nông nghiệp và Môi trường, Nhà Đầu tư và địa phương có liên quan làm việc với các hộ dân.');
    expect(a!.lead.map((l) => l.raw)).toEqual(['Ban Quản lý dự án đầu tư xây dựng số 1']);
    expect(a!.cooperating.map((l) => l.raw)).toEqual(['Sở Nông nghiệp và Môi trường', 'Nhà Đầu tư', 'địa phương có liên quan']);
    expect(a!.task).toBe('làm việc với các hộ dân');
    // a group keeps its own nouns
    const [b] = read('Giao Sở Y tế chủ trì, phối hợp chặt chẽ với các sở, ban, ngành và địa phương tổ chức tiêm chủng.');
    expect(b!.cooperating.map((l) => l.raw)).toEqual(['các sở, ban, ngành và địa phương']);
  });

  it('reads "Đối với X: <agency> chủ trì …" and a name then a colon only when a task verb follows', () => {
    const [a] = read('c) Đối với Bộ tiêu chí cấp xã: Bộ Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các bộ, cơ quan liên quan hướng dẫn nội dung các tiêu chí.');
    expect(a!.lead.map((l) => l.raw)).toEqual(['Bộ Văn hóa, Thể thao và Du lịch']);
    expect(a!.task).toBe('hướng dẫn nội dung các tiêu chí');
    expect(read('b) UBND xã Bảo Lâm 2: Rà soát toàn bộ hồ sơ của các hộ dân.')[0]!.lead.map((l) => l.raw)).toEqual(['UBND xã Bảo Lâm 2']);
    // a criterion for a body is no task
    expect(read('+ Đối với UBND cấp xã: Có kết quả đánh giá chỉ số đạt loại Tốt.')).toEqual([]);
  });

  it('goes on with an item\'s later sentences that assign nothing new, but not with a paragraph\'s', () => {
    const [a] = read('5. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh tăng cường công tác giám sát. Trên cơ sở đó, phối hợp chặt chẽ với chính quyền các cấp tuyên truyền cho Nhân dân.');
    expect(a!.task).toBe('tăng cường công tác giám sát. Trên cơ sở đó, phối hợp chặt chẽ với chính quyền các cấp tuyên truyền cho Nhân dân');
    expect(a!.cooperating.map((l) => l.raw)).toEqual(['chính quyền các cấp']);
    const [b] = read('Đề nghị các cơ quan, đơn vị gửi danh sách về Công an tỉnh. Mọi thông tin xin liên hệ Phòng Tham mưu.');
    expect(b!.task).toBe('gửi danh sách về Công an tỉnh');
  });

  it('gives the bullets under "… . Giao X:" to X, less a "Chủ trì, phối hợp với Y" that opens them, and a later sentence with its own agency a record of its own', () => {
    const found = read(
      'Thống nhất tổ chức Hội nghị gặp mặt doanh nghiệp. Giao Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh:',
      '- Nghiên cứu nội dung, thành phần Hội nghị để tổ chức trong tháng 5/2026.',
      '- Chủ trì, phối hợp với Sở Tài chính và các sở, ngành liên quan rà soát danh mục dự án. Các sở, ban, ngành liên quan chủ động chuẩn bị nội dung trả lời kiến nghị của doanh nghiệp.',
    );
    expect(found.map((a) => [a.lead.map((l) => l.raw).join('; '), a.cooperating.map((l) => l.raw).join('; '), a.task, a.timeline?.raw ?? null])).toEqual([
      ['Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh', '', 'Nghiên cứu nội dung, thành phần Hội nghị để tổ chức', 'trong tháng 5/2026'],
      ['Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh', 'Sở Tài chính; các sở, ngành liên quan', 'rà soát danh mục dự án', null],
      ['Các sở, ban, ngành liên quan', '', 'chủ động chuẩn bị nội dung trả lời kiến nghị của doanh nghiệp', null],
    ]);
    // a plain paragraph without the closing "Giao X:" hands nothing on
    expect(read('Thống nhất tổ chức Hội nghị gặp mặt doanh nghiệp.', '- Nghiên cứu nội dung Hội nghị.')).toEqual([]);
  });

  it('takes no member list entry for a task, and no accountability for a duty', () => {
    expect(read('Giao Trung tâm Xúc tiến Đầu tư tỉnh:', '- Ông Lê Văn Hồng, Phó Giám đốc Sở Y tế;', '- Luật sư Đỗ Minh Trúc - Chủ nhiệm;', '- Mời bà H’Vi ÊBan – Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh;')).toEqual([]);
    expect(read('Giám đốc Quỹ chịu trách nhiệm trước Hội đồng quản lý Quỹ về việc thực hiện các nhiệm vụ được giao.')).toEqual([]);
  });

  it('reads a body given a role before its duty, and gives an article\'s later paragraph the article\'s label and every name its semicolons part', () => {
    const [a] = read('1. Sở Nội vụ là cơ quan thường trực của Hội đồng có trách nhiệm làm đầu mối cho Hội đồng.');
    expect(a!.lead.map((l) => l.raw)).toEqual(['Sở Nội vụ']);
    expect(a!.task).toBe('làm đầu mối cho Hội đồng');
    const found = read('3. Các thành viên Hội đồng làm việc theo chế độ kiêm nhiệm.', 'Điều 5. Quyết định này có hiệu lực kể từ ngày ký ban hành.', 'Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Nội vụ; Thủ trưởng các sở, ban, ngành có liên quan chịu trách nhiệm thi hành Quyết định này./.');
    expect(found.map((r) => [r.code, r.lead.map((l) => l.raw), r.task])).toEqual([['Điều 5', ['Chánh Văn phòng Ủy ban nhân dân tỉnh', 'Giám đốc Sở Nội vụ', 'Thủ trưởng các sở, ban, ngành có liên quan'], 'thi hành Quyết định này']]);
  });

  it('takes a period running from an event, and a deadline given by an event, as the timeline', () => {
    const [a] = read('Điều 3. Trong thời hạn 07 ngày làm việc kể từ ngày kết thúc Đại hội, Ban Chủ nhiệm Đoàn Luật sư tỉnh có trách nhiệm báo cáo kết quả Đại hội.');
    expect(a!.timeline?.raw).toBe('Trong thời hạn 07 ngày làm việc kể từ ngày kết thúc Đại hội');
    expect(a!.task).toBe('báo cáo kết quả Đại hội');
    const [b] = read('Ngoài ra, để đảm bảo sự đồng thuận, đề nghị Công an tỉnh lấy ý kiến thống nhất trước khi trình cấp có thẩm quyền xem xét, quyết định.');
    expect(b!.lead.map((l) => l.raw)).toEqual(['Công an tỉnh']);
    expect(b!.task).toBe('lấy ý kiến thống nhất');
    expect(b!.timeline?.raw).toBe('trước khi trình cấp có thẩm quyền xem xét, quyết định');
    const [c] = read('- Sau khi VCCI công bố kết quả PCI năm 2025, giao Trung tâm Xúc tiến Đầu tư tỉnh chủ trì, phối hợp với các đơn vị liên quan tham mưu UBND tỉnh ban hành Kế hoạch.');
    expect(c!.timeline?.raw).toBe('Sau khi VCCI công bố kết quả PCI năm 2025');
  });

  it('reads "quý cơ quan" as the letter\'s addressees, gives it the reply deadline of the next paragraph, and no task to the issuer itself', () => {
    const blocks = ['Bộ Tài chính dự thảo Thông tư quy định mức thu phí. Đề nghị quý cơ quan nghiên cứu, có ý kiến tham gia về dự thảo Thông tư.', 'Ý kiến xin gửi về Bộ Tài chính trước ngày 11/02/2025.'];
    const found = sentenceAssignments(blocks.map((t, i) => block(t, i)), new Set(), [], { addressees: ['Các Bộ, cơ quan ngang Bộ', 'Ủy ban nhân dân các tỉnh'], issuer: 'Bộ Tài chính' });
    expect(found.map((a) => [a.lead.map((l) => l.raw), a.task, a.timeline?.raw ?? null])).toEqual([[['Các Bộ, cơ quan ngang Bộ', 'Ủy ban nhân dân các tỉnh'], 'nghiên cứu, có ý kiến tham gia về dự thảo Thông tư', 'trước ngày 11/02/2025']]);
    // "UBND tỉnh giao Sở Nội vụ …" quoted in Sở Nội vụ's own letter is the superior's instruction, not this letter's task
    const quoted = 'Thực hiện ý kiến chỉ đạo của UBND tỉnh tại Công văn số 4377/UBND-NC; trong đó, UBND tỉnh giao Sở Nội vụ nghiên cứu thực hiện đề nghị trên theo thẩm quyền.';
    expect(sentenceAssignments([block(quoted)], new Set(), [], { issuer: 'Sở Nội vụ' })).toEqual([]);
    expect(sentenceAssignments([block(quoted)], new Set(), [], { issuer: 'Ủy ban nhân dân tỉnh' })).toHaveLength(1);
    // a paragraph about something else after the request keeps its date to itself
    const other = sentenceAssignments(['Đề nghị các cơ quan, đơn vị gửi danh sách về Công an tỉnh.', 'Hội nghị được tổ chức trước ngày 20/8/2025.'].map((t, i) => block(t, i)), new Set());
    expect(other[0]!.timeline).toBeNull();
  });

  it('reads no assignment inside a passage quoted from another document, and reads on after it', () => {
    const found = read(
      'Bộ Nội vụ có ý kiến như sau:',
      '“1. Theo quy định tại khoản 6 Điều 21 Nghị định số 126/2024/NĐ-CP, cơ quan nhà nước thông báo kết quả đại hội.',
      '2. Ban Thường trực Ủy ban Mặt trận Tổ quốc cấp tỉnh có trách nhiệm thực hiện sắp xếp tổ chức bộ máy của các hội.',
      'Do đó, Sở Nội vụ đề nghị các hội do Đảng, Nhà nước giao nhiệm vụ báo cáo Ban Thường trực Ủy ban Mặt trận Tổ quốc tỉnh”.',
      'Do đó, Ủy ban nhân dân tỉnh đề nghị Ban Thường trực Ủy ban Mặt trận Tổ quốc tỉnh căn cứ văn bản trả lời của Bộ Nội vụ để triển khai thực hiện./.',
    );
    expect(found.map((a) => [a.lead.map((l) => l.raw), a.task])).toEqual([[['Ban Thường trực Ủy ban Mặt trận Tổ quốc tỉnh'], 'căn cứ văn bản trả lời của Bộ Nội vụ để triển khai thực hiện']]);
  });

  it('reads no assignment from a passage quoted after a colon inside a paragraph (up to the end of the paragraph when its closing mark is lost), and keeps quoted words in a task given outside the quote', () => {
    // the obligation a quoted rule sets is the rule's, whether the quote opens the sentence or the sentence goes on inside it
    expect(read('Căn cứ khoản 2 Điều 9 Thông tư số 12/2024/TT-BXD: “1. Trong thời hạn 10 ngày, Ban quản lý dự án gửi hồ sơ về Sở Xây dựng. Trong thời hạn 05 ngày, Sở Xây dựng có trách nhiệm thẩm định hồ sơ.”')).toEqual([]);
    expect(read('Căn cứ Điều 3 Quyết định số 45/QĐ-UBND, theo đó quy định: “Ban quản lý chợ có trách nhiệm báo cáo kết quả cho Ủy ban nhân dân huyện.”')).toEqual([]);
    // a passage whose closing ” is missing (lost by the OCR) runs to the end of its paragraph, not over the next one
    const unclosed = read('Căn cứ Quy chế phối hợp, theo đó quy định: “Trong thời hạn 07 ngày, Ban Điều hành Hợp tác xã có trách nhiệm báo cáo cho Ủy ban nhân dân xã. Ủy ban nhân dân xã có trách nhiệm thẩm định', 'Đề nghị Phòng Kinh tế gửi báo cáo trước ngày 15/6/2026.');
    expect(unclosed.map((a) => [a.lead.map((l) => l.raw), a.task])).toEqual([[['Phòng Kinh tế'], 'gửi báo cáo']]);
    const [a, ...more] = read('Đề nghị Sở Y tế nghiên cứu, sửa khoản 3 Điều 2 dự thảo thành: “Trạm Y tế xã có trách nhiệm báo cáo hằng tháng.”');
    expect(more).toEqual([]);
    expect(a!.lead.map((l) => l.raw)).toEqual(['Sở Y tế']);
    expect(a!.task).toContain('“Trạm Y tế xã có trách nhiệm báo cáo hằng tháng');
  });

  it('reads a letter\'s polite request to its own addressees ("kính đề nghị các đồng chí …") as theirs, and still no proposal to a superior', () => {
    const addressed = (text: string, addressees: string[]) => sentenceAssignments([block(text)], new Set(), [], { addressees });
    const text = 'Để tổng hợp kịp thời, kính đề nghị các đồng chí gửi danh sách về Sở Y tế trước ngày 20/3/2026 để theo dõi.';
    const [a] = addressed(text, ['Trung tâm Y tế các huyện', 'Bệnh viện Đa khoa tỉnh']);
    expect(a!.lead.map((l) => l.raw)).toEqual(['Trung tâm Y tế các huyện', 'Bệnh viện Đa khoa tỉnh']);
    expect(a!.task).toBe('gửi danh sách về Sở Y tế để theo dõi');
    expect(a!.timeline?.raw).toBe('trước ngày 20/3/2026');
    // no "Kính gửi" list: nobody to hand it to, the "kính" keeps it a courtesy
    expect(addressed(text, [])).toEqual([]);
    // a body named after "kính đề nghị" is still a proposal to that superior
    expect(addressed('Sở Tài chính kính đề nghị Ủy ban nhân dân tỉnh xem xét, phê duyệt dự toán.', ['Ủy ban nhân dân tỉnh'])).toEqual([]);
  });

  it('reads the bodies a subject belongs to as the lead when the opener names no one ("Báo cáo của các sở … đề nghị gửi về …")', () => {
    const [a, ...more] = read('Báo cáo của các sở, ban, ngành đề nghị gửi về Sở Kế hoạch và Đầu tư trước ngày 05/4/2026 để tổng hợp chung.');
    expect(more).toEqual([]);
    expect(a!.lead.map((l) => l.raw).join('; ')).toBe('các sở, ban, ngành');
    expect(a!.task).toBe('gửi về Sở Kế hoạch và Đầu tư để tổng hợp chung');
    expect(a!.timeline?.raw).toBe('trước ngày 05/4/2026');
    // an introductory phrase ends at its comma: the body named in it is not asked
    expect(read('Trên cơ sở ý kiến của Sở Tư pháp, đề nghị gửi hồ sơ về Văn phòng trước ngày 10/5/2026.').flatMap((r) => r.lead.map((l) => l.raw))).not.toContain('Sở Tư pháp');
  });

  it('reads an office holder named first in a decision\'s numbered clause, not a verb inside a body\'s name, nor a charter attached to the decision', () => {
    const [a] = read('Điều 2. Tổ chức thực hiện', '2. Giám đốc Trung tâm Dịch vụ việc làm tỉnh Phú Yên xây dựng quy chế phối hợp của Trung tâm.');
    expect(a).toMatchObject({ code: '2', task: 'xây dựng quy chế phối hợp của Trung tâm' });
    expect(a!.lead.map((l) => l.raw)).toEqual(['Giám đốc Trung tâm Dịch vụ việc làm tỉnh Phú Yên']);
    // outside a decision's articles a named holder and a verb may report what was done
    expect(read('2. Giám đốc Trung tâm Dịch vụ việc làm tỉnh Phú Yên xây dựng quy chế phối hợp của Trung tâm.')).toEqual([]);
    // "Chủ tịch Hội đồng quản lý Quỹ": the verb after the body's head noun is part of its name
    expect(read('Điều 2. Tổ chức', '3. Chủ tịch Hội đồng quản lý Quỹ tổ chức các phiên họp định kỳ.')).toEqual([]);
    // a charter attached to the decision restarts at "Điều 1": its clauses are standing rules
    expect(read('Điều 1. Công nhận Điều lệ Quỹ.', 'Điều 2. Quyết định có hiệu lực.', 'Điều 1. Tên gọi', '2. Giám đốc Trung tâm Dịch vụ việc làm tỉnh Phú Yên xây dựng quy chế phối hợp của Trung tâm.')).toEqual([]);
  });
});
