import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** sha256 of a file, lower-case hex, streamed (scans can be hundreds of MiB). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
