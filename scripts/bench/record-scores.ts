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
