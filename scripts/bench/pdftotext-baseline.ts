import { execFileSync } from 'node:child_process';

/** True when poppler's pdftotext is installed (Debian poppler-utils); the baseline is skipped otherwise. */
export function havePdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Seconds `pdftotext -layout` takes on `file` (best of `runs`), the
 * baseline the text-layer extraction is compared with.
 */
export function pdftotextSeconds(file: string, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 64 << 20 });
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}
