import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { NgramModel } from './ngram-model.js';

/**
 * The shipped language model on disk (models/syllable-lm.bin): gzip of a
 * magic line, one JSON line (the vocabulary, the counts that are not
 * trigrams, and the model card's facts) and the trigram counts as
 * little-endian uint32 quadruples [u, v, w, count] indexing the vocabulary.
 * Compact (a few MB) and fast to load: no per-entry string parsing.
 */
const MAGIC = 'PILM1\n';

export const ModelFileHeader = z.object({
  words: z.array(z.string()),
  tokens: z.number().int().nonnegative(),
  comparators: z.record(z.string(), z.number()),
  forms: z.object({ cased: z.array(z.tuple([z.string(), z.number(), z.number()])), upper: z.array(z.tuple([z.string(), z.number()])) }),
  /** What it was built from and when, for the model card and `plan-ingest model`. */
  about: z.record(z.string(), z.unknown()),
});
export type ModelFileHeader = z.infer<typeof ModelFileHeader>;

export function encodeModel(model: NgramModel, about: Record<string, unknown>): Buffer {
  const { words, quads } = model.trigramIds();
  const { comparators = {}, forms = { cased: [], upper: [] } } = model.toJSON();
  const header = JSON.stringify({ words: [...words], tokens: model.tokens, comparators, forms, about } satisfies ModelFileHeader);
  const body = Buffer.from(quads.buffer, quads.byteOffset, quads.byteLength);
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new Error('model files are written little-endian only');
  return gzipSync(Buffer.concat([Buffer.from(MAGIC + header + '\n', 'utf8'), body]), { level: 9 });
}

/** Reads a model file; throws a plain error when it is not one. */
export function decodeModel(file: Buffer): { model: NgramModel; about: Record<string, unknown> } {
  const raw = gunzipSync(file);
  if (raw.subarray(0, MAGIC.length).toString('utf8') !== MAGIC) throw new Error('not a plan-ingest language model file');
  const nl = raw.indexOf(0x0a, MAGIC.length);
  const header = ModelFileHeader.parse(JSON.parse(raw.subarray(MAGIC.length, nl).toString('utf8')));
  const bytes = raw.subarray(nl + 1);
  if (bytes.length % 16) throw new Error('language model file is truncated');
  // copy to an aligned buffer: a Uint32Array view needs a 4-byte aligned offset
  const quads = new Uint32Array(bytes.length / 4);
  new Uint8Array(quads.buffer).set(bytes);
  const model = NgramModel.fromIds(header.words, quads).setExtras(header.tokens, header.comparators, header.forms).finish();
  return { model, about: header.about };
}
