import { chmod, stat } from 'node:fs/promises';

/**
 * Makes a secret file readable by its owner alone (0600) when it is more
 * open: files written by older versions, or copied in with a loose umask.
 * Returns the mode it had when it changed it, null otherwise (also when
 * the file does not exist).
 */
export async function keepPrivate(path: string): Promise<number | null> {
  let mode: number;
  try {
    mode = (await stat(path)).mode & 0o777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if ((mode & 0o077) === 0) return null;
  await chmod(path, 0o600);
  return mode;
}
