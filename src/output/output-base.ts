import { basename, extname } from 'node:path';
import { fitFileName, NAME_MAX_BYTES } from '../core/index.js';

/**
 * The output's base name for an input file name: the name without its
 * extension ("Kế hoạch 44.pdf" → "Kế hoạch 44", written as `<base>.json`),
 * cut short with a hash of the name when `<base>.json` would pass the
 * filesystem's 255 bytes (a long Vietnamese title); the feed's `file` keeps
 * the name in full.
 */
export function outputBase(fileName: string): string {
  const name = basename(fileName);
  const base = basename(name, extname(name)) || name;
  return fitFileName(base, NAME_MAX_BYTES - '.json'.length);
}
