import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../core/index.js';
import { registryNames } from '../lexicon/index.js';
import type { NgramModel } from './ngram-model.js';
import { decodeModel, encodeModel } from './model-file.js';
import { trainModel } from './train-model.js';

/**
 * Where the restoration model comes from. The shipped model
 * (models/syllable-lm.bin, built by `npm run model:build` from public-domain
 * administrative and legal text and the seed plans; see models/README.md)
 * is the base. On top of it come what users added with `plan-ingest train`
 * (text files kept in <dataDir>/corpus), the names of the user's own agency
 * registry, and, for experiments only, the folder named by
 * PLAN_INGEST_EXTRA_CORPUS. A model with additions is cached in
 * <dataDir>/models, keyed by the base's and the additions' hash, so it is
 * trained once and loaded after.
 */
const SEED_DIR = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
const SEED_DIR_BUILT = fileURLToPath(new URL('../../../fixtures/seeds/', import.meta.url));
/** KH 44 (seed 001) is OCR noise, not correct Vietnamese: never trained on. */
const TRAINING_SEEDS = /^(000|002|003|004)_[0-9a-f]+\.txt$/u;
/** The shipped model, from the sources or from dist/. */
const SHIPPED = [new URL('../../models/syllable-lm.bin', import.meta.url), new URL('../../../models/syllable-lm.bin', import.meta.url)].map((u) => fileURLToPath(u));

function textFiles(dir: string, accept: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter(accept).sort().map((n) => join(dir, n));
}

/** The seed plans that are correct Vietnamese (never KH 44's OCR text): part of the shipped model's training. */
export function seedTrainingFiles(): string[] {
  return textFiles(existsSync(SEED_DIR) ? SEED_DIR : SEED_DIR_BUILT, (n) => TRAINING_SEEDS.test(n));
}

/** The files added on top of the shipped model: the users' corpus and the experiments' extra corpus. */
export function trainingFiles(dataDir: string): string[] {
  const extra = process.env.PLAN_INGEST_EXTRA_CORPUS;
  return [...textFiles(join(dataDir, 'corpus'), (n) => n.endsWith('.txt')), ...(extra ? textFiles(extra, (n) => n.endsWith('.txt')) : [])];
}

/**
 * The names of the agency registry, the shipped one and the user's
 * (<dataDir>/agency-registry.json), each name and alias a line of its own:
 * correct Vietnamese written for the project, and the words an OCR'd plan's
 * agency cells are made of. Central legal texts and the seed plans lack
 * some (no plan of 2026 names "quận" or "huyện", abolished in 2025), and a
 * word the model has never seen cannot be restored. A user's file that is
 * not valid teaches nothing.
 */
export function registryLexicon(dataDir: string | null = null): string {
  return registryNames(dataDir).join('\n');
}

/**
 * The path of the shipped model, or null when this install has none.
 * PLAN_INGEST_MODEL names another model file to use in its place (a variant
 * being measured: `npm run model:build -- --out FILE ...`), as
 * PLAN_INGEST_OCR_CHANNEL does for the OCR channel.
 */
export function shippedModelPath(): string | null {
  const override = process.env.PLAN_INGEST_MODEL;
  if (override) return override;
  return SHIPPED.find((f) => existsSync(f)) ?? null;
}

/** The shipped model and what its card says, or null when this install has none. */
export function loadShippedModel(): { model: NgramModel; about: Record<string, unknown> } | null {
  const file = shippedModelPath();
  return file ? decodeModel(readFileSync(file)) : null;
}

/** The texts added on top of the shipped model: the user's registry names (when the user keeps one) and the added files. */
export function addedTexts(dataDir: string): string[] {
  const own = existsSync(join(dataDir, 'agency-registry.json')) ? [registryLexicon(dataDir)] : [];
  return [...own, ...trainingFiles(dataDir).map((f) => readFileSync(f, 'utf8'))];
}

/**
 * Loads the model: the shipped one, with the users' additions trained on
 * top (cached). Without a shipped model (a broken install) the seed plans
 * and the registry are trained on, so restoration still works, worse.
 */
export async function loadModel(dataDir: string): Promise<NgramModel> {
  const shipped = shippedModelPath();
  const added = addedTexts(dataDir);
  if (!shipped) return trainModel([registryLexicon(dataDir), ...seedTrainingFiles().map((f) => readFileSync(f, 'utf8')), ...added]);
  const base = readFileSync(shipped);
  if (!added.length) return decodeModel(base).model;
  const hash = createHash('sha256').update(base);
  for (const t of added) hash.update('\u0000').update(t);
  const cache = join(dataDir, 'models', `restore-${hash.digest('hex').slice(0, 16)}.bin`);
  if (existsSync(cache)) {
    try {
      return decodeModel(await readFile(cache)).model;
    } catch {
      // a cache left broken (disk full, killed mid-write) is rebuilt below
    }
  }
  const { model, about } = decodeModel(base);
  trainModel(added, model);
  await mkdir(join(dataDir, 'models'), { recursive: true });
  await writeFileAtomic(cache, encodeModel(model, { ...about, addedTexts: added.length }));
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
