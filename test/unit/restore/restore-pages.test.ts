import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Line, Page } from '../../../schemas/index.js';
import { IssueLog, measureTextQuality } from '../../../src/core/index.js';
import { restorePages, trainModel } from '../../../src/restore/index.js';

const SEEDS = ['000_5fe923ac2530a014', '002_8e0d8f3781295ac3', '003_4113829f73d97220', '004_366fba49b02306f1'];
const model = trainModel(SEEDS.map((n) => readFileSync(new URL(`../../../fixtures/seeds/${n}.txt`, import.meta.url), 'utf8')));

const ocrPage = (texts: string[], origin: Page['origin'] = 'ocr'): Page => {
  const lines: Line[] = texts.map((text) => ({ text, box: null, fontSize: null, bold: false, wordStart: 0, wordEnd: 0 }));
  const text = texts.join('\n');
  return { number: 1, width: null, height: null, origin, text, words: [], lines, rulings: [], blocks: [], quality: measureTextQuality(text), repairs: [], originalText: null };
};

describe('restorePages', () => {
  const good = ['Ủy ban nhân dân thành phố Hải Phòng giao các sở, ban, ngành triển khai thực hiện', 'BAN QUẢN LÝ KHU', 'KINH TE HAI PHONG', 'đổi mới sáng tạo và chuyển đổi số trong toàn thành phố'];

  it('restores the lines an OCR read without marks on an otherwise good page, leaving the rest as read', async () => {
    const { pages } = await restorePages({ pages: [ocrPage(good)], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('restore'), model);
    expect(pages[0]?.lines.map((l) => l.text)).toEqual([good[0], good[1], 'KINH TẾ HẢI PHÒNG', good[3]]);
    expect(pages[0]?.originalText).toBe(good.join('\n'));
  });

  it('restores a text input that lost its marks: its lines and its text (blank lines kept) read alike', async () => {
    const stripped = ['Uy ban nhan dan thanh pho giao cac so, ban, nganh trien khai', '', 'doi moi sang tao va chuyen doi so trong toan thanh pho'];
    const page = { ...ocrPage(stripped.filter(Boolean), 'text-layer'), text: stripped.join('\n'), quality: measureTextQuality(stripped.join('\n')) };
    const { pages } = await restorePages({ pages: [page], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('restore'), model);
    const lines = pages[0]?.lines.map((l) => l.text) ?? [];
    expect(lines[1]).toBe('đổi mới sáng tạo và chuyển đổi số trong toàn thành phố');
    expect(pages[0]?.text).toBe([lines[0], '', lines[1]].join('\n'));
    expect(pages[0]?.originalText).toBe(stripped.join('\n'));
  });

  it('trusts a good text layer as it is', async () => {
    const page = ocrPage(good, 'text-layer');
    const { pages } = await restorePages({ pages: [page], needsOcr: [], scanDpi: {} }, new IssueLog().forStage('restore'), model);
    expect(pages[0]).toBe(page);
  });
});
