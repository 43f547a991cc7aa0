import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

/**
 * One of the lexicon's data files (src/lexicon/data/<name>), found whether
 * this runs from the sources (tsx) or from dist/ (tsc does not copy JSON),
 * parsed with its schema: a broken data file stops the program at once
 * with the file and the field, rather than reading wrong words.
 */
export function readDataFile<T>(name: string, schema: z.ZodType<T>): T {
  const path = [`./data/${name}`, `../../../src/lexicon/data/${name}`].map((rel) => fileURLToPath(new URL(rel, import.meta.url))).find((p) => existsSync(p));
  if (!path) throw new Error(`the lexicon's data file ${name} is missing (src/lexicon/data)`);
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Loads a data file once, on first use. */
export function lazy<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}
