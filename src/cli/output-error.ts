import { access, constants, mkdir, open, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The output a command was told to write to cannot be written (exit code `cannotWrite`). */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** Errors of the file system that mean "this place cannot be written", not "this input is bad". */
const WRITE_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EISDIR', 'EEXIST', 'ENOENT']);

/** True for an error writing to an output place (permission, read-only, full disk, a file where a folder should be). */
export function isWriteError(error: unknown): boolean {
  return WRITE_ERRORS.has((error as NodeJS.ErrnoException)?.code ?? '');
}

/**
 * Makes sure `dir` is (or can be made) a folder this process can write
 * into, before any input is processed, so a run does not spend an hour on
 * OCR only to fail at the first write. Throws OutputError saying why.
 */
export async function checkWritableFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    // access(W_OK) is not enough on read-only mounts and ACLs: write and remove a probe
    const probe = join(dir, `.plan-ingest-probe-${process.pid}`);
    await (await open(probe, 'w')).close();
    await unlink(probe);
  } catch (error) {
    throw new OutputError(`cannot write to ${dir}: ${describeWriteError(error)}`);
  }
}

/** Makes sure `file` can be created or replaced (its folder exists and is writable; the file, when there, too). */
export async function checkWritableFile(file: string): Promise<void> {
  try {
    await access(dirname(file), constants.W_OK);
    await access(file, constants.W_OK).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  } catch (error) {
    throw new OutputError(`cannot write ${file}: ${describeWriteError(error)}`);
  }
}

/** A file-system error in words a clerk can act on. */
export function describeWriteError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException)?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no space left';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is in the way where a folder should be';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOENT':
      return 'its folder does not exist';
    default:
      return (error as Error)?.message ?? String(error);
  }
}
