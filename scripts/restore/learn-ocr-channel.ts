/**
 * Learns the OCR noise channel (`npm run learn:channel`, writes
 * models/ocr-channel.json): which tokens an English-model OCR writes for
 * which Vietnamese syllables, and which letters it confuses. The data is
 * our own: the digital fixtures typeset from the correct seeds, scanned,
 * and OCR'd with the English model (fixtures/scan/kh-tu-57.eng-ocr.pdf and
 * the copies english-ocr-pairs.ts makes of the others), aligned page by
 * page with the digital PDFs' text. Never KH 44, never a gold file.
 */
import { mkdirSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { similarity, stripDiacritics, writeFileAtomic } from '../../src/core/index.js';
import { runDocument } from '../../src/pipeline/index.js';
import { alignChars, alignWords } from './alignment.js';
import { channelPairs } from './english-ocr-pairs.js';

const ROOT = new URL('../../', import.meta.url);
const path = (rel: string): string => fileURLToPath(new URL(rel, ROOT));
const words = (text: string): string[] => text.normalize('NFC').toLowerCase().match(/[^\s]+/gu)?.map((w) => w.replace(/^[^\p{L}\p{N}&§$@]+|[^\p{L}\p{N}&§$@]+$/gu, '')).filter(Boolean) ?? [];

const tokens = new Map<string, Map<string, number>>();
const subs = new Map<string, Map<string, number>>();
let pairs = 0;
let identical = 0;
const bump = (table: Map<string, Map<string, number>>, from: string, to: string): void => {
  const row = table.get(from) ?? new Map<string, number>();
  row.set(to, (row.get(to) ?? 0) + 1);
  table.set(from, row);
};

const sources = await channelPairs();
for (const pair of sources) {
  const clean = await runDocument(pair.clean, { ocr: null, restoreModel: null });
  const noisy = await runDocument(pair.noisy, { ocr: null, restoreModel: null });
  for (const page of noisy.pages) {
    const source = clean.pages.find((p) => p.number === page.number);
    if (!source) continue;
    for (const [intended, observed] of alignWords(words(source.text), words(page.text))) {
      if (!/^\p{L}+$/u.test(intended)) continue;
      const obs = stripDiacritics(observed);
      const bare = stripDiacritics(intended);
      if (similarity(obs, bare) < 0.34) continue;
      pairs++;
      if (obs === bare) identical++;
      bump(tokens, obs, intended);
      for (const [o, i] of alignChars(obs, bare)) if (o !== i) bump(subs, o, i);
    }
  }
}
const toJson = (table: Map<string, Map<string, number>>, min: number): Record<string, Record<string, number>> =>
  Object.fromEntries([...table].map(([k, row]) => [k, Object.fromEntries([...row].filter(([, n]) => n >= min))]).filter(([, row]) => Object.keys(row as object).length));
mkdirSync(path('models'), { recursive: true });
await writeFileAtomic(
  path('models/ocr-channel.json'),
  `${JSON.stringify({ version: 1, source: sources.map((p) => `${relative(path(''), p.noisy)} against ${relative(path(''), p.clean)}`).join('; '), pairs, identity: identical / pairs, tokens: toJson(tokens, 2), subs: toJson(subs, 3) })}\n`,
);
console.log(`${pairs} aligned word pairs, ${(identical / pairs * 100).toFixed(1)}% read right apart from diacritics; models/ocr-channel.json`);
