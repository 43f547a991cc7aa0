import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable, stripDiacritics } from '../../../src/core/index.js';
import { generatedSyllables, registryLexicon, restoreLine, restoreText, syllableKey, trainModel } from '../../../src/restore/index.js';
import { tokenize, tokenizeNoisy } from '../../../src/restore/tokenize.js';

const SEEDS = ['000_5fe923ac2530a014', '002_8e0d8f3781295ac3', '003_4113829f73d97220', '004_366fba49b02306f1'];
const seed = (name: string): string => readFileSync(new URL(`../../../fixtures/seeds/${name}.txt`, import.meta.url), 'utf8').normalize('NFC');

describe('syllable inventory', () => {
  const inv = generatedSyllables();
  it.each(['nghiêng', 'được', 'người', 'khuya', 'quyết', 'giữa', 'hòa', 'hoà', 'thủy', 'thuỷ', 'ủy', 'chuyển', 'oanh'])('has %s', (s) => expect(inv.has(s)).toBe(true));
  it.each(['kà', 'ngê', 'cí', 'ghá', 'táp̀', 'mạc'.replace('ạ', 'à')])('forbids %s', (s) => expect(inv.has(s)).toBe(false));
  it('covers every syllable of the correct seed texts', () => {
    // abbreviations in capitals ("ĐMST", "QĐ") are not syllables
    const words = (SEEDS.map(seed).join(' ').match(/\p{L}+/gu) ?? []).filter((w) => !(w.length > 1 && w === w.toUpperCase() && !isVietnameseSyllable(w)));
    const vietnamese = words.map((w) => w.toLowerCase()).filter((w) => /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/u.test(w));
    // the seeds' own typos with two tone marks ("nghịệp") are not syllables either
    const oneTone = vietnamese.filter((w) => (w.normalize('NFD').match(/[\u0300\u0301\u0303\u0309\u0323]/gu) ?? []).length <= 1);
    expect(oneTone.filter((w) => !inv.has(w))).toEqual([]);
  });
  it('keys a syllable by its bare letters', () => expect(syllableKey('Nâng')).toBe('nang'));
});

describe('tokenize', () => {
  it('keeps every character, codes and numbers whole', () => {
    const line = 'Nghị quyết số 57-NQ/TW, ngày 22/12/2024 (UBND) — 35/2021/QH15; 3,5%';
    const pieces = tokenize(line);
    expect(pieces.map((p) => p.text).join('')).toBe(line);
    expect(pieces.filter((p) => p.kind === 'code').map((p) => p.text)).toEqual(['57-NQ/TW', '22/12/2024', '35/2021/QH15']);
  });

  it('splits lower-case syllables joined by a dash or slash into words, keeping codes and e-mail', () => {
    const line = 'kinh te-xa hoi, chuong trinh/ke hoach, KH&CN, e-mail';
    const pieces = tokenize(line);
    expect(pieces.map((p) => p.text).join('')).toBe(line);
    expect(pieces.filter((p) => p.kind === 'word').map((p) => p.text)).toEqual(['kinh', 'te', 'xa', 'hoi', 'chuong', 'trinh', 'ke', 'hoach']);
    expect(pieces.filter((p) => p.kind === 'code').map((p) => p.text)).toEqual(['KH&CN', 'e-mail']);
  });
});

describe('tokenizeNoisy', () => {
  it('keeps capitals joined by "&" as an acronym, and still reads a letter garbled into "&" as a word', () => {
    const kinds = (line: string) => tokenizeNoisy(line).filter((p) => p.kind !== 'space').map((p) => [p.text, p.kind]);
    expect(kinds('phat trien (R&D), So KH&CN, NN&PTNT')).toEqual([
      ['phat', 'word'], ['trien', 'word'], ['(', 'punct'], ['R&D', 'code'], ['),', 'punct'], ['So', 'word'], ['KH&CN', 'code'], [',', 'punct'], ['NN&PTNT', 'code'],
    ]);
    expect(tokenizeNoisy('S& Khoa hoc').find((p) => p.text === 'S&')?.kind).toBe('word');
  });
});

describe('restoreText', () => {
  // leave the held-out plan out of training, as a user's new document would be
  const model = trainModel(SEEDS.slice(0, 3).map(seed));
  const heldOut = seed(SEEDS[3] ?? '');

  it('restores a held-out plan typed without diacritics to at least 95% of its syllables', () => {
    const lines = heldOut.split('\n').slice(0, 120).join('\n');
    const restored = restoreText(stripDiacritics(lines), model).text;
    const gold = lines.toLowerCase().match(/\p{L}+/gu) ?? [];
    const got = restored.toLowerCase().match(/\p{L}+/gu) ?? [];
    expect(got).toHaveLength(gold.length);
    const right = gold.filter((w, i) => w === got[i]).length;
    expect(right / gold.length).toBeGreaterThan(0.95);
  });

  it('keeps the number of lines, and the case, spacing and punctuation of each', () => {
    const input = 'KE HOACH\n\n  So 44/KH-UBND,  ngay 12/02/2025;\nUy ban nhan dan thanh pho';
    const out = restoreText(input, model).text;
    expect(out.split('\n')).toHaveLength(4);
    expect(out).toBe('KẾ HOẠCH\n\n  Số 44/KH-UBND,  ngày 12/02/2025;\nỦy ban nhân dân thành phố');
  });

  it('gives back correct Vietnamese unchanged (never worse than the input)', () => {
    expect(restoreText(heldOut, model).text).toBe(heldOut);
  });

  it("keeps a sentence's context across a line break, and the lines apart", () => {
    const out = restoreText('ve dinh huong phat trien nang luong quoc gia Viet\nNam den nam 2030, tam nhin den nam 2045.', model).text;
    expect(out).toBe('về định hướng phát triển năng lượng quốc gia Việt\nNam đến năm 2030, tầm nhìn đến năm 2045.');
    expect(restoreLine('Nam den nam 2030', model).text).toBe('Năm đến năm 2030');
  });

  it('reports a confidence per restored word', () => {
    const line = restoreLine('phat trien khoa hoc cong nghe', model);
    expect(line.tokens.map((t) => t.restored)).toEqual(['phát', 'triển', 'khoa', 'học', 'công', 'nghệ']);
    for (const t of line.tokens) expect(t.confidence).toBeGreaterThan(0);
  });

  it('learns the words of agency names from the registry, which the seed plans lack ("quận, huyện")', () => {
    const withRegistry = trainModel([registryLexicon(), ...SEEDS.slice(0, 3).map(seed)]);
    const line = 'Uy ban nhan dan cac quan, huyen, thanh pho';
    expect(restoreLine(line, withRegistry).text).toBe('Ủy ban nhân dân các quận, huyện, thành phố');
    expect(restoreLine(line, model).text).not.toBe('Ủy ban nhân dân các quận, huyện, thành phố');
  });

  it("learns a user's registry extension too, and survives one that is not JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ingest-lexicon-'));
    writeFileSync(join(dir, 'agency-registry.json'), JSON.stringify({ agencies: [{ name: 'Ban Quản lý dự án Đầu tư xây dựng thành phố', kind: 'state', aliases: ['Ban QLDA'] }] }));
    const lexicon = registryLexicon(dir).split('\n');
    expect(lexicon).toContain('Ban Quản lý dự án Đầu tư xây dựng thành phố');
    expect(lexicon).toContain('Ban QLDA');
    expect(lexicon).toContain('Sở Khoa học và Công nghệ');
    writeFileSync(join(dir, 'agency-registry.json'), '{ not json');
    expect(registryLexicon(dir)).toBe(registryLexicon());
  });
});
