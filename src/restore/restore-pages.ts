import type { PagesResult } from '../../schemas/index.js';
import type { IssueRecorder } from '../core/index.js';

/**
 * The restore stage. Vietnamese diacritic restoration and OCR repair are the
 * restoration issue's work; until then this stage finds the pages that need
 * it (text without diacritics, or noisy after OCR) and records them, so the
 * document says honestly that their text is not yet repaired.
 */
export async function restorePages(input: PagesResult, issues: IssueRecorder): Promise<PagesResult> {
  for (const page of input.pages) {
    const verdict = page.quality?.verdict;
    if (verdict === 'no-diacritics' || verdict === 'noisy')
      issues.record('restoration-needed', `page ${page.number}: text is ${verdict === 'noisy' ? 'noisy' : 'without diacritics'}; it was not restored`, { page: page.number, severity: 'warning' });
  }
  return input;
}
