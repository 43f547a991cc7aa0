import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPdf } from '../../../src/core/index.js';
import { decodeGray, otsuThreshold, turnPng } from '../../../src/ocr/gray-bitmap.js';
import { isSideways, isUpsideDown } from '../../../src/ocr/page-orientation.js';
import { prepareImage } from '../../../src/ocr/prepare-image.js';
import { renderPdfPage } from '../../../src/ocr/render-page.js';
import { makePdf } from '../../support/make-pdf.js';

/** Lines of a plan, as a page of running text has them. */
const TEXT = [
  'Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá',
  'phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;',
  'Ủy ban nhân dân thành phố ban hành Kế hoạch thực hiện với các nội dung sau:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích: tạo chuyển biến mạnh mẽ trong nhận thức và hành động của các cấp,',
  'các ngành về vai trò của khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.',
  '2. Yêu cầu: xác định rõ nhiệm vụ, giải pháp, tiến độ và trách nhiệm của từng cơ',
  'quan, đơn vị; bảo đảm tính khả thi, lộ trình rõ ràng, phân công cụ thể.',
  'II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU',
  'Hoàn thiện thể chế, chính sách; phát triển hạ tầng số đồng bộ, hiện đại; đào tạo',
  'nguồn nhân lực chất lượng cao; đẩy mạnh chuyển đổi số trong cơ quan nhà nước.',
];

describe('page orientation, from the ink alone', () => {
  let page: Buffer;
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plan-ingest-orient-')), 'page.pdf');
    writeFileSync(file, await makePdf(TEXT));
    const pdf = await openPdf(file);
    page = (await renderPdfPage(pdf, 1, 150)).bytes;
    await pdf.destroy();
  });

  it.each([0, 90, 180, 270] as const)('tells a page turned %d° clockwise: sideways, upside down', async (turn) => {
    const gray = await decodeGray(turn ? await turnPng(page, turn) : page);
    const threshold = Math.min(otsuThreshold(gray), 160);
    expect(isSideways(gray, threshold)).toBe(turn === 90 || turn === 270);
    if (turn === 0 || turn === 180) expect(isUpsideDown(gray, threshold)).toBe(turn === 180);
  });

  it.each([0, 90, 180, 270] as const)('prepareImage turns a page scanned at %d° upright', async (turn) => {
    const prepared = await prepareImage({ bytes: turn ? await turnPng(page, turn) : page, dpi: 150 });
    expect(prepared.orientation).toBe(turn);
    // upright again: the text runs along the rows, the right way up
    const gray = prepared.gray!;
    const threshold = Math.min(otsuThreshold(gray), 160);
    expect([isSideways(gray, threshold), isUpsideDown(gray, threshold)]).toEqual([false, false]);
  });
});
