/**
 * Tunes how the OCR channel's evidence is weighed (ChannelOptions: the
 * prior power and the channel's weight) on our own English-OCR pairs,
 * never on KH 44: the pairs are cut into folds by the text they were made
 * from (a text's DejaVu and Times copies in the same fold), the channel is
 * counted on the other folds, and each held-out copy's OCR text is
 * restored with the language model less that text's own counts, then
 * scored word by word against the digital text. Uses only the copies
 * already in .cache/eng-ocr (run english-ocr-pairs.ts first).
 *
 *   npx tsx scripts/restore/tune-channel.ts [--folds 4] [--power 0,0.5,1] [--weight 1] [--readings 12] [--only times] [--max N]
 *
 * `--readings`: readings of a word the decoder keeps alive besides its best states (ChannelOptions.readingsKept).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeModel, NgramModel, restoreText, shippedModelPath, trainModel } from '../../src/restore/index.js';
import { CHANNEL_READINGS_KEPT, OcrChannel } from '../../src/restore/ocr-channel.js';
import { alignWords } from './alignment.js';
import { alignedWords, channelWords, countChannel, type PairText } from './channel-counts.js';
import { pairText } from './pair-text.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = process.env.PLAN_INGEST_SHARED ?? join(ROOT, '../shared');
const CACHE = join(ROOT, '.cache/eng-ocr');
const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const folds = Number(arg('--folds', '4'));
const powers = arg('--power', '0,0.5,1').split(',').map(Number);
const weights = arg('--weight', '1').split(',').map(Number);
const kepts = arg('--readings', String(CHANNEL_READINGS_KEPT)).split(',').map(Number);
const only = arg('--only', '');
/** Held-out copies restored at most (the first by name): each costs a model less its text. */
const max = Number(arg('--max', 'Infinity'));
let restored = 0;

/** The correct text a channel copy was typeset from (its counts are taken out of the language model), by its name. */
function sourceOf(name: string): string | null {
  const realdev = /^channel(?:-times)?-realdev-(\d+)$/u.exec(name);
  if (realdev) {
    const dir = join(SHARED, 'realdev/texts');
    const file = readdirSync(dir).find((f) => f.startsWith(`${realdev[1]}_`) && f.endsWith('.txt'));
    return file ? join(dir, file) : null;
  }
  const vbpl = /^channel(?:-times)?-vbpl-(\d+)$/u.exec(name);
  return vbpl ? join(SHARED, `corpus/vbpl-legal/doc_${vbpl[1]}.txt`) : null;
}

// every channel copy made so far: (clean, noisy) side by side in the cache
const names = readdirSync(CACHE).filter((f) => f.endsWith('.eng-ocr.pdf') && f.startsWith('channel-')).map((f) => f.replace(/\.eng-ocr\.pdf$/u, ''));
const texts: PairText[] = [];
for (const name of names) if (existsSync(join(CACHE, `${name}.pdf`))) texts.push(await pairText({ clean: join(CACHE, `${name}.pdf`), noisy: join(CACHE, `${name}.eng-ocr.pdf`) }, join(CACHE, 'text')));
// the fixtures' copies count in every fold (their texts are the seed plans', which no held-out copy is made from)
const fixtures: PairText[] = [];
if (existsSync(join(ROOT, 'fixtures/scan/kh-tu-57.eng-ocr.pdf'))) fixtures.push(await pairText({ clean: join(ROOT, 'fixtures/pdf/kh-tu-57.pdf'), noisy: join(ROOT, 'fixtures/scan/kh-tu-57.eng-ocr.pdf') }, join(CACHE, 'text')));
for (const name of ['kh-bql-2026', 'kh-skhcn-2026', 'kh-xa-chi-minh-2026'])
  if (existsSync(join(CACHE, `${name}.eng-ocr.pdf`))) fixtures.push(await pairText({ clean: join(ROOT, `fixtures/pdf/${name}.pdf`), noisy: join(CACHE, `${name}.eng-ocr.pdf`) }, join(CACHE, 'text')));

const key = (name: string): string => name.replace(/^channel-(times-)?/u, '');
const foldOf = (name: string): number => [...key(name)].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % folds;
const shippedBytes = readFileSync(shippedModelPath()!);
const shipped = decodeModel(shippedBytes).model;
const right = new Map<string, number>();
let total = 0;
console.log(`${texts.length} channel copies, ${fixtures.length} fixture copies; ${folds} folds`);
for (let f = 0; f < folds; f++) {
  const data = countChannel([...fixtures, ...texts.filter((t) => foldOf(t.name) !== f)].flatMap(alignedWords));
  for (const text of texts.filter((t) => foldOf(t.name) === f && (!only || t.name.includes(only)))) {
    if (restored++ >= max) break;
    const source = sourceOf(text.name);
    const model = source ? decodeModel(shippedBytes).model.merge(trainModel([readFileSync(source, 'utf8')], new NgramModel(shipped.shape)), -1).finish() : shipped;
    const gold = text.pages.map((p) => channelWords(p.clean));
    const n = gold.reduce((a, g) => a + g.length, 0);
    total += n;
    const line: string[] = [];
    for (const power of powers)
      for (const weight of weights)
      for (const readingsKept of kepts) {
        const channel = new OcrChannel(data, { priorPower: power, weight, readingsKept });
        let ok = 0;
        text.pages.forEach((p, i) => {
          const out = channelWords(restoreText(p.noisy, model, channel).text);
          ok += alignWords(gold[i]!, out).filter(([a, b]) => a === b).length;
        });
        const k = `power ${power} weight ${weight} readings kept ${readingsKept}`;
        right.set(k, (right.get(k) ?? 0) + ok);
        line.push(`${(ok / n).toFixed(4)}`);
      }
    console.log(`fold ${f} ${text.name.padEnd(28)} ${String(n).padStart(5)} words  ${line.join(' ')}`);
  }
}
for (const [k, ok] of right) console.log(`${k}: ${(ok / total).toFixed(4)} of ${total} words`);
