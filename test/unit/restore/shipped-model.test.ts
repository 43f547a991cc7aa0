import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stripDiacritics } from '../../../src/core/index.js';
import { decodeModel, encodeModel, loadShippedModel, NgramModel, restoreText, seedTrainingFiles, trainModel } from '../../../src/restore/index.js';
import { SurfaceForms } from '../../../src/restore/surface-forms.js';
import { misreadMarks, repairOcrWords } from '../../../src/restore/ocr-word-repair.js';
import { contextAt } from '../../../src/restore/clause-context.js';
import { measureTextQuality } from '../../../src/core/index.js';
import type { Page } from '../../../schemas/index.js';

const sentences = ['Ủy ban nhân dân tỉnh Lâm Đồng ban hành Quyết định số 12/QĐ-UBND.', 'Đồng chí Nguyễn Văn An, Giám đốc Sở Nội vụ chủ trì.', 'Tỷ lệ hồ sơ đạt ≥ 60%.'];

describe('model file', () => {
  it('comes back from its bytes with the same probabilities, comparators and spellings', () => {
    const model = trainModel(sentences);
    const { model: back, about } = decodeModel(encodeModel(model, { built: 'test' }));
    expect(about).toEqual({ built: 'test' });
    expect(back.tokens).toBe(model.tokens);
    for (const [u, v, w] of [['ủy', 'ban', 'nhân'], ['sở', 'nội', 'vụ'], ['<s>', '<s>', 'đồng'], ['x', 'y', 'z']] as const) expect(back.logProb(u, v, w)).toBeCloseTo(model.logProb(u, v, w), 12);
    expect(back.comparatorCount('≥')).toBe(1);
    expect(back.forms.upperForm('QD')).toBe(model.forms.upperForm('QD'));
  });

  it('trains on after loading: a loaded model given more text equals one trained on all of it', () => {
    const loaded = decodeModel(encodeModel(trainModel(sentences.slice(0, 2)), {})).model;
    const more = trainModel(sentences.slice(2), loaded);
    const all = trainModel(sentences);
    for (const [u, v, w] of [['ủy', 'ban', 'nhân'], ['tỷ', 'lệ', 'hồ'], ['đạt', '≥', '60%'], ['<s>', '<s>', 'đồng']] as const) expect(more.logProb(u, v, w)).toBeCloseTo(all.logProb(u, v, w), 12);
  });

  it('refuses bytes that are not a model file', () => {
    expect(() => decodeModel(Buffer.from('not gzip'))).toThrow();
  });

  it('takes a document away exactly: the model less one text is the model never trained on it', () => {
    const [a, b] = [sentences.slice(0, 2), sentences.slice(2)];
    const less = trainModel([...a, ...b]).merge(trainModel(b), -1).finish();
    const only = trainModel(a);
    expect(less.tokens).toBe(only.tokens);
    for (const [u, v, w] of [['ủy', 'ban', 'nhân'], ['tỷ', 'lệ', 'hồ'], ['<s>', '<s>', 'đồng']] as const) expect(less.logProb(u, v, w)).toBeCloseTo(only.logProb(u, v, w), 12);
  });
});

describe('surface forms', () => {
  const forms = new SurfaceForms();
  for (let i = 0; i < 5; i++) ['QĐ', 'HĐND', 'GDP', 'Đ'].forEach((r) => forms.addUpper(r));
  forms.addWord('nguyễn', true);
  forms.addWord('nguyễn', true);
  for (let i = 0; i < 20; i++) forms.addWord('nguyên', false);

  it('puts back the Đ of abbreviations the training text spelt with it, never of Latin ones', () => {
    expect(forms.upperForm('QD')).toBe('QĐ');
    expect(forms.upperForm('HDND')).toBe('HĐND');
    expect(forms.upperForm('GDP')).toBe('GDP');
    expect(forms.upperForm('XYZD')).toBe('XYZD');
    expect(forms.codeForm('12/QD-UBND')).toBe('12/QĐ-UBND');
    expect(forms.codeForm('D/c')).toBe('Đ/c');
  });

  it('leaves a D spelling that was written too, unless the Đ one was written clearly more', () => {
    const both = new SurfaceForms();
    both.addUpper('RĐ');
    both.addUpper('RĐ');
    both.addUpper('RD');
    expect(both.upperForm('RD')).toBe('RD');
  });

  it('counts abbreviations only, not syllables written in capitals', () => {
    const f = new SurfaceForms();
    f.addUpper('KẾ');
    expect(f.toJSON().upper).toEqual([]);
  });

  it('knows which words are written capitalised inside a clause', () => {
    expect(forms.capitalisedLogProb('nguyễn')).toBeGreaterThan(forms.capitalisedLogProb('nguyên'));
  });
});

