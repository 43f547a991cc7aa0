import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { NgramLevel } from './ngram-level.js';
import { NgramModel, type CompiledTables, type ModelShape } from './ngram-model.js';
import { ID_BASE } from './tuple-counts.js';

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
 *
 * A quantized model (the shipped one) is written compiled, PILM3: the
 * magic line, the length of a first gzip member and two members. The first
 * holds the JSON line and the lookup tables as the decoder reads them (per
 * order: the contexts' ids as difference columns, how many n-grams each
 * has, its back-off weight's code, the n-grams' last ids as differences
 * within their context, their shares' codes, the two 256-entry codebooks),
 * so loading is unzipping a few MB and filling typed arrays, with no
 * n-gram counted, sorted or hashed. The second holds the counts as in
 * PILM2 (without the derived blocks), unzipped only when a model is trained
 * on or has a document taken away.
 */
const MAGIC = 'PILM2\n';
const MAGIC_V1 = 'PILM1\n';
const MAGIC_V3 = 'PILM3\n';

export const ModelFileHeader = z.object({
  words: z.array(z.string()),
  /** How many rows each block of derived continuation counts after the n-grams has (order 3 and 2, or 2 and 2): see NgramModel.derivedRows. */
  derived: z.array(z.number().int().nonnegative()).optional(),
  shape: z.object({ order: z.union([z.literal(3), z.literal(4)]), modified: z.boolean(), minCount: z.number().int().positive(), quantized: z.boolean().optional() }).optional(),
  /** PILM3: the lookup tables' sizes (per order from 2: contexts, n-grams) and discounts, and how many count rows the second member holds. */
  compiled: z.object({ levels: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])), discounts: z.array(z.tuple([z.number(), z.number(), z.number()])), rows: z.number().int().nonnegative() }).optional(),
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
  if (model.shape.quantized) return encodeCompiled(model, about);
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
  if (file.subarray(0, MAGIC_V3.length).toString('latin1') === MAGIC_V3) return decodeCompiled(file);
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

/** PILM3 (see above): the compiled tables, then the counts. */
function encodeCompiled(model: NgramModel, about: Record<string, unknown>): Buffer {
  const { words, rows } = model.ngramIds();
  const { comparators, forms } = model.extras();
  const tables = model.tables();
  const sections: Uint8Array[] = [bytesOf(Uint32Array.from(tables.uni))];
  tables.levels.forEach((level, i) => {
    const codes = level.codes;
    if (!codes) throw new Error('a quantized model has codes for every order');
    const lengths = new Uint32Array(level.contexts);
    for (let c = 0; c < lengths.length; c++) lengths[c] = level.start[c + 1]! - level.start[c]!;
    const ids = new Uint32Array(level.size);
    for (let c = 0; c < lengths.length; c++) for (let g = level.start[c]!; g < level.start[c + 1]!; g++) ids[g] = g > level.start[c]! ? level.words[g]! - level.words[g - 1]! : level.words[g]!;
    // order 2's contexts are every word; the others' are written as id columns
    if (level.keys) sections.push(bytesOf(keyColumns(level.keys, i + 1)));
    sections.push(bytesOf(lengths), codes.back, bytesOf(codes.backBook), bytesOf(ids), codes.share, bytesOf(codes.shareBook));
  });
  const compiled = { levels: tables.levels.map((l) => [l.contexts, l.size] as [number, number]), discounts: tables.discounts, rows: rows.length / (model.order + 1) };
  let header = JSON.stringify({ words: [...words], shape: model.shape, compiled, tokens: model.tokens, comparators, forms, about } satisfies ModelFileHeader);
  while ((Buffer.byteLength(MAGIC_V3 + header, 'utf8') + 1) % 4) header += ' ';
  const first = gzipSync(Buffer.concat([Buffer.from(MAGIC_V3 + header + '\n', 'utf8'), ...sections.map(padded)]), { level: 9 });
  const counts = toColumns(rows, model.order);
  const second = gzipSync(Buffer.from(counts.buffer, counts.byteOffset, counts.byteLength), { level: 9 });
  const length = Buffer.alloc(4);
  length.writeUInt32LE(first.length);
  return Buffer.concat([Buffer.from(MAGIC_V3, 'latin1'), length, first, second]);
}

