import type { Stats } from 'node:fs';

/**
 * Why an entry (as `lstat` sees it) is not a regular file that may be read,
 * or null when it is one. A link is never followed: one dropped into the
 * inbox pointing at /etc/passwd must not end up in the output; a FIFO would
 * block the reader forever and a device has no end.
 */
export function notRegularFile(entry: Stats): string | null {
  if (entry.isSymbolicLink()) return 'a symbolic link: not followed (give the file itself)';
  if (entry.isFIFO()) return 'a named pipe (FIFO), not a regular file: not read';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device, not a regular file: not read';
  if (entry.isSocket()) return 'a socket, not a regular file: not read';
  if (!entry.isFile()) return 'not a regular file';
  return null;
}
