import type { Document } from '../../schemas/index.js';
import { defaultDataDir, measureTextQuality } from '../core/index.js';
import { correctedTexts } from '../output/index.js';
import { expandInputs } from '../intake/index.js';
import { runDocument } from '../pipeline/index.js';
import { addToCorpus, loadModel } from '../restore/index.js';
import { EXIT, exitForInputs, type ExitCode } from './exit-codes.js';
import { tell } from './verbosity.js';

/**
 * `plan-ingest train <path>...`: adds correct Vietnamese (the users' archive
 * of digital plans: .pdf text layers, .txt, .md) to the restoration model's
 * corpus and retrains it. Pages that are not good Vietnamese (no
 * diacritics, OCR noise) are skipped: the model must learn from correct
 * text only. An input that gives no page says why on stderr and counts as
 * failed; when nothing at all is taken the model is left as it was and the
 * exit code is EXIT.allFailed.
 */
export async function trainCommand(paths: string[], opts: { corrections?: string } = {}): Promise<ExitCode> {
  const dataDir = defaultDataDir();
  const texts: string[] = [];
  const files = await expandInputs(paths);
  let failed = 0;
  if (opts.corrections) {
    // reviewers' corrected texts are correct Vietnamese by construction; lines without marks are still left out
    const corrected = (await correctedTexts(opts.corrections)).filter((t) => measureTextQuality(t).verdict === 'good');
    if (corrected.length) {
      texts.push(corrected.join('\n'));
      tell(`${opts.corrections}: ${corrected.length} corrected text(s) taken`);
    } else {
      failed++;
      process.stderr.write(`plan-ingest: ${opts.corrections}: nothing taken: no corrected texts with diacritics in its reviews\n`);
    }
  }
  for (const file of files) {
    try {
      const doc = await runDocument(file, { ocr: null, restoreModel: null });
      const good = doc.pages.filter((p) => p.quality?.verdict === 'good').map((p) => p.text);
      const why = skipped(doc);
      if (good.length) {
        texts.push(good.join('\n'));
        tell(`${file}: ${good.length} of ${doc.pages.length} page(s) taken${why ? `; skipped ${why}` : ''}`);
      } else {
        failed++;
        process.stderr.write(`plan-ingest: ${file}: nothing taken: ${why || 'no page of good Vietnamese text'}\n`);
      }
    } catch (error) {
      failed++;
      process.stderr.write(`plan-ingest: ${file}: ${(error as Error).message}\n`);
    }
  }
  const total = files.length + (opts.corrections ? 1 : 0);
  if (!texts.length) {
    process.stderr.write(`nothing to train on: no input gave correct Vietnamese text; the model is unchanged\n`);
    return EXIT.allFailed;
  }
  await addToCorpus(dataDir, texts);
  const model = await loadModel(dataDir);
  process.stderr.write(`model trained on ${model.tokens} tokens (${total - failed} of ${total} input(s) taken)\n`);
  return exitForInputs(total, failed);
}

/**
 * Why a document's pages were not taken, grouped ("3 page(s) without a
 * text layer (scanned: OCR text is not correct enough to learn from)").
 * Training never OCRs: a model must not learn OCR's mistakes.
 */
export function skipped(doc: Pick<Document, 'pages'>): string {
  const counts = new Map<string, number>();
  for (const p of doc.pages) {
    const verdict = p.quality?.verdict ?? 'empty';
    if (verdict === 'good') continue;
    const reason =
      p.origin === 'ocr'
        ? 'an image: scans are not used for training (OCR text is not correct enough to learn from)'
        : verdict === 'empty'
          ? 'without a text layer: scanned pages are not used for training (OCR text is not correct enough to learn from)'
          : verdict === 'noisy'
            ? 'whose text layer is OCR noise'
            : 'whose text has no diacritics';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, n]) => (reason.startsWith('an image') ? reason : `${n} page(s) ${reason}`)).join('; ');
}
