import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDocument } from '../../../src/pipeline/index.js';

/** The same request, once in a conference paper and once in a letter to the bodies it names. */
const REQUEST = 'Thứ hai là bảo đảm nguồn lực: đề nghị các bộ, ngành Trung ương tăng cường đầu tư cho công tác đào tạo nghề trước ngày 30/6/2026.';

async function assignmentsOf(lines: string[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'pi-paper-'));
  const file = join(dir, 'doc.txt');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return (await runDocument(file, { ocr: null, restoreModel: null })).assignments.length;
}

describe("a conference paper's recommendations", () => {
  it('are no assignments: the paper proposes to the conference, it gives no task', async () => {
    expect(await assignmentsOf(['THAM LUẬN', 'Giải pháp nâng cao chất lượng đào tạo nghề', 'Sở Lao động', '', 'Kính thưa các đồng chí lãnh đạo;', 'Sở kiến nghị các giải pháp sau:', REQUEST, 'Xin trân trọng cảm ơn!'])).toBe(0);
  });

  it('while the same request in a letter is one', async () => {
    expect(
      await assignmentsOf([
        'BỘ LAO ĐỘNG / Số: 12/BLĐ-ĐT\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc / Hà Nội, ngày 02 tháng 3 năm 2026',
        'V/v bảo đảm nguồn lực đào tạo nghề',
        'Kính gửi: Các bộ, ngành Trung ương.',
        REQUEST,
        'Nơi nhận: / - Như trên; / - Lưu: VT.\tKT. BỘ TRƯỞNG / THỨ TRƯỞNG / Nguyễn Văn B',
      ]),
    ).toBe(1);
  });
});
