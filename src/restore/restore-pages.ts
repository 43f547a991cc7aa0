import type { Page, PagesResult } from '../../schemas/index.js';
import { measureTextQuality, type IssueRecorder } from '../core/index.js';
import type { NgramModel } from './ngram-model.js';
import { repairComparators } from './comparator-repair.js';
import { repairOcrWords } from './ocr-word-repair.js';
import { repairOcrTones } from './ocr-tone-repair.js';
import { loadToneChannel } from './tone-channel.js';
import { DocumentCache } from './document-cache.js';
import { loadOcrChannel, type OcrChannel } from './ocr-channel.js';
import { restoreLines, type RestoredLine } from './restore-text.js';

/**
 * The restore stage. Pages whose text lost its diacritics are restored line
 * by line (wrapped lines decoded together); pages whose text is noisy OCR (an English model's reading of
 * Vietnamese) are read through the learned OCR channel ("d6i" → "đổi"), the
 * marks it printed not trusted. Good pages are left alone. The text before
 * restoration is kept in `originalText`; a restored word's confidence is
 * the model's.
 */
export async function restorePages(input: PagesResult, issues: IssueRecorder, model: NgramModel | null): Promise<PagesResult> {
  const pages: Page[] = [];
  // names and terms the document repeats: what one page was restored to with confidence weighs on the next
  const cache = new DocumentCache();
  for (const page of input.pages) {
    const verdict = page.quality?.verdict;
    if (verdict === 'good' && page.origin === 'ocr' && model) {
      // a good OCR page can still have lines read without their marks (bold capitals: "KINH TE HAI PHONG");
      // lines already written with diacritics come back unchanged
      const restored = restorePage(page, model, null, cache);
      pages.push(restored.text === page.text ? page : restored);
      continue;
    }
    if (verdict !== 'no-diacritics' && verdict !== 'noisy') {
      pages.push(page);
      continue;
    }
    if (!model) {
      issues.record('restoration-needed', `page ${page.number}: text is ${verdict}; restoration is off`, { page: page.number, severity: 'warning' });
      pages.push(page);
      continue;
    }
    const channel = verdict === 'noisy' ? loadOcrChannel() : null;
    pages.push(restorePage(page, model, channel, cache));
    issues.record('restored', `page ${page.number}: diacritics restored${channel ? ' and OCR noise repaired' : ''}`, { page: page.number, severity: 'info' });
  }
  // words a Vietnamese OCR got wrong for certain: non-syllables, an acronym misread against its other printings
  if (!model) return { ...input, pages };
  const repaired = repairOcrWords(pages, model);
  // then real syllables it printed with the wrong marks ("đôi tên"), where the model and the learned channel agree
  const channel = loadToneChannel();
  if (!channel) return { ...input, pages: repaired };
  const toned = repairOcrTones(repaired, model, channel);
  for (const page of new Set(toned.changes.map((c) => c.page))) {
    const list = toned.changes.filter((c) => c.page === page).map((c) => `${c.printed} → ${c.repaired}`);
    issues.record('ocr-tones-repaired', `page ${page}: ${list.length} word(s) the OCR printed with other marks repaired (${list.join(', ')})`, { page, severity: 'info' });
  }
  return { ...input, pages: toned.pages };
}

function restorePage(page: Page, model: NgramModel, channel: OcrChannel | null, cache: DocumentCache): Page {
  const words = page.words.map((w) => ({ ...w }));
  // signs are repaired only where the OCR was an English model's (the channel's pages)
  // lines are decoded together, so a sentence wrapped over lines keeps its context
  const read = (texts: readonly string[]): RestoredLine[] => restoreLines(channel ? texts.map((t) => repairComparators(t, model)) : texts, model, channel, cache);
  // text inputs keep blank lines in page.text, and their lines are its other lines: one decoding serves both
  const raw = page.text.split('\n');
  const textLines = page.words.length ? null : read(raw);
  const kept = textLines?.filter((_, i) => raw[i]!.trim());
  const restoredLines = kept?.length === page.lines.length ? kept : read(page.lines.map((l) => l.text));
  const lines = page.lines.map((line, i) => {
    const restored = restoredLines[i]!;
    mapOntoWords(restored, words.slice(line.wordStart, line.wordEnd));
    return { ...line, text: restored.text };
  });
  const text = textLines ? textLines.map((l) => l.text).join('\n') : lines.map((l) => l.text).join('\n');
  return { ...page, text, lines, words, originalText: page.text, quality: measureTextQuality(text), repairs: [...page.repairs, channel ? 'ocr-repaired' : 'restored'] };
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
