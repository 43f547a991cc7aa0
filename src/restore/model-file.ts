import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { NgramModel, type ModelShape } from './ngram-model.js';

/**
 * The shipped language model on disk (models/syllable-lm.bin): gzip of a
 * magic line, one JSON line (the vocabulary, the model's shape, the counts
 * that are not n-grams, and the model card's facts) and the highest-order
 * counts as little-endian uint32 columns: each id column of the sorted
 * rows, written as the difference from the row above where the ids before
 * it are the same (mostly 0: gzip makes little of it), then the counts.
 * Every count is kept, so a loaded model can be trained on or have a
 * document taken away; pruning happens when the lookup tables are built.
 * After them, in the same columns, the lower orders' continuation counts
 * derived from them (NgramModel.derivedRows): a loader's shortcut past
 * sorting a million rows, dropped as soon as the counts change.
 * PILM1 files (order 3, [u, v, w, count] quadruples) still load.
 */
const MAGIC = 'PILM2\n';
const MAGIC_V1 = 'PILM1\n';

export const ModelFileHeader = z.object({
  words: z.array(z.string()),
  /** How many rows each block of derived continuation counts after the n-grams has (order 3 and 2, or 2 and 2): see NgramModel.derivedRows. */
  derived: z.array(z.number().int().nonnegative()).optional(),
  shape: z.object({ order: z.union([z.literal(3), z.literal(4)]), modified: z.boolean(), minCount: z.number().int().positive() }).optional(),
  tokens: z.number().int().nonnegative(),
  comparators: z.record(z.string(), z.number()),
  forms: z.object({ cased: z.array(z.tuple([z.string(), z.number(), z.number()])), upper: z.array(z.tuple([z.string(), z.number()])) }),
  /** What it was built from and when, for the model card and `plan-ingest model`. */
  about: z.record(z.string(), z.unknown()),
});
export type ModelFileHeader = z.infer<typeof ModelFileHeader>;

/** The shape PILM1 files were built with: order 3, one discount, nothing pruned. */
const V1_SHAPE: ModelShape = { order: 3, modified: false, minCount: 1 };

export function encodeModel(model: NgramModel, about: Record<string, unknown>): Buffer {
  const { words, rows } = model.ngramIds();
  const { comparators, forms } = model.extras();
  const [below, two] = model.derivedRows() as [Uint32Array, Uint32Array];
  const derived = model.order === 4 ? [below.length / 4, two.length / 3] : [two.length / 3];
  let header = JSON.stringify({ words: [...words], derived, shape: model.shape, tokens: model.tokens, comparators, forms, about } satisfies ModelFileHeader);
  // spaces after the JSON put the columns at a multiple of 4 bytes: a loader can read them in place
  while ((Buffer.byteLength(MAGIC + header, 'utf8') + 1) % 4) header += ' ';
  const columns = concat([toColumns(rows, model.order), ...(model.order === 4 ? [toColumns(below, 3)] : []), toColumns(two, 2)]);
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new Error('model files are written little-endian only');
  return gzipSync(Buffer.concat([Buffer.from(MAGIC + header + '\n', 'utf8'), Buffer.from(columns.buffer, columns.byteOffset, columns.byteLength)]), { level: 9 });
}

/** Reads a model file; throws a plain error when it is not one. */
export function decodeModel(file: Buffer): { model: NgramModel; about: Record<string, unknown> } {
  // one output chunk as large as the trailer says the text is: the default 16 kB chunks cost a copy of everything and most of the time
  const size = file.length >= 18 ? file.readUInt32LE(file.length - 4) : 0;
  const raw = gunzipSync(file, size > 0 && size < 1 << 30 ? { chunkSize: Math.max(size, 64 * 1024) } : {});
  const magic = raw.subarray(0, MAGIC.length).toString('utf8');
  if (magic !== MAGIC && magic !== MAGIC_V1) throw new Error('not a plan-ingest language model file');
  const nl = raw.indexOf(0x0a, MAGIC.length);
  const header = ModelFileHeader.parse(JSON.parse(raw.subarray(MAGIC.length, nl).toString('utf8')));
  const bytes = raw.subarray(nl + 1);
  const shape = magic === MAGIC_V1 ? V1_SHAPE : header.shape ?? V1_SHAPE;
  const widths = magic === MAGIC_V1 || !header.derived ? [] : header.derived.length === 2 ? [4, 3] : [3];
  const derivedInts = (header.derived ?? []).reduce((n, rows, i) => n + rows * (widths[i] ?? 0), 0);
  if ((bytes.length / 4 - derivedInts) % (shape.order + 1) || bytes.length % 4 || widths.length !== (header.derived?.length ?? 0)) throw new Error('language model file is truncated');
  // a Uint32Array view needs a 4-byte aligned offset: read in place when it is, else copy
  const data = bytes.byteOffset % 4 ? new Uint32Array(new Uint8Array(bytes).buffer) : new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const model =
    magic === MAGIC_V1
      ? new NgramModel(shape).mergeIds(header.words, data) // unsorted quadruples: counted again, sorted when frozen
      : NgramModel.fromIds(header.words, fromColumns(data.subarray(0, data.length - derivedInts), shape.order), shape, derivedFrom(data.subarray(data.length - derivedInts), header.derived ?? [], widths));
  model.setExtras(header.tokens, header.comparators, header.forms).finish();
  return { model, about: header.about };
}

/** Sorted rows [id × order, count] as columns, each id the difference from the row above while the ids before it agree. */
function toColumns(rows: Uint32Array, order: number): Uint32Array {
  const width = order + 1;
  const n = rows.length / width;
  const out = new Uint32Array(rows.length);
  for (let i = 0; i < n; i++) {
    let same = i > 0;
    for (let j = 0; j < order; j++) {
      const id = rows[i * width + j]!;
      const prev = i > 0 ? rows[(i - 1) * width + j]! : 0;
      out[j * n + i] = same ? id - prev : id;
      same = same && id === prev;
    }
    out[order * n + i] = rows[i * width + order]!;
  }
  return out;
}

/** The derived rows' blocks after the n-grams, as NgramModel.derivedRows gives them (an order-3 model's one block twice). */
function derivedFrom(data: Uint32Array, counts: readonly number[], widths: readonly number[]): Uint32Array[] | null {
  if (!counts.length) return null;
  const blocks: Uint32Array[] = [];
  let at = 0;
  counts.forEach((n, i) => {
    blocks.push(fromColumns(data.subarray(at, at + n * widths[i]!), widths[i]! - 1));
    at += n * widths[i]!;
  });
  return blocks.length === 2 ? blocks : [blocks[0]!, blocks[0]!];
}

function concat(parts: readonly Uint32Array[]): Uint32Array {
  const out = new Uint32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** toColumns undone, a column at a time: `same[i]` says row i's ids so far are row i − 1's. */
function fromColumns(columns: Uint32Array, order: number): Uint32Array {
  const width = order + 1;
  const n = columns.length / width;
  const rows = new Uint32Array(columns.length);
  const same = new Uint8Array(n).fill(1);
  same[0] = 0;
  for (let j = 0; j < order; j++) {
    const at = j * n;
    rows[j] = columns[at]!;
    for (let i = 1, r = width + j; i < n; i++, r += width) {
      const d = columns[at + i]!;
      if (same[i]) {
        rows[r] = rows[r - width]! + d;
        if (d) same[i] = 0;
      } else rows[r] = d;
    }
  }
  for (let i = 0, r = order; i < n; i++, r += width) rows[r] = columns[order * n + i]!;
  return rows;
}
