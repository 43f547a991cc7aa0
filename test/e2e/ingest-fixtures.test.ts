import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFixtureManifest } from '../../scripts/bench/fixture-manifest.js';
import { runCli, type CliResult } from '../support/run-cli.js';

const ROOT = new URL('../../', import.meta.url);
const fixtures = readFixtureManifest(ROOT);
const schema = JSON.parse(readFileSync(new URL('schemas/document.schema.json', ROOT), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/**
 * Every fixture through the real CLI. Scans run with --no-ocr here (whole
 * documents at 15 s/page belong to the benchmark; OCR is tested on a crop),
 * so their pages are recorded as errors, and the JSON must still validate.
 */
describe('plan-ingest ingest on every fixture', () => {
  const out = mkdtempSync(join(tmpdir(), 'plan-ingest-fixtures-'));
  let res: CliResult;
  beforeAll(async () => {
    res = await runCli(['ingest', ...fixtures.map((f) => f.file), '--out', out, '--no-ocr', '--no-progress']);
  }, 600_000);

  it('finds every fixture file listed in the manifest', () => {
    for (const f of fixtures) expect(existsSync(new URL(f.file, ROOT)), f.file).toBe(true);
  });

  it('processes them all', () => {
    expect(res.stderr).not.toMatch(/^plan-ingest:/m);
    expect(res.code).toBe(0);
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s: writes JSON that validates against schemas/document.schema.json', (_file, f) => {
    const doc = JSON.parse(readFileSync(join(out, `${basename(f.file, extname(f.file))}.json`), 'utf8'));
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(doc.source.pages).toBeGreaterThan(0);
    expect(doc.id).toMatch(/^doc-[0-9a-f]{16}$/);
  });

  it('reads the digital PDFs from their text layer, in NFC Vietnamese', () => {
    for (const f of fixtures.filter((x) => x.variant === 'digital')) {
      const doc = JSON.parse(readFileSync(join(out, `${basename(f.file, '.pdf')}.json`), 'utf8'));
      expect(doc.pages.every((p: { origin: string }) => p.origin === 'text-layer')).toBe(true);
      const text: string = doc.pages.map((p: { text: string }) => p.text).join('\n');
      expect(text).toBe(text.normalize('NFC'));
      expect(text).toMatch(/KẾ HOẠCH/);
      expect(doc.pages[0].quality.verdict).toBe('good');
    }
  });

  it('gives every record of a PDF a box on its page, and every table typed columns and a kind', () => {
    for (const f of fixtures.filter((x) => x.variant === 'digital')) {
      const doc = JSON.parse(readFileSync(join(out, `${basename(f.file, '.pdf')}.json`), 'utf8'));
      const records = [...doc.indicators, ...doc.assignments] as { id: string; source: { page: number | null; table: string | null; box: unknown } }[];
      expect(records.length, f.file).toBeGreaterThan(0);
      for (const r of records) expect(r.source.box, `${r.id} (${r.source.table ? 'table' : 'prose'})`).not.toBeNull();
      for (const t of doc.tables as { columns: { role: string | null; header: string }[]; columnCount: number; kind: string }[]) {
        expect(t.columns).toHaveLength(t.columnCount);
        expect(['tasks', 'indicators', 'criteria', 'scores', 'comments', 'schedule', 'other']).toContain(t.kind);
      }
      // a table that gave records is a task or target table with roles for what the records hold
      const fromTables = new Set(records.map((r) => r.source.table).filter(Boolean));
      for (const t of (doc.tables as { id: string; kind: string }[]).filter((x) => fromTables.has(x.id))) expect(['tasks', 'indicators', 'criteria']).toContain(t.kind);
    }
  });

  it('sends image-only and English-OCR pages to OCR, and says so when OCR is off', () => {
    for (const f of fixtures.filter((x) => x.variant === 'scan' || x.variant === 'kh44-style')) {
      const doc = JSON.parse(readFileSync(join(out, `${basename(f.file, '.pdf')}.json`), 'utf8'));
      const reasons = new Set(doc.issues.filter((i: { stage: string }) => i.stage === 'extract').map((i: { code: string }) => i.code));
      if (f.variant === 'scan') expect(reasons).toEqual(new Set(['text-layer-empty']));
      // the English-OCR layer is noisy, or (on pages of numbers and names) without diacritics over a scan
      else expect([...reasons].every((r) => r === 'text-layer-noisy' || r === 'text-layer-over-scan')).toBe(true);
      expect(doc.status).toBe('partial');
      expect(doc.issues.filter((i: { code: string }) => i.code === 'ocr-disabled')).toHaveLength(doc.source.pages);
    }
  });

  it('gives the same document the same id on every run', async () => {
    const again = mkdtempSync(join(tmpdir(), 'plan-ingest-again-'));
    const file = fixtures[0]?.file ?? '';
    await runCli(['ingest', file, '--out', again, '--no-progress']);
    const name = `${basename(file, extname(file))}.json`;
    const a = JSON.parse(readFileSync(join(out, name), 'utf8'));
    const b = JSON.parse(readFileSync(join(again, name), 'utf8'));
    expect(b.id).toBe(a.id);
    expect(b.indicators.map((r: { id: string }) => r.id)).toEqual(a.indicators.map((r: { id: string }) => r.id));
    expect(b.assignments.map((r: { id: string }) => r.id)).toEqual(a.assignments.map((r: { id: string }) => r.id));
  });
});
