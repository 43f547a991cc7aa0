import { lstat, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { REFUSED_EXTENSIONS, SUPPORTED_EXTENSIONS } from './file-type.js';

/**
 * Turns the command-line arguments into the list of files to process: a
 * folder stands for every supported file directly in it (sorted, hidden and
 * temp files skipped), and every file of a refused type (`.doc`), which
 * intake then refuses with its reason. Paths that do not exist are kept, so that intake
 * reports them as failures in order with the rest.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (!info?.isDirectory()) {
      files.push(arg);
      continue;
    }
    const names = (await readdir(arg)).filter((n) => !n.startsWith('.') && !n.endsWith('.tmp') && !n.endsWith('.part'));
    for (const name of names.sort()) {
      const ext = extname(name).toLowerCase();
      if (!(ext in SUPPORTED_EXTENSIONS) && !REFUSED_EXTENSIONS.has(ext)) continue;
      const path = join(arg, name);
      // links and special files are listed too, so that intake refuses them with a reason rather than skip them silently
      const entry = await lstat(path);
      if (!entry.isDirectory()) files.push(path);
    }
  }
  return files;
}

/**
 * The hidden entries (`.plan.pdf`) of the folders among the arguments that
 * `expandInputs` leaves out, so that `ingest` can say it skipped them
 * rather than pass over them in silence. Copiers' temp names are not listed.
 */
export async function hiddenInFolders(args: readonly string[]): Promise<string[]> {
  const hidden: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (!info?.isDirectory()) continue;
    for (const name of (await readdir(arg)).sort())
      if (name.startsWith('.') && extname(name).toLowerCase() in SUPPORTED_EXTENSIONS && !/^\.~lock\./.test(name)) hidden.push(join(arg, name));
  }
  return hidden;
}
