import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

/**
 * Every line of a JSON-lines file that parses and fits `schema`, in order;
 * none when the file does not exist. A line that does not (a torn write
 * after a crash) is skipped, not fatal: the file stays readable.
 */
export async function readJsonLines<T>(path: string, schema: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw e;
  });
  const out: T[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = schema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // torn line: skipped
    }
  }
  return out;
}

/**
 * Appends one value as one line with a single append write (O_APPEND:
 * lines of concurrent writers on one machine never interleave); with
 * `sync`, waits until it is on disk.
 */
export async function appendJsonLine(path: string, value: unknown, opts: { sync?: boolean } = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a');
  try {
    await handle.write(`${JSON.stringify(value)}\n`);
    if (opts.sync) await handle.sync();
  } finally {
    await handle.close();
  }
}
