import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { haveScorer, recordF1 } from '../../scripts/bench/record-scores.js';
import { metadataScore, outlineScore } from '../../scripts/bench/structure-scores.js';
import type { Document } from '../../schemas/index.js';
import { runCli } from '../support/run-cli.js';

const ROOT = new URL('../../', import.meta.url);
/** Every fixture plan, typeset as a PDF and written as a clerk's Word draft from the same spec (scripts/fixtures/write-docx.ts). */
const NAMES = ['kh-skhcn-2026', 'kh-tu-57', 'kh-xa-chi-minh-2026', 'kh-bql-2026'];
const schema = JSON.parse(readFileSync(new URL('schemas/document.schema.json', ROOT), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const gold = (name: string, part: string): string => new URL(`fixtures/groundtruth/${name}.${part}.json`, ROOT).pathname;
const readGold = <T>(name: string, part: string): T | null => {
  try {
    return JSON.parse(readFileSync(gold(name, part), 'utf8')) as T;
  } catch {
    return null;
  }
};

const norm = (s: unknown): string => String(s ?? '').normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').replace(/[\s.;,:]+$/u, '').trim();
const sameSet = (a: readonly string[], b: readonly string[]): boolean => [...new Set(a.map(norm))].sort().join('|') === [...new Set(b.map(norm))].sort().join('|');

interface GoldAssignment { code: string; task: string; lead: string[]; cooperating: string[]; timeline: string | null }
interface GoldIndicator { code: string; name: string; targets: Record<string, string>; lead: string | null; agencies?: string[] }

/**
 * The share of the groundtruth's record fields the document reads exactly,
 * over the larger of the two record counts (so missing and spurious records
 * both count): assignments' task, lead, cooperating, timeline; indicators'
 * name, targets, lead. A record is paired with the first unpaired one of the
 * same code. Runs without ../shared; the project's judge is compared too
 * when it is there.
 */
function fieldScore(doc: Document, assignments: GoldAssignment[] | null, indicators: GoldIndicator[] | null): number {
  let hit = 0;
  let total = 0;
  const pair = <G extends { code: string }, R extends { code: string | null }>(truth: G[], out: R[], fields: ((g: G, r: R) => boolean)[]): void => {
    const free = [...out];
    for (const g of truth) {
      const at = free.findIndex((r) => norm(r.code) === norm(g.code));
      const r = at >= 0 ? free.splice(at, 1)[0] : undefined;
      if (r) hit += fields.filter((f) => f(g, r)).length;
    }
    total += fields.length * Math.max(truth.length, out.length);
  };
  if (assignments)
    pair(assignments, doc.assignments, [
      (g, r) => norm(g.task) === norm(r.task),
      (g, r) => sameSet(g.lead, r.lead.map((a) => a.raw)) || sameSet(g.lead, r.lead.map((a) => a.name ?? a.raw)),
      (g, r) => sameSet(g.cooperating, r.cooperating.map((a) => a.raw)) || sameSet(g.cooperating, r.cooperating.map((a) => a.name ?? a.raw)),
      (g, r) => norm(g.timeline) === norm(r.timeline?.raw),
    ]);
  if (indicators)
    pair(indicators, doc.indicators, [
      (g, r) => norm(g.name) === norm(r.name),
      (g, r) => Object.entries(g.targets ?? {}).every(([year, raw]) => r.targets.some((t) => String(t.year) === year && norm(t.raw) === norm(raw))),
      (g, r) => norm(g.lead) === norm(r.lead),
    ]);
  return total ? hit / total : 1;
}

describe('plan-ingest ingest on Word drafts of the fixture plans', () => {
  const out = mkdtempSync(join(tmpdir(), 'plan-ingest-docx-'));
  const docx = join(out, 'docx');
  const pdf = join(out, 'pdf');
  const doc = (dir: string, name: string): Document => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Document;
  let code: number | null = null;
  beforeAll(async () => {
    const [d, p] = await Promise.all([
      runCli(['ingest', ...NAMES.map((n) => `fixtures/docx/${n}.docx`), '--out', docx, '--no-progress']),
      runCli(['ingest', ...NAMES.map((n) => `fixtures/pdf/${n}.pdf`), '--out', pdf, '--no-progress', '--no-ocr']),
    ]);
    expect(p.code, p.stderr).toBe(0);
    code = d.code;
  }, 300_000);

  it('reads every draft, as a text input whose JSON validates', () => {
    expect(code).toBe(0);
    for (const name of NAMES) {
      const d = doc(docx, name);
      expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
      expect(d.source).toMatchObject({ kind: 'text', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    }
  });

  it.each(NAMES)('%s: the same metadata and outline as its PDF, or better', (name) => {
    const [d, p] = [doc(docx, name), doc(pdf, name)];
    const meta = readGold<Record<string, unknown>>(name, 'metadata')!;
    expect(metadataScore(d, meta)).toBeGreaterThanOrEqual(metadataScore(p, meta));
    for (const field of ['issuer', 'number', 'date', 'place', 'type', 'title'] as const) expect(d.metadata[field], field).toEqual(p.metadata[field]);
    const outline = readGold<Parameters<typeof outlineScore>[1]>(name, 'outline');
    if (outline) expect(outlineScore(d, outline)).toBeGreaterThanOrEqual(outlineScore(p, outline));
  });

  it.each(NAMES)('%s: records as good as its PDF\'s against the groundtruth (task, lead, cooperating, timeline, targets)', (name) => {
    const [d, p] = [doc(docx, name), doc(pdf, name)];
    const a = readGold<GoldAssignment[]>(name, 'assignments');
    const i = readGold<GoldIndicator[]>(name, 'indicators');
    const [sd, sp] = [fieldScore(d, a, i), fieldScore(p, a, i)];
    expect(sd, `docx ${sd.toFixed(3)} vs pdf ${sp.toFixed(3)}`).toBeGreaterThanOrEqual(sp);
    expect(sd).toBeGreaterThan(0.5);
    expect(d.assignments.length).toBe(p.assignments.length);
    expect(d.indicators.length).toBe(p.indicators.length);
    if (haveScorer())
      for (const kind of ['assignments', 'indicators'] as const) {
        const [fd, fp] = [recordF1(kind, gold(name, kind), join(docx, `${name}.json`)), recordF1(kind, gold(name, kind), join(pdf, `${name}.json`))];
        if (fd !== null && fp !== null) expect(fd, `${kind}: docx ${fd} vs pdf ${fp}`).toBeGreaterThanOrEqual(fp);
      }
  });

  it('reads the appendix tables as Word tables, with the merged header of the target table as a grouped header', () => {
    const d = doc(docx, 'kh-tu-57');
    expect(d.tables.map((t) => [t.kind, t.detection])).toEqual([['indicators', 'word-table'], ['tasks', 'word-table']]);
    const headers = d.tables[0]!.columns.map((c) => c.header);
    expect(headers).toContain('Mục tiêu / Năm 2030');
    expect(headers[0]).toBe('Stt');
    // the auto-numbered outline reads as printed
    const text = d.pages.map((pg) => pg.text).join('\n');
    expect(text).toMatch(/^II\. YÊU CẦU$/mu);
    expect(text).toMatch(/^2\.1\. Đến hết năm 2025$/mu);
    expect(text).toMatch(/^a\) Phát triển hạ tầng$/mu);
  });
});
