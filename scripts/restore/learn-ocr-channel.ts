/**
 * Learns the OCR noise channel (`npm run learn:channel`, writes
 * models/ocr-channel.json): which tokens an English-model OCR writes for
 * which Vietnamese syllables, and which letters it confuses. The data is
 * our own: the digital fixtures typeset from the correct seeds, scanned,
 * and OCR'd with the English model (fixtures/scan/kh-tu-57.eng-ocr.pdf and
 * the copies english-ocr-pairs.ts makes of the others), aligned page by
 * page with the digital PDFs' text. Never KH 44, never a gold file.
 * `--out FILE` writes elsewhere (a variant to measure: PLAN_INGEST_OCR_CHANNEL=FILE).
 */
import { mkdirSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../src/core/index.js';
import { alignedWords, countChannel } from './channel-counts.js';
import { pairText } from './pair-text.js';
import { channelPairs } from './english-ocr-pairs.js';

const ROOT = new URL('../../', import.meta.url);
const path = (rel: string): string => fileURLToPath(new URL(rel, ROOT));

// --made: learn from the copies already made (a partial cache), none made now
const sources = await channelPairs(console.log, process.argv.includes('--made'));
const aligned: [string, string][] = [];
for (const pair of sources) aligned.push(...alignedWords(await pairText(pair, path('.cache/eng-ocr/text'))));
const data = countChannel(aligned);
mkdirSync(path('models'), { recursive: true });
const outArg = process.argv.indexOf('--out');
const out = outArg >= 0 ? process.argv[outArg + 1]! : path('models/ocr-channel.json');
await writeFileAtomic(
  out,
  `${JSON.stringify({ version: 2, source: sources.map((p) => `${relative(path(''), p.noisy)} against ${relative(path(''), p.clean)}`).join('; '), ...data })}\n`,
);
console.log(`${data.pairs} aligned word pairs, ${(data.identity * 100).toFixed(1)}% read right apart from diacritics; ${out}`);
