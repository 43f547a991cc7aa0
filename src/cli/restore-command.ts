import { readFile, writeFile } from 'node:fs/promises';
import { defaultDataDir } from '../core/index.js';
import { loadModel, restoreText } from '../restore/index.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { OutputError, checkWritableFile, describeWriteError } from './output-error.js';

/**
 * `plan-ingest restore [--in FILE] [--out FILE]`: restores diacritics line
 * by line, stdin to stdout by default; line N of the output restores line N
 * of the input, and lines already written with diacritics come back as they were.
 * An unreadable input exits with EXIT.allFailed, an unwritable output with EXIT.cannotWrite.
 */
export async function restoreCommand(opts: { in?: string; out?: string }): Promise<ExitCode> {
  if (opts.out) await checkWritableFile(opts.out);
  let input: string;
  try {
    input = opts.in ? await readFile(opts.in, 'utf8') : await readStdin();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`plan-ingest: ${opts.in}: ${code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a text file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}\n`);
    return EXIT.allFailed;
  }
  const model = await loadModel(defaultDataDir());
  const { text } = restoreText(input.replace(/\r\n?/g, '\n').normalize('NFC'), model, 'auto');
  if (opts.out) await writeFile(opts.out, text).catch((error: unknown) => Promise.reject(new OutputError(`cannot write ${opts.out}: ${describeWriteError(error)}`)));
  else process.stdout.write(text);
  return EXIT.ok;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
