import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainModel } from '../../../src/restore/index.js';
import { repairOcrWords } from '../../../src/restore/ocr-word-repair.js';
import { ocrPage } from '../../support/ocr-page.js';

const SEEDS = ['000_5fe923ac2530a014', '002_8e0d8f3781295ac3', '003_4113829f73d97220'];
const model = trainModel(SEEDS.map((n) => readFileSync(new URL(`../../../fixtures/seeds/${n}.txt`, import.meta.url), 'utf8')));


describe('repairOcrWords', () => {
  const acronymLines = ['các doanh nghiệp trong KCN, KKT, KTMTD được hỗ trợ', 'phát triển tại KCN, KKT, KTMTD và các khu', 'hạ tầng số của KTMTD trong năm 2026'];

  it('gives a word no syllable is, or one the model never saw, the spelling its neighbours like best', () => {
    const [page] = repairOcrWords([ocrPage(['nguồn nhân lực chất lượng cao trong các lĩnh vực công nghệ uu tiên.', 'xác đinh quyết tâm chính trị manh mẽ'])], model);
    expect(page!.lines.map((l) => l.text)).toEqual(['nguồn nhân lực chất lượng cao trong các lĩnh vực công nghệ ưu tiên.', 'xác định quyết tâm chính trị mạnh mẽ']);
    expect(page!.words.map((w) => w.text)).toContain('ưu');
    expect(page!.text.split('\n')[0]).toBe(page!.lines[0]!.text);
    expect(page!.repairs).toContain('ocr-words');
  });

  it('puts back an acronym misread once with the spelling the document prints elsewhere', () => {
    const [page] = repairOcrWords([ocrPage([...acronymLines, 'các doanh nghiệp trong KCN, KKT, KTMTp; lồng ghép', 'mới tại KCN, KKT, KTM1U'])], model);
    expect(page!.lines.slice(3).map((l) => l.text)).toEqual(['các doanh nghiệp trong KCN, KKT, KTMTD; lồng ghép', 'mới tại KCN, KKT, KTMTD']);
  });

  it('reads a title in capitals in lower case and puts its repair back in capitals', () => {
    const lines = ['NHIỆM VỤ, GIẢI PHÁP, PHAN CÔNG NHIỆM VỤ', 'phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia'];
    expect(repairOcrWords([ocrPage(lines)], model)[0]!.lines[0]!.text).toBe('NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG NHIỆM VỤ');
  });

  it('leaves a rare word its neighbours do not make a known spelling of, and every known word, as read', () => {
    const lines = ['đóng đinh vào tường gỗ', 'nâng cao đời sống hạnh phúc của nhân dân', 'Cụ thể hóa các nhiệm vụ, giải pháp'];
    expect(repairOcrWords([ocrPage(lines)], model)[0]!.lines.map((l) => l.text)).toEqual(lines);
  });

  it('reads a syllable whose letters look the same in both cases, printed in capitals between small words, in small letters', () => {
    const lines = ['trên CƠ sở dữ liệu của các cá nhân CÓ liên quan', 'giao SỞ NỘI VỤ chủ trì, phối hợp với CAT và UBND'];
    expect(repairOcrWords([ocrPage(lines)], model)[0]!.lines.map((l) => l.text)).toEqual(['trên cơ sở dữ liệu của các cá nhân có liên quan', 'giao SỞ NỘI VỤ chủ trì, phối hợp với CAT và UBND']);
  });

  it('weighs syllables an OCR word joins with a dash as words of their own, and repairs each in place', () => {
    const lines = ['kế hoạch phát triển kinh tê-xã hội của thành phố', 'phát triển kinh tế-xã hôi của thành phố'];
    const [page] = repairOcrWords([ocrPage(lines, 0.5)], model);
    expect(page!.lines.map((l) => l.text)).toEqual(['kế hoạch phát triển kinh tế-xã hội của thành phố', 'phát triển kinh tế-xã hội của thành phố']);
    // the page's words stay what its lines are made of
    expect(page!.words.slice(5, 7).map((w) => w.text)).toEqual(['tế-xã', 'hội']);
  });

  it('leaves clean upper-case words, short ones and pages not OCR-read as they are', () => {
    const lines = [...acronymLines, 'doanh nghiệp trong KNG, KKT và BCHTW'];
    expect(repairOcrWords([ocrPage(lines)], model)[0]!.lines[3]!.text).toBe('doanh nghiệp trong KNG, KKT và BCHTW');
    const layer = ocrPage(['công nghệ uu tiên', 'tại KTMTp'], 0.9, 'text-layer');
    expect(repairOcrWords([layer], model)[0]).toBe(layer);
  });
});
