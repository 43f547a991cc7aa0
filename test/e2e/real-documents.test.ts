import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/index.js';
import { runCli, type CliResult } from '../support/run-cli.js';

const ROOT = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schemas/document.schema.json', ROOT), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const REAL = (name: string): string => new URL(`fixtures/real/${name}`, ROOT).pathname;

/**
 * Real documents nobody here wrote (fixtures/real, copied from
 * ../shared/realdev by scripts/fixtures/copy-real.ts) through the real CLI:
 * an e-signed decision, a score table appendix, a Word text and a real
 * one-page scan (OCR'd). What is asserted is what a person reads on them.
 */
describe('plan-ingest ingest on real documents', () => {
  const out = mkdtempSync(join(tmpdir(), 'plan-ingest-real-'));
  let res: CliResult;
  const doc = (base: string): Document => JSON.parse(readFileSync(join(out, `${base}.json`), 'utf8')) as Document;
  beforeAll(async () => {
    res = await runCli(['ingest', REAL('17_qd-2536-ubnd-hop-nhat-doan-luat-su_text.pdf'), REAL('10_phu-luc-i-chi-so-cchc-2025-chi-dao-dieu-hanh_text.pdf'), REAL('42_cv-ubnd-binhthuan-gia-han-dai-hoi-hhdn.txt'), REAL('08_cv-8204-btp-dai-hoi-hoi-cong-chung-vien_scan.pdf'), '--out', out, '--no-progress']);
  }, 600_000);

  it('processes them all into JSON that validates', () => {
    expect(res.code).toBe(0);
    for (const base of ['17_qd-2536-ubnd-hop-nhat-doan-luat-su_text', '10_phu-luc-i-chi-so-cchc-2025-chi-dao-dieu-hanh_text', '42_cv-ubnd-binhthuan-gia-han-dai-hoi-hhdn', '08_cv-8204-btp-dai-hoi-hoi-cong-chung-vien_scan']) {
      expect(validate(doc(base)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('reads the number and day an e-signature field prints, and a decision\'s header and signer', () => {
    const d = doc('17_qd-2536-ubnd-hop-nhat-doan-luat-su_text');
    expect(d.metadata).toMatchObject({ type: 'Quyết định', number: '2536/QĐ-UBND', date: '2025-12-12', place: 'Lâm Đồng', issuer: 'Ủy ban nhân dân tỉnh Lâm Đồng' });
    expect(d.metadata.subject).toMatch(/^cho phép hợp nhất Đoàn Luật sư tỉnh Lâm Đồng \(cũ\)/u);
    expect(d.metadata.signer?.title).toMatch(/^KT\. CHỦ TỊCH/u);
    expect(d.metadata.recipients).toContain('Bộ Tư pháp');
    expect(d.pages[0]!.repairs).toContain('annotation-text');
  });

  it('reads the article that names who executes the decision as an assignment', () => {
    const execute = doc('17_qd-2536-ubnd-hop-nhat-doan-luat-su_text').assignments.find((a) => a.task === 'thi hành Quyết định này');
    expect(execute?.code).toBe('Điều 7');
    expect(execute?.lead.map((l) => l.raw)).toEqual(expect.arrayContaining(['Chánh Văn phòng Ủy ban nhân dân tỉnh', 'Giám đốc Sở Tư pháp', 'Giám đốc Sở Nội vụ']));
  });

  it('keeps a score table as a score table, with no assignments made of it', () => {
    const d = doc('10_phu-luc-i-chi-so-cchc-2025-chi-dao-dieu-hanh_text');
    expect(d.tables.length).toBeGreaterThan(0);
    expect(new Set(d.tables.map((t) => t.kind))).toEqual(new Set(['scores']));
    expect(d.assignments).toEqual([]);
  });

  it('reads a Word text\'s header row and its "Giao X chủ trì, phối hợp với Y" item', () => {
    const d = doc('42_cv-ubnd-binhthuan-gia-han-dai-hoi-hhdn');
    expect(d.metadata).toMatchObject({ type: 'Công văn', issuer: 'Ủy ban nhân dân tỉnh Bình Thuận', place: 'Bình Thuận' });
    const [a] = d.assignments;
    expect(a?.lead.map((l) => l.raw)).toEqual(['Sở Kế hoạch và Đầu tư']);
    expect(a?.cooperating.map((l) => l.raw)).toEqual(['Sở Nội vụ']);
  });

  it('OCRs a real scan into a letter with its issuer, subject and request', () => {
    const d = doc('08_cv-8204-btp-dai-hoi-hoi-cong-chung-vien_scan');
    expect(d.pages[0]!.origin).toBe('ocr');
    expect(d.metadata.issuer).toBe('Bộ Tư pháp');
    expect(d.metadata.type).toBe('Công văn');
    expect(d.pages[0]!.text).toMatch(/Hội công chứng viên/iu);
    // its one request: the Giám đốc Sở Tư pháp of the provinces that have not held their congress, within 2025 (the closing courtesy is none)
    expect(d.assignments).toHaveLength(1);
    expect(d.assignments[0]!.lead.map((l) => l.raw).join(', ')).toMatch(/^Giám đốc Sở Tư pháp .*chưa hoàn thành/u);
    expect(d.assignments[0]!.timeline?.raw).toBe('trong năm 2025');
  });
});

describe('plan-ingest ingest --out -', () => {
  it('writes the documents to stdout, one JSON a line, and everything else to stderr; no folder named "-"', async () => {
    const res = await runCli(['ingest', REAL('42_cv-ubnd-binhthuan-gia-han-dai-hoi-hhdn.txt'), new URL('fixtures/seeds/004_366fba49b02306f1.txt', ROOT).pathname, '--out', '-', '--no-progress']);
    expect(res.code).toBe(0);
    const docs = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as Document);
    expect(docs.map((d) => d.source.file)).toEqual(['42_cv-ubnd-binhthuan-gia-han-dai-hoi-hhdn.txt', '004_366fba49b02306f1.txt']);
    for (const d of docs) expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
    expect(res.stderr).toMatch(/→ stdout/u);
    expect(existsSync(new URL('-', ROOT))).toBe(false);
  }, 120_000);
});

