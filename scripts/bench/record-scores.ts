import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCORER = fileURLToPath(new URL('../../../shared/eval/score-records.mjs', import.meta.url));

/** True when ../shared/eval is there (dev machines and CI; not a new user's clone). */
export const haveScorer = (): boolean => existsSync(SCORER);

/** field F1 from ../shared/eval/score-records.mjs, the project's judge; null when the scorer is absent. */
export function recordF1(kind: 'indicators' | 'assignments', goldFile: string, docFile: string): number | null {
  if (!haveScorer() || !existsSync(goldFile)) return null;
  const out = execFileSync(process.execPath, [SCORER, '--kind', kind, goldFile, docFile], { encoding: 'utf8' });
  const m = /field_f1=([0-9.]+)/.exec(out);
  return m?.[1] ? Number(m[1]) : null;
}

/** field precision, recall and F1 from the same judge; null when the scorer is absent. */
export function recordPRF(kind: 'indicators' | 'assignments', goldFile: string, docFile: string): { precision: number; recall: number; f1: number } | null {
  if (!haveScorer() || !existsSync(goldFile)) return null;
  const out = execFileSync(process.execPath, [SCORER, '--kind', kind, goldFile, docFile], { encoding: 'utf8' });
  const m = /field_precision=([0-9.]+) field_recall=([0-9.]+) field_f1=([0-9.]+)/.exec(out);
  return m ? { precision: Number(m[1]), recall: Number(m[2]), f1: Number(m[3]) } : null;
}
