import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markPageContinuations } from '../../../src/layout/blocks/page-continuation.js';
import type { Page, Section } from '../../../schemas/index.js';
import { runDocument } from '../../../src/pipeline/index.js';
import { placeBlocks } from '../../../src/records/prose-records.js';

const PLAN = `Số: /KH-UBND

## KẾ HOẠCH Chuyển đổi số năm 2026

### I. MỤC TIÊU, CHỈ TIÊU

#### 1. Các chỉ tiêu thực hiện

(01) Chỉ số DTI hằng năm của xã top 5 toàn thành phố.

(02) Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến.

#### 2. Nhóm chỉ tiêu về chuyển đổi số

- Tỷ lệ cán bộ được bồi dưỡng kỹ năng số: 100%.

#### 3. Nhóm chỉ tiêu về sáng kiến

Số lượng sáng kiến cấp cơ sở được công nhận tối thiểu 15 sáng kiến.

### II. TỔ CHỨC THỰC HIỆN

#### 1. Phòng Văn hóa - Xã hội

- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan triển khai Kế hoạch.

- Tham mưu bồi dưỡng kỹ năng số cho cán bộ, công chức.

+ Tổ chức 02 lớp tập huấn.

#### 2. Công an xã

Bảo đảm an ninh mạng trên địa bàn.

Nơi nhận:

- Lưu: VT.
`;

