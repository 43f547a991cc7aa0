import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ServiceStartError } from '../core/index.js';

export interface FolderCheck {
  /** For the message: "the output folder (--out)", "the inbox". */
  what: string;
  /** Create it (and its parents) when missing. Default false: a missing folder is an error. */
  create?: boolean;
  /** Check that files can be written in it (by writing one). Default true. */
  writable?: boolean;
}

/**
 * Checks a folder a service needs before it starts, so that a typo or a
 * read-only mount is said in one line at start rather than found by the
 * first job (or never: `serve` on a folder that is not there served an
 * empty list). Returns the absolute path.
 */
export async function requireFolder(path: string, o: FolderCheck): Promise<string> {
  const dir = resolve(path);
  const info = await stat(dir).catch((e: NodeJS.ErrnoException) => e);
  if (info instanceof Error) {
    if (info.code !== 'ENOENT') throw new ServiceStartError('folder', `${o.what} ${dir} cannot be ${o.create ? 'created' : 'read'}: ${reason(info)}`);
    if (!o.create) throw new ServiceStartError('folder', `${o.what} ${dir} does not exist: create it or check the path`);
    await mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      throw new ServiceStartError('folder', `${o.what} ${dir} cannot be created: ${reason(e)}`);
    });
  } else if (!info.isDirectory()) {
    throw new ServiceStartError('folder', `${o.what} ${dir} is not a folder`);
  }
  if (o.writable ?? true) {
    // a real write: access(W_OK) says yes to root on a read-only mount
    const probe = join(dir, `.plan-ingest-probe-${process.pid}`);
    await writeFile(probe, '').catch((e: NodeJS.ErrnoException) => {
      throw new ServiceStartError('folder', `${o.what} ${dir} is not writable: ${reason(e)}`);
    });
    await rm(probe, { force: true });
  }
  return dir;
}

function reason(e: NodeJS.ErrnoException): string {
  const known: Record<string, string> = { EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'read-only file system', ENOTDIR: 'a part of the path is a file', ENOSPC: 'no space left on the device' };
  return known[e.code ?? ''] ?? e.code ?? e.message;
}
