import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { fitFileName } from './file-name-fit.js';

/**
 * Writes a file so that readers see either the old or the complete new
 * content, never a half-written one: a temp file in the same directory
 * (same filesystem, so rename is atomic), then rename over the target.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, o: { mode?: number } = {}): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  // the temp name is cut short for a long name: the target's 250 bytes plus these suffixes would pass the 255-byte limit
  const tmp = join(dir, `.${fitFileName(basename(path), 200)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // the mode is set on the temp file, so the secret is never readable under either name
    await writeFile(tmp, data, { mode: o.mode ?? 0o666 });
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