function decodeCompiled(file: Buffer): { model: NgramModel; about: Record<string, unknown> } {
  const at = MAGIC_V3.length + 4;
  const firstLength = file.length >= at ? file.readUInt32LE(MAGIC_V3.length) : -1;
  if (firstLength < 0 || at + firstLength > file.length) throw new Error('language model file is truncated');
  const raw = gunzipWhole(file.subarray(at, at + firstLength));
  const nl = raw.indexOf(0x0a, MAGIC_V3.length);
  const header = ModelFileHeader.parse(JSON.parse(raw.subarray(MAGIC_V3.length, nl).toString('utf8')));
  const { shape, compiled } = header;
  if (!shape || !compiled) throw new Error('language model file has no compiled tables');
  let pos = nl + 1;
  const take = (bytes: number): Uint8Array => {
    if (pos + bytes > raw.length) throw new Error('language model file is truncated');
    const out = raw.subarray(pos, pos + bytes);
    pos += bytes + ((4 - (bytes % 4)) % 4);
    return out;
  };
  const u32 = (n: number): Uint32Array => uint32View(take(n * 4));
  const f32 = (n: number): Float32Array => new Float32Array(new Uint8Array(take(n * 4)).buffer);
  const n = header.words.length;
  const uni = Float64Array.from(u32(n));
  const levels = compiled.levels.map(([contexts, size], i) => {
    const keys = i === 0 ? null : keysFrom(u32(contexts * (i + 1)), i + 1);
    const lengths = u32(contexts);
    const back = take(contexts);
    const backBook = f32(256);
    const ids = u32(size);
    const share = take(size);
    const shareBook = f32(256);
    const start = new Uint32Array(contexts + 1);
    const words = new Int32Array(size);
    for (let c = 0; c < contexts; c++) {
      const [from, to] = [start[c]!, (start[c + 1] = start[c]! + lengths[c]!)];
      if (to > size) throw new Error('language model file is truncated');
      for (let g = from; g < to; g++) words[g] = g > from ? words[g - 1]! + ids[g]! : ids[g]!;
    }
    return NgramLevel.fromCodes(keys, start, words, { share, shareBook, back, backBook });
  });
  const tables: CompiledTables = { uni, levels, discounts: compiled.discounts };
  const rest = file.subarray(at + firstLength);
  const rows = (): Uint32Array => {
    const data = uint32View(gunzipWhole(rest));
    if (data.length !== compiled.rows * (shape.order + 1)) throw new Error('language model file is truncated');
    return fromColumns(data, shape.order);
  };
  const model = NgramModel.fromTables(header.words, shape, tables, rows);
  model.setExtras(header.tokens, header.comparators, header.forms);
  return { model, about: header.about };
}

/** gunzip into one output chunk as large as the trailer says: the default 16 kB chunks cost a copy of everything and most of the time. */
function gunzipWhole(gz: Uint8Array): Buffer {
  const size = gz.length >= 18 ? Buffer.from(gz.buffer, gz.byteOffset, gz.byteLength).readUInt32LE(gz.length - 4) : 0;
  return gunzipSync(gz, size > 0 && size < 1 << 30 ? { chunkSize: Math.max(size, 64 * 1024) } : {});
}

/** A Uint32Array over the bytes, in place when they are 4-byte aligned. */
function uint32View(bytes: Uint8Array): Uint32Array {
  return bytes.byteOffset % 4 ? new Uint32Array(new Uint8Array(bytes).buffer) : new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

function bytesOf(a: Uint32Array | Float32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Bytes padded with zeros to a multiple of 4, so the next section can be read in place. */
function padded(a: Uint8Array): Uint8Array {
  const pad = (4 - (a.length % 4)) % 4;
  return pad ? Buffer.concat([a, new Uint8Array(pad)]) : a;
}

/** Sorted packed contexts of `k` ids as difference columns (toColumns without counts). */
function keyColumns(keys: Float64Array, k: number): Uint32Array {
  const rows = new Uint32Array(keys.length * (k + 1));
  for (let i = 0; i < keys.length; i++) {
    let key = keys[i]!;
    for (let j = k - 1; j >= 0; j--) {
      rows[i * (k + 1) + j] = key % ID_BASE;
      key = Math.floor(key / ID_BASE);
    }
  }
  return toColumns(rows, k).subarray(0, keys.length * k);
}

/** keyColumns undone. */
function keysFrom(columns: Uint32Array, k: number): Float64Array {
  const n = columns.length / k;
  const full = new Uint32Array(n * (k + 1));
  full.set(columns);
  const rows = fromColumns(full, k);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (let j = 0; j < k; j++) key = key * ID_BASE + rows[i * (k + 1) + j]!;
    keys[i] = key;
  }
  return keys;
}
