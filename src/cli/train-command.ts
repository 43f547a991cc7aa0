import { defaultDataDir, measureTextQuality } from '../core/index.js';
import { correctedTexts } from '../output/index.js';
import { expandInputs } from '../intake/index.js';
import { runDocument } from '../pipeline/index.js';
import { addToCorpus, loadModel } from '../restore/index.js';

/**
 * `plan-ingest train <path>...`: adds correct Vietnamese (the users' archive
 * of digital plans: .pdf text layers, .txt, .md) to the restoration model's
 * corpus and retrains it. Pages that are not good Vietnamese (no
 * diacritics, OCR noise) are skipped: the model must learn from correct text only.
 */
export async function trainCommand(paths: string[], opts: { corrections?: string } = {}): Promise<void> {
  const dataDir = defaultDataDir();
  const texts: string[] = [];
  if (opts.corrections) {
    // reviewers' corrected texts are correct Vietnamese by construction; lines without marks are still left out
    const corrected = (await correctedTexts(opts.corrections)).filter((t) => measureTextQuality(t).verdict === 'good');
    if (corrected.length) texts.push(corrected.join('\n'));
    process.stderr.write(`${opts.corrections}: ${corrected.length} corrected text(s) taken\n`);
  }
  for (const file of await expandInputs(paths)) {
    try {
      const doc = await runDocument(file, { ocr: null, restoreModel: null });
      const good = doc.pages.filter((p) => p.quality?.verdict === 'good').map((p) => p.text);
      if (good.length) texts.push(good.join('\n'));
      process.stderr.write(`${file}: ${good.length} of ${doc.pages.length} page(s) taken\n`);
    } catch (error) {
      process.stderr.write(`plan-ingest: ${file}: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  }
  await addToCorpus(dataDir, texts);
  const model = await loadModel(dataDir);
  process.stderr.write(`model trained on ${model.tokens} tokens\n`);
}
