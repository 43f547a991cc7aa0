/**
 * More training pairs for the OCR noise channel: the digital fixtures other
 * than kh-tu-57 (which ships its KH 44-style copy in fixtures/scan), scanned
 * and OCR'd with Tesseract's English model the same way, into a cache folder
 * (.cache/eng-ocr, not committed: regenerated on demand, a few minutes).
 * Then the public-domain texts of channel-texts.ts, typeset and scanned alike,
 * in DejaVu Serif and again in a Times-like typeface.
 * Every pair is our own text: never KH 44, never a gold file.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeScanVariant, type ScanVariant } from '../fixtures/make-scans.js';
import { channelTexts, makeChannelPair, timesFonts } from './channel-texts.js';

const ROOT = new URL('../../', import.meta.url);
const path = (rel: string): string => fileURLToPath(new URL(rel, ROOT));

/** Scanned like the shipped KH 44-style fixture (150 DPI, JPEG quality 40), each with its own noise seed. */
const EXTRA: ScanVariant[] = [
  { name: 'kh-bql-2026', dpi: 150, seed: 4401, jpegQuality: 40, englishOcr: { dpi: 150, jpegQuality: 40 } },
  { name: 'kh-skhcn-2026', dpi: 150, seed: 4402, jpegQuality: 40, englishOcr: { dpi: 150, jpegQuality: 40 } },
  { name: 'kh-xa-chi-minh-2026', dpi: 150, seed: 4403, jpegQuality: 40, englishOcr: { dpi: 150, jpegQuality: 40 } },
];

export interface ChannelPair {
  clean: string;
  noisy: string;
}

/**
 * The (digital PDF, English-OCR PDF) pairs the channel learns from; missing English-OCR copies are made first,
 * unless `made` (then only the copies already in the cache are listed).
 */
export async function channelPairs(log: (m: string) => void = console.log, made = false): Promise<ChannelPair[]> {
  const cache = path('.cache/eng-ocr');
  mkdirSync(cache, { recursive: true });
  const pairs: ChannelPair[] = [{ clean: path('fixtures/pdf/kh-tu-57.pdf'), noisy: path('fixtures/scan/kh-tu-57.eng-ocr.pdf') }];
  for (const variant of EXTRA) {
    const noisy = `${cache}/${variant.name}.eng-ocr.pdf`;
    if (!existsSync(noisy) && made) continue;
    if (!existsSync(noisy)) await makeScanVariant(variant, path('fixtures/pdf'), cache, { skipOcr: false, log });
    pairs.push({ clean: path(`fixtures/pdf/${variant.name}.pdf`), noisy });
  }
  // public-domain correct text from ../shared, typeset here (skipped with a note when ../shared is missing)
  const texts = channelTexts();
  if (!texts.length) log('../shared not found: the channel is learned from the fixtures alone (the shipped one also has the realdev and legal texts)');
  const cached = (name: string): boolean => existsSync(`${cache}/${name}.eng-ocr.pdf`) && existsSync(`${cache}/${name}.pdf`);
  for (const [i, text] of texts.entries()) if (!made || cached(text.name)) pairs.push(await makeChannelPair(text, cache, 4500 + i, log));
  // the same kind of text in a Times-like typeface (skipped with a note when the fonts are not installed)
  const fonts = timesFonts();
  if (texts.length && !fonts) log('Liberation Serif 2 not found (apt-get install fonts-liberation2, or PLAN_INGEST_TIMES_FONTS): no Times-like copies; the shipped channel has them');
  if (fonts) for (const [i, text] of channelTexts(true).entries()) if (!made || cached(text.name)) pairs.push(await makeChannelPair(text, cache, 4600 + i, log, fonts));
  return pairs;
}

if (import.meta.url === `file://${process.argv[1]}`) await channelPairs();
