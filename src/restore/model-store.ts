import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../core/index.js';
import { registryNames } from '../lexicon/index.js';
import { NgramModel, type NgramCounts } from './ngram-model.js';
import { trainModel } from './train-model.js';

/**
 * Where the restoration model comes from. The default is trained on the
 * correct Vietnamese the project ships — the seed plans in fixtures/seeds
 * (never KH 44's OCR text, never a gold file) — plus whatever users added
 * with `plan-ingest train` (text files kept in <dataDir>/corpus), plus, for
 * experiments only, the folder named by PLAN_INGEST_EXTRA_CORPUS. The
 * trained counts are cached in <dataDir>/models, keyed by the training
 * texts' hash, so a model is trained once and loaded after.
 */
const SEED_DIR = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
const SEED_DIR_BUILT = fileURLToPath(new URL('../../../fixtures/seeds/', import.meta.url));
/** KH 44 (seed 001) is OCR noise, not correct Vietnamese: never trained on. */
const TRAINING_SEEDS = /^(000|002|003|004)_[0-9a-f]+\.txt$/u;

function textFiles(dir: string, accept: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter(accept).sort().map((n) => join(dir, n));
}

/** The files the default model is trained on. */
export function trainingFiles(dataDir: string): string[] {
  const seeds = existsSync(SEED_DIR) ? SEED_DIR : SEED_DIR_BUILT;
  const extra = process.env.PLAN_INGEST_EXTRA_CORPUS;
  return [
    ...textFiles(seeds, (n) => TRAINING_SEEDS.test(n)),
    ...textFiles(join(dataDir, 'corpus'), (n) => n.endsWith('.txt')),
    ...(extra ? textFiles(extra, (n) => n.endsWith('.txt')) : []),
  ];
}

/**
 * The names of the agency registry, the shipped one and the user's
 * (<dataDir>/agency-registry.json), each name and alias a line of its own:
 * correct Vietnamese written for the project, and the words an OCR'd plan's
 * agency cells are made of. The seed plans alone lack some (no plan of 2026
 * names "quận" or "huyện", abolished in 2025), and a word the model has
 * never seen cannot be restored. A user's file that is not valid teaches nothing.
 */
export function registryLexicon(dataDir: string | null = null): string {
  return registryNames(dataDir).join('\n');
}

/** The texts the default model is trained on: the registry's names and the training files. */
export function trainingTexts(dataDir: string, leaveOut: readonly string[] = []): string[] {
  return [registryLexicon(dataDir), ...trainingFiles(dataDir).filter((f) => !leaveOut.includes(f)).map((f) => readFileSync(f, 'utf8'))];
}

/** Loads the cached model for the current training texts, training it first when needed. */
export async function loadModel(dataDir: string): Promise<NgramModel> {
  const texts = trainingTexts(dataDir);
  const hash = createHash('sha256');
  for (const t of texts) hash.update(t).update('\u0000');
  const cache = join(dataDir, 'models', `restore-3gram-v3-${hash.digest('hex').slice(0, 16)}.json`);
  if (existsSync(cache)) return NgramModel.fromJSON(JSON.parse(await readFile(cache, 'utf8')) as NgramCounts);
  const model = trainModel(texts);
  await mkdir(join(dataDir, 'models'), { recursive: true });
  await writeFileAtomic(cache, JSON.stringify(model.toJSON()));
  return model;
}

/** Adds texts to the users' corpus (<dataDir>/corpus/<sha>.txt); the next load retrains. */
export async function addToCorpus(dataDir: string, texts: readonly string[]): Promise<string[]> {
  await mkdir(join(dataDir, 'corpus'), { recursive: true });
  const written: string[] = [];
  for (const text of texts) {
    const name = `${createHash('sha256').update(text).digest('hex').slice(0, 16)}.txt`;
    await writeFile(join(dataDir, 'corpus', name), text.normalize('NFC'));
    written.push(name);
  }
  return written;
}
