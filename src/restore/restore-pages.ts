import type { Page, PagesResult } from '../../schemas/index.js';
import { measureTextQuality, stripDiacritics, type IssueRecorder } from '../core/index.js';
import type { NgramModel } from './ngram-model.js';
import { restoreLine, type RestoredLine } from './restore-text.js';

/**
 * The restore stage. Pages whose text lost its diacritics are restored line
 * by line; pages whose text is noisy OCR (an English model's reading of
 * Vietnamese) have their unreliable marks dropped first and are restored
 * from the bare letters. Good pages are left alone. The text before
 * restoration is kept in `originalText`; a restored word's confidence is
 * the model's.
 */
export async function restorePages(input: PagesResult, issues: IssueRecorder, model: NgramModel | null): Promise<PagesResult> {
  const pages: Page[] = [];
  for (const page of input.pages) {
    const verdict = page.quality?.verdict;
    if (verdict !== 'no-diacritics' && verdict !== 'noisy') {
      pages.push(page);
      continue;
    }
    if (!model) {
      issues.record('restoration-needed', `page ${page.number}: text is ${verdict}; restoration is off`, { page: page.number, severity: 'warning' });
      pages.push(page);
      continue;
    }
    pages.push(restorePage(page, model, verdict === 'noisy'));
    issues.record('restored', `page ${page.number}: diacritics restored${verdict === 'noisy' ? ' from noisy OCR text (marks dropped first)' : ''}`, { page: page.number, severity: 'info' });
  }
  return { ...input, pages };
}

function restorePage(page: Page, model: NgramModel, noisy: boolean): Page {
  const prepare = (s: string): string => (noisy ? stripDiacritics(s) : s);
  const words = page.words.map((w) => ({ ...w }));
  const lines = page.lines.map((line) => {
    const restored = restoreLine(prepare(line.text), model);
    mapOntoWords(restored, words.slice(line.wordStart, line.wordEnd));
    return { ...line, text: restored.text };
  });
  // text inputs keep blank lines in page.text; positioned pages are their lines
  const text = page.words.length ? lines.map((l) => l.text).join('\n') : page.text.split('\n').map((l) => restoreLine(prepare(l), model).text).join('\n');
  return { ...page, text, lines, words, originalText: page.text, quality: measureTextQuality(text), repairs: [...page.repairs, noisy ? 'restored-from-noisy' : 'restored'] };
}

/** Gives each word its restored spelling when the line kept its word count, with the lower of the two confidences. */
function mapOntoWords(line: RestoredLine, words: Page['words']): void {
  const parts = line.text.split(/\s+/u).filter(Boolean);
  if (parts.length !== words.length) return;
  const confidence = new Map(line.tokens.map((t) => [t.restored, t.confidence]));
  words.forEach((w, i) => {
    const restored = parts[i] ?? w.text;
    if (restored !== w.text) w.confidence = Math.min(w.confidence, confidence.get(restored.replace(/[^\p{L}]/gu, '')) ?? w.confidence);
    w.text = restored;
  });
}