describe('records from prose', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-ingest-prose-'));
  writeFileSync(join(dir, 'plan.md'), PLAN);
  const doc = await runDocument(join(dir, 'plan.md'), { ocr: null });

  it('reads numbered "(01)" indicators, bullets under a targets heading, and the paragraph of one without bullets', () => {
    expect(doc.indicators.map((i) => i.code)).toEqual(['01', '02', '2.a', '3.a']);
    expect(doc.indicators[3]?.targets.map((t) => t.raw)).toEqual(['tối thiểu 15 sáng kiến']);
    expect(doc.indicators[1]?.targets[0]).toMatchObject({ raw: 'Tối thiểu 80%', comparator: '>=', value: 80, unit: '%', kind: 'percent' });
    expect(doc.indicators[0]?.targets[0]).toMatchObject({ kind: 'rank', value: 5, annual: true });
    expect(doc.indicators[2]?.section).toBe('2. Nhóm chỉ tiêu về chuyển đổi số');
  });

  it('reads the tasks under each unit heading, with the unit as lead', () => {
    expect(doc.assignments.map((a) => [a.code, a.lead.map((l) => l.raw)])).toEqual([
      ['1.a', ['Phòng Văn hóa - Xã hội']],
      ['1.b', ['Phòng Văn hóa - Xã hội']],
      ['2.a', ['Công an xã']],
    ]);
    expect(doc.assignments[0]?.cooperating.map((c) => c.raw)).toEqual(['các cơ quan, đơn vị liên quan']);
    // "+" sub-items stay in their task; the "Nơi nhận" list is not a task
    expect(doc.assignments[1]?.task).toBe('Tham mưu bồi dưỡng kỹ năng số cho cán bộ, công chức. + Tổ chức 02 lớp tập huấn.');
  });

  it('gives every record an id stable for the document content', () => {
    for (const r of [...doc.indicators, ...doc.assignments]) expect(r.id).toMatch(new RegExp(`^${doc.id}:(ind|asg):`));
  });

  it('leaves the duties under "Tổ chức thực hiện" out when the plan assigns its tasks in a table, and says so', async () => {
    const table = '\n### PHỤ LỤC\n\n| TT | Nội dung | Đơn vị chủ trì | Thời gian hoàn thành |\n| --- | --- | --- | --- |\n| 1 | Xây dựng cơ sở dữ liệu | Văn phòng | Quý III/2026 |\n| 2 | Số hóa hồ sơ | Công an xã | 2026 |\n';
    const with_ = join(dir, 'with-table.md');
    writeFileSync(with_, PLAN + table);
    const withTable = await runDocument(with_, { ocr: null });
    expect(withTable.assignments.map((a) => [a.code, a.task])).toEqual([['1', 'Xây dựng cơ sở dữ liệu'], ['2', 'Số hóa hồ sơ']]);
    expect(withTable.issues.filter((i) => i.code === 'implementation-duties')).toHaveLength(2);
    // without the table, the same duties are the plan's assignments (above)
    expect(doc.issues.some((i) => i.code === 'implementation-duties')).toBe(false);
  });

  it('goes on with a paragraph the page break cut, into the next page\'s first paragraph, but not into a bullet or a heading', () => {
    const blk = (text: string, lineStart: number) => ({ text, lineStart, lineEnd: lineStart + 1, box: null, bold: false, fontSize: 12, continues: false, banner: false });
    const pg = (number: number, blocks: ReturnType<typeof blk>[]): Page => ({
      number, width: 595, height: 842, origin: 'text-layer', text: '', words: [], lines: [], rulings: [], blocks, quality: null, repairs: [], originalText: null,
    });
    const unit: Section = { id: 's1', number: '4', title: 'Công an xã', level: 2, parent: null, page: 1, line: 0, kind: 'heading' };
    // layout decides which first block goes on from the page before; records joins them
    const placed = placeBlocks(
      markPageContinuations([
        pg(1, [blk('4. Công an xã', 0), blk('- Bảo đảm an toàn cho việc khai thác dữ liệu từ', 1)]),
        pg(2, [blk('Cơ sở dữ liệu quốc gia về dân cư.', 0), blk('- Tuyên truyền về an ninh mạng', 1)]),
        pg(3, [blk('- Phối hợp kiểm tra.', 0)]),
      ]),
      [unit],
    );
    expect(placed.map((p) => [p.page, p.block.text])).toEqual([
      [1, '- Bảo đảm an toàn cho việc khai thác dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư.'],
      [2, '- Tuyên truyền về an ninh mạng'],
      [3, '- Phối hợp kiểm tra.'],
    ]);
  });

  it('joins a sentence layout cut in two on a page, and across a page break past a footnote in smaller type, but not a closed sentence or an item', () => {
    const blk = (text: string, lineStart: number, fontSize = 12) => ({ text, lineStart, lineEnd: lineStart + 1, box: null, bold: false, fontSize, continues: false, banner: false });
    const pg = (number: number, blocks: ReturnType<typeof blk>[]): Page => ({
      number, width: 595, height: 842, origin: 'ocr', text: '', words: [], lines: [], rulings: [], blocks, quality: null, repairs: [], originalText: null,
    });
    const placed = placeBlocks(
      [
        pg(1, [
          blk('Sở Y tế có trách nhiệm báo cáo kết quả theo Công văn số 12/SYT ngày', 0),
          blk('05 tháng 3 năm 2026 của Bộ Y tế và các cơ quan, đơn vị', 2),
          blk('có liên quan phối hợp thực hiện.', 4),
          blk('2. Sở Tài chính bố trí kinh phí.', 5),
          blk('Đề nghị các xã gửi báo cáo về Sở Nội vụ (qua Phòng Tổ chức, địa chỉ số 10 đường Trần Phú, tỉnh', 6),
          blk('1 Các xã đã gửi báo cáo: xã An Phú; xã Bình Minh.', 8, 8),
          blk('Sở Nội vụ, số 10 đường Trần Phú', 9, 8),
        ]),
        pg(2, [blk('Lâm Đồng) trước ngày 10/4/2026.', 0), blk('Nơi nhận:', 1)]),
      ],
      [],
    );
    expect(placed.map((p) => [p.page, p.block.text])).toEqual([
      [1, 'Sở Y tế có trách nhiệm báo cáo kết quả theo Công văn số 12/SYT ngày 05 tháng 3 năm 2026 của Bộ Y tế và các cơ quan, đơn vị có liên quan phối hợp thực hiện.'],
      [1, '2. Sở Tài chính bố trí kinh phí.'],
      [1, 'Đề nghị các xã gửi báo cáo về Sở Nội vụ (qua Phòng Tổ chức, địa chỉ số 10 đường Trần Phú, tỉnh Lâm Đồng) trước ngày 10/4/2026.'],
      [1, '1 Các xã đã gửi báo cáo: xã An Phú; xã Bình Minh.'],
      [1, 'Sở Nội vụ, số 10 đường Trần Phú'],
    ]);
  });

  it('reads partners named without "với" when an agency follows, and a frequency closing the task as its timeline', async () => {
    const plan = `## KẾ HOẠCH Chuyển đổi số năm 2026\n\n### III. NHIỆM VỤ CỤ THỂ\n\n#### 8. Phòng Thông tin\n\n- Tổ chức thành công Diễn đàn chuyển đổi số thành phố hàng năm.\n\n- Quảng bá thành tựu; phối hợp cơ quan ngoại giao, các tổ chức xúc tiến thương mại – đầu tư để quảng bá sản phẩm.\n\n- Phối hợp triển khai các nhiệm vụ chuyển đổi số theo chỉ đạo của cấp trên.\n`;
    const file = join(dir, 'partners.md');
    writeFileSync(file, plan);
    const { assignments } = await runDocument(file, { ocr: null });
    expect(assignments.map((a) => [a.code, a.timeline?.raw ?? null, a.cooperating.map((c) => c.raw)])).toEqual([
      ['8.a', 'hàng năm', []],
      ['8.b', null, ['cơ quan ngoại giao', 'các tổ chức xúc tiến thương mại – đầu tư']],
      ['8.c', null, []],
    ]);
  });

  it('takes a deadline a unit\'s task states into its timeline, and splits its partners at each body', async () => {
    const plan = `## KẾ HOẠCH Chuyển đổi số năm 2026\n\n### III. NHIỆM VỤ CỤ THỂ\n\n#### 2. Phòng Kinh tế\n\n- Hoàn thành rà soát hồ sơ đất đai trước ngày 30/6/2026.\n\n- Phối hợp chặt chẽ với Ban Quản lý dự án đầu tư xây dựng số 1, Trung tâm Phát triển quỹ đất và địa phương trong công tác giải phóng mặt bằng.\n`;
    const file = join(dir, 'deadlines.md');
    writeFileSync(file, plan);
    const { assignments } = await runDocument(file, { ocr: null });
    expect(assignments[0]).toMatchObject({ code: '2.a', task: 'Hoàn thành rà soát hồ sơ đất đai' });
    expect(assignments[0]?.timeline).toMatchObject({ raw: 'trước ngày 30/6/2026', kind: 'deadline', end: '2026-06-30' });
    expect(assignments[1]?.cooperating.map((c) => c.raw)).toEqual(['Ban Quản lý dự án đầu tư xây dựng số 1', 'Trung tâm Phát triển quỹ đất', 'địa phương']);
    expect(assignments[1]?.timeline).toBeNull();
  });
});
