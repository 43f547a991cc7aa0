import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadOcrChannel, OcrChannel, restoreLine, restoreText, trainModel } from '../../../src/restore/index.js';
import { tokenizeNoisy } from '../../../src/restore/tokenize.js';

const SEEDS = ['000_5fe923ac2530a014', '002_8e0d8f3781295ac3', '003_4113829f73d97220', '004_366fba49b02306f1'];
const model = trainModel(SEEDS.map((n) => readFileSync(new URL(`../../../fixtures/seeds/${n}.txt`, import.meta.url), 'utf8')));

describe('OCR channel (learned from our English-OCR fixture)', () => {
  const channel = loadOcrChannel();

  it('ships with the repository', () => {
    expect(channel).not.toBeNull();
  });

  it.each([
    ['d6i', 'đổi'],
    ['S&', 'sở'],
    ['ctia', 'của'],
  ])('proposes the syllable OCR garbled: %s → %s', (token, word) => {
    expect(channel?.readings(token).map((r) => r.word)).toContain(word);
  });

  it('keeps the frequent syllables among many equally likely readings ("dbi" → doi → đổi, not only dõi, dối, …)', () => {
    const words = channel?.readings('dbi', (w) => model.unigramLogProb(w)).map((r) => r.word);
    expect(words).toContain('đổi');
    expect(restoreLine('cong nghé, dbi méi sang tao va chuyén dbi sd.', model, channel).text).toBe('công nghệ, đổi mới sáng tạo và chuyển đổi số.');
  });

  it('also undoes confusions where the OCR wrote another real syllable ("nhim" for "nhằm", "chét" for "chất")', () => {
    expect(channel?.readings('nhim', (w) => model.unigramLogProb(w)).map((r) => r.word)).toContain('nhằm');
    expect(restoreLine('Nang cao chét luong nguén nhan luc', model, channel).text).toBe('Nâng cao chất lượng nguồn nhân lực');
  });

  it('keeps abbreviations in capitals as printed inside OCR noise, and reads a sign drawn apart from its letter', () => {
    expect(restoreLine('hé thdng thong tin dia ly (GIS) nham nang cao', model, channel).text).toBe('hệ thống thông tin địa lý (GIS) nhằm nâng cao');
    expect(channel?.readings('vé&', (w) => model.unigramLogProb(w)).map((r) => r.word)).toContain('về');
  });

  it('reads a sign it never learned as the letter the context needs, and "lệ" read without a letter', () => {
    expect(restoreLine('Sở Khoa hoc va Cong ngh¢', model, channel).text).toBe('Sở Khoa học và Công nghệ');
    expect(restoreLine('S¢ Khoa hoc va Cong nghé', model, channel).text).toBe('Sở Khoa học và Công nghệ');
    expect(restoreLine('Ty 1€ giao dich khong dung tien mat', model, channel).text).toBe('Tỷ lệ giao dịch không dùng tiền mặt');
  });

  it('reads a horn drawn apart as a quote ("du’ng", "phu’ong") as part of its word, and a quote between two words as a separator', () => {
    expect(restoreLine('xay du’ng ké hoach cua cac dia phu’ong', model, channel).text).toBe('xây dựng kế hoạch của các địa phương');
    const words = (line: string): string[] => tokenizeNoisy(line).filter((p) => p.kind === 'word').map((p) => p.text);
    expect(words('nha nu‘oc, dia phu’ong;')).toEqual(['nha', 'nu‘oc', 'dia', 'phu’ong']);
    // "cokhi" spells no syllable: the quote stands for the space it replaced
    expect(words("co'khi")).toEqual(['co', 'khi']);
  });

  it('puts back a vowel the OCR dropped from a token without one ("nht" → nhất), but keeps a unit the model knows ("kg")', () => {
    expect(channel?.readings('nht', (w) => model.unigramLogProb(w)).map((r) => r.word)).toContain('nhất');
    expect(restoreLine('bé tri it nht 3% ngan sach', model, channel).text).toBe('bố trí ít nhất 3% ngân sách');
    const withUnit = trainModel([...SEEDS.map((n) => readFileSync(new URL(`../../../fixtures/seeds/${n}.txt`, import.meta.url), 'utf8')), 'Sản lượng 300 kg mỗi năm.']);
    expect(restoreLine('san lugng 300 kg méi nam', withUnit, channel).text).toBe('sản lượng 300 kg mỗi năm');
  });

  it('trusts a confusion by its share of the aligned words, so more data does not make a rare sign\'s few readings certain', () => {
    const data = (pairs: number) => ({ pairs, identity: 0.77, tokens: {}, subs: { '6': { o: 700 }, '¢': { o: 6 } } });
    // six of 30,000 words: "¢" is read as the "o" it was seen for
    expect(new OcrChannel(data(30000)).readings('b¢').map((r) => r.word)).not.toContain('bà');
    // six of 120,000: too rare to trust; an unknown sign, any letter the context needs
    expect(new OcrChannel(data(120000)).readings('b¢').map((r) => r.word)).toEqual(expect.arrayContaining(['bà', 'bộ']));
  });

  it('repairs an English-model OCR line in context', () => {
    const out = restoreLine('phat trién khoa hoc, cong nghé, d6i méi sang tao va chuyén déi s6', model, channel);
    expect(out.text).toBe('phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số');
  });

  it('is used for text that is OCR noise as a whole, not for text that only lost its diacritics', () => {
    const noisy = 'Nghi quyét s6 57-NQ/TW ngay 22/12/2024 ctia B6 Chinh tri vé d6i méi sang tao\nS& Khoa hoc va Cong nghé chii tri, ph6i hop voi cac s&, nganh';
    expect(restoreText(noisy, model, 'auto').text.split('\n')[0]).toBe('Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đổi mới sáng tạo');
    expect(restoreText('Sở Khoa học và Công nghệ chủ trì', model, 'auto').text).toBe('Sở Khoa học và Công nghệ chủ trì');
  });

  it('puts back the "Đ" of an acronym the English model read as "D" or "P", only where the training text has it', () => {
    const out = restoreLine('phat trién KHCN, PMST va CDS; DMST, GIS va IOC', model, channel);
    expect(out.text).toBe('phát triển KHCN, ĐMST và CDS; ĐMST, GIS và IOC');
  });

  it('reads digits and signs whose learned confusions spell nothing as any letter the context needs ("d61" → đổi), never a short code', () => {
    // "1" was only ever learned as "l": "dol" is no syllable, so the token had no reading at all
    const data = { pairs: 30000, identity: 0.77, tokens: {}, subs: { '6': { o: 700 }, '1': { l: 100 } } };
    const ch = new OcrChannel(data);
    const prior = (w: string): number => model.unigramLogProb(w);
    expect(ch.readings('d61', prior).map((r) => r.word)).toEqual(expect.arrayContaining(['đổi', 'đối']));
    // a letter Vietnamese does not write is such a sign too
    expect(ch.readings('trf', prior).map((r) => r.word)).toContain('trí');
    // two characters, or no Vietnamese letter: a code or a figure, left as printed
    expect(ch.readings('A1')).toEqual([]);
    expect(ch.readings('Z7')).toEqual([]);
    // a word of letters with one no confusion explains: any one letter put back ("DQc" → độc), the language model chooses
    expect(ch.readings('DQc', prior).map((r) => r.word)).toContain('độc');
    expect(restoreLine('chuyén d61 sé', model, new OcrChannel({ ...data, tokens: { chuyen: { chuyển: 50 }, se: { số: 40, sẽ: 10 } } })).text).toBe('chuyển đổi số');
  });

  it('takes the word frequencies out of a token\'s learned readings by the prior power (a noisy channel at 1)', () => {
    // "vo" seen 90 times for the frequent "với", 10 times for the rarer "vỡ"; each word aligned as often as the counts say
    const data = { pairs: 30000, identity: 0.77, tokens: { vo: { với: 90, vỡ: 10 } }, subs: {}, words: { với: 900, vỡ: 10 } };
    const share = (power: number, word: string): number => Math.exp(new OcrChannel(data, { priorPower: power, weight: 1 }).readings('vo').find((r) => r.word === word)!.logp);
    // as counted: P(word | token)
    expect(share(0, 'với')).toBeCloseTo(0.9, 6);
    // P(token | word) renormalised: 90/901 against 10/11
    expect(share(1, 'vỡ')).toBeCloseTo(10 / 11 / (10 / 11 + 90 / 901), 6);
    expect(share(1, 'với')).toBeLessThan(share(1, 'vỡ'));
    // the channel's weight scales every reading's log-probability
    const weighted = new OcrChannel(data, { priorPower: 0, weight: 2 }).readings('vo').find((r) => r.word === 'với')!.logp;
    expect(weighted).toBeCloseTo(2 * Math.log(0.9), 6);
  });

  it('reads a token one learned confusion away from a token it saw as that token ("chire" → "chirc" → chức)', () => {
    const data = { pairs: 30000, identity: 0.77, tokens: { chirc: { chức: 40 } }, subs: { e: { c: 300 } } };
    const readings = new OcrChannel(data).readings('chire');
    expect(readings[0]?.word).toBe('chức');
    // without the seen token, "chirc" spells no syllable: no such reading
    expect(new OcrChannel({ ...data, tokens: {} }).readings('chire').map((r) => r.word)).not.toContain('chức');
  });
});