describe('the shipped model (models/syllable-lm.bin)', () => {
  const shipped = loadShippedModel();

  it('is there, says what it was built from, and knows administrative text', () => {
    expect(shipped).not.toBeNull();
    const sources = shipped!.about.sources as Record<string, { documents: number; syllables: number }>;
    expect(Object.values(sources).reduce((n, s) => n + s.syllables, 0)).toBeGreaterThan(1_000_000);
    expect(shipped!.model.tokens).toBeGreaterThan(1_000_000);
  });

  it('restores stripped administrative text, abbreviations and codes included', () => {
    const text = 'Chu tich Uy ban nhan dan tinh Lam Dong giao So Noi vu chu tri, phoi hop voi cac co quan lien quan trien khai Quyet dinh so 1406/QD-UBND.';
    expect(restoreText(text, shipped!.model).text).toBe('Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan triển khai Quyết định số 1406/QĐ-UBND.');
  });

  it('gives correct Vietnamese back unchanged', () => {
    for (const file of seedTrainingFiles()) {
      const text = readFileSync(file, 'utf8').normalize('NFC');
      expect(restoreText(text, shipped!.model).text).toBe(text);
    }
  });

  it('restores a seed plan it is made to forget nearly whole', () => {
    const file = seedTrainingFiles().find((f) => f.includes('003_'))!;
    const gold = readFileSync(file, 'utf8').normalize('NFC');
    const shippedModel = loadShippedModel()!.model;
    const model = shippedModel.merge(trainModel([gold], new NgramModel(shippedModel.shape)), -1).finish();
    const words = (s: string): string[] => s.toLowerCase().match(/\p{L}+/gu) ?? [];
    const got = words(restoreText(stripDiacritics(gold), model).text);
    const want = words(gold);
    expect(got.length).toBe(want.length);
    expect(want.filter((w, i) => w === got[i]).length / want.length).toBeGreaterThan(0.98);
  });
});

describe('marks an OCR misread, with the shipped model', () => {
  const model = loadShippedModel()!.model;
  const fix = (line: string): string => {
    const words = line.split(' ');
    const lower = words.map((w) => w.toLowerCase());
    return words.map((w, i) => misreadMarks(w, contextAt(lower, i, model.order), model, 0.9) ?? w).join(' ');
  };

  it('puts back marks a Vietnamese OCR got wrong where the neighbours leave no doubt', () => {
    expect(fix('việc tô chức đại hội của Hội công chứng viên')).toBe('việc tổ chức đại hội của Hội công chứng viên');
    expect(fix('Ủy ban nhân dân các tỉnh, thành phô về việc')).toBe('Ủy ban nhân dân các tỉnh, thành phố về việc');
  });

  /** OCR lines read with confidence 0.9, as repairOcrWords takes them, and back. */
  const repaired = (lines: string[]): string[] => {
    let at = 0;
    const page: Page = {
      number: 1, width: 595, height: 842, origin: 'ocr', text: lines.join('\n'), rulings: [], blocks: [], quality: measureTextQuality(lines.join('\n')), repairs: [], originalText: null,
      words: lines.flatMap((l) => l.split(' ').map((text) => ({ text, box: null, fontSize: 12, fontName: null, bold: false, confidence: 0.9 }))),
      lines: lines.map((text) => ({ text, box: null, fontSize: 12, bold: false, wordStart: at, wordEnd: (at += text.split(' ').length) })),
    };
    return repairOcrWords([page], model)[0]!.lines.map((l) => l.text);
  };

  it('puts back marks where the OCR printed another real word, when both neighbours make the right one far likelier', () => {
    expect(repaired(['Đội ứng cứu sự có mạng, máy tính của tỉnh', 'Nghị định quy định chỉ tiết một số điều của Luật', 'Hội Công chứng viên tính Lâm Đồng'])).toEqual([
      'Đội ứng cứu sự cố mạng, máy tính của tỉnh', 'Nghị định quy định chi tiết một số điều của Luật', 'Hội Công chứng viên tỉnh Lâm Đồng',
    ]);
    // a sentence wrapped over lines: the word before the break is the neighbour
    expect(repaired(['Công an tỉnh đề xuất nhiệm vụ cụ', 'thê như sau: rà soát'])).toEqual(['Công an tỉnh đề xuất nhiệm vụ cụ', 'thể như sau: rà soát']);
    // a capitalised word no syllable is, and a dash that is no neighbour
    expect(repaired(['Đôc lập - Tư do - Hạnh phúc'])).toEqual(['Độc lập - Tự do - Hạnh phúc']);
  });

  it("leaves a real word at a clause's start and an acronym in a line in small letters as read", () => {
    const lines = ['Vì thế, các đơn vị cần chủ động.', '- Đ/c Giám đốc CAT (để báo cáo);', 'phát triển kinh tế - xã hội của các tỉnh, thành phố'];
    expect(repaired(lines)).toEqual(lines);
  });

  it('never changes correct Vietnamese, nor a word the OCR was sure of', () => {
    for (const file of seedTrainingFiles()) {
      const lines = readFileSync(file, 'utf8').normalize('NFC').split('\n').filter((l) => /\p{L}/u.test(l)).slice(0, 400);
      for (const line of lines) expect(fix(line)).toBe(line);
      expect(repaired(lines)).toEqual(lines);
    }
    expect(misreadMarks('tô', contextAt(['việc', 'việc', 'tô', 'chức', 'đại'], 2, model.order), model, 0.99)).toBeNull();
  });
});
