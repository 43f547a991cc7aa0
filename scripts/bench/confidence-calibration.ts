import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCORER = fileURLToPath(new URL('../../../shared/eval/score-records.mjs', import.meta.url));
/** Below this a record is flagged for review (the review page's "needs review"). */
export const REVIEW_THRESHOLD = 0.8;

/** What one document's records say about their confidence: how many fields are wrong, and how many of those sit in flagged records. */
export interface Calibration {
  records: number;
  flagged: number;
  wrongFields: number;
  wrongFieldsFlagged: number;
  /** Records with no gold counterpart (made up): all their fields count as one wrong field each. */
  spurious: number;
}

const norm = (code: unknown): string => String(code ?? '').trim().replace(/\.+$/u, '').toLowerCase();

/**
 * Which records are wrong, by the project's judge (../shared/eval/score-records.mjs
 * --show: every field under 0.95 similarity, per gold code), and where their
 * confidences put them. Null when the scorer or the gold file is absent.
 */
export function calibrate(kind: 'indicators' | 'assignments', goldFile: string, docFile: string): Calibration | null {
  if (!existsSync(SCORER) || !existsSync(goldFile)) return null;
  const out = execFileSync(process.execPath, [SCORER, '--kind', kind, goldFile, docFile, '--show', '100000'], { encoding: 'utf8' });
  const doc = JSON.parse(readFileSync(docFile, 'utf8')) as Record<string, { code: string; confidence: number }[]>;
  const records = doc[kind] ?? [];
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as { code: string }[];
  const goldCodes = new Set(gold.map((g) => norm(g.code)));
  const confidenceOf = new Map<string, number>();
  for (const r of records) if (!confidenceOf.has(norm(r.code))) confidenceOf.set(norm(r.code), r.confidence);
  let wrongFields = 0;
  let wrongFieldsFlagged = 0;
  for (const line of out.split('\n')) {
    const m = /^(\S+) (\w+) \(([0-9.]+)\)$/u.exec(line);
    if (!m) continue;
    wrongFields++;
    if ((confidenceOf.get(norm(m[1])) ?? 1) < REVIEW_THRESHOLD) wrongFieldsFlagged++;
  }
  const spurious = records.filter((r) => !goldCodes.has(norm(r.code)));
  wrongFields += spurious.length;
  wrongFieldsFlagged += spurious.filter((r) => r.confidence < REVIEW_THRESHOLD).length;
  return { records: records.length, flagged: records.filter((r) => r.confidence < REVIEW_THRESHOLD).length, wrongFields, wrongFieldsFlagged, spurious: spurious.length };
}

/** Sums calibrations over documents. */
export function addCalibrations(all: readonly Calibration[]): Calibration {
  return all.reduce((a, c) => ({ records: a.records + c.records, flagged: a.flagged + c.flagged, wrongFields: a.wrongFields + c.wrongFields, wrongFieldsFlagged: a.wrongFieldsFlagged + c.wrongFieldsFlagged, spurious: a.spurious + c.spurious }), {
    records: 0, flagged: 0, wrongFields: 0, wrongFieldsFlagged: 0, spurious: 0,
  });
}
