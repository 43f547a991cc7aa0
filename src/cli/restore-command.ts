import { readFile, writeFile } from 'node:fs/promises';
import { defaultDataDir } from '../core/index.js';
import { loadModel, restoreText } from '../restore/index.js';

/**
 * `plan-ingest restore [--in FILE] [--out FILE]`: restores diacritics line
 * by line, stdin to stdout by default; line N of the output restores line N
 * of the input, and lines already written with diacritics come back as they were.
 */
export async function restoreCommand(opts: { in?: string; out?: string }): Promise<void> {
  const input = opts.in ? await readFile(opts.in, 'utf8') : await readStdin();
  const model = await loadModel(defaultDataDir());
  const { text } = restoreText(input.replace(/\r\n?/g, '\n').normalize('NFC'), model, 'auto');
  if (opts.out) await writeFile(opts.out, text);
  else process.stdout.write(text);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
