import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const FixtureEntry = z.object({
  file: z.string(),
  /** Groundtruth name: fixtures/groundtruth/<name>.*.json */
  name: z.string(),
  /** kh44-style-part: part of a plan (its indicator appendix) scanned KH 44-style: scored on the records of that part only. */
  variant: z.enum(['digital', 'scan', 'kh44-style', 'kh44-style-part', 'image', 'text', 'text-export']),
});
export type FixtureEntry = z.infer<typeof FixtureEntry>;

/** The fixtures listed in fixtures/manifest.json (paths relative to the repo root). */
export function readFixtureManifest(root: URL): FixtureEntry[] {
  const raw = JSON.parse(readFileSync(new URL('fixtures/manifest.json', root), 'utf8')) as unknown;
  return z.object({ fixtures: z.array(FixtureEntry) }).parse(raw).fixtures;
}
