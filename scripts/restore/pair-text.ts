/**
 * The pages of a (digital, English-OCR) PDF pair as the pipeline reads them
 * (no OCR, no restoration), cached as JSON: what channel-counts.ts aligns.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../../src/core/index.js';
import { runDocument } from '../../src/pipeline/index.js';
import type { PairText } from './channel-counts.js';
import type { ChannelPair } from './english-ocr-pairs.js';

/** Reads both PDFs of a pair through the pipeline (cached in `cacheDir`, keyed by the files' sizes and the noisy one's time). */
export async function pairText(pair: ChannelPair, cacheDir: string): Promise<PairText> {
  mkdirSync(cacheDir, { recursive: true });
  const stamp = `${statSync(pair.noisy).size}-${statSync(pair.noisy).mtimeMs}-${statSync(pair.clean).size}`;
  const file = join(cacheDir, `${basename(pair.noisy)}.${stamp}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as PairText;
  const clean = await runDocument(pair.clean, { ocr: null, restoreModel: null });
  const noisy = await runDocument(pair.noisy, { ocr: null, restoreModel: null });
  const pages = noisy.pages.flatMap((page) => {
    const source = clean.pages.find((p) => p.number === page.number);
    return source ? [{ clean: source.text, noisy: page.text }] : [];
  });
  const out: PairText = { name: basename(pair.noisy).replace(/\.eng-ocr\.pdf$/u, ''), pages };
  await writeFileAtomic(file, JSON.stringify(out));
  return out;
}

