import { createHash } from 'node:crypto';
import { extname } from 'node:path';

/** The longest file name most filesystems take (ext4, XFS, NTFS via SMB), in UTF-8 bytes. */
export const NAME_MAX_BYTES = 255;

/**
 * A file name that takes at most `maxBytes` UTF-8 bytes: the name itself
 * when it fits, else its start cut at a character, "~", 8 hex digits of the
 * whole name's SHA-256 (two long names that start alike stay apart) and its
 * extension. Vietnamese titles take 1-3 bytes a letter, so a 120-letter title
 * ("Kế hoạch thực hiện …") passes 255 bytes once a suffix such as
 * ".reason.txt" or a temp name's is added (ENAMETOOLONG); callers keep the
 * full name in their metadata.
 */
export function fitFileName(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const ext = extname(name);
  const keepExt = Buffer.byteLength(ext) <= 16 ? ext : '';
  const stem = name.slice(0, name.length - keepExt.length);
  const tag = `~${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  const room = Math.max(0, maxBytes - Buffer.byteLength(keepExt) - tag.length);
  let cut = '';
  for (const ch of stem) {
    if (Buffer.byteLength(cut + ch) > room) break;
    cut += ch;
  }
  return `${cut}${tag}${keepExt}`;
}
