import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgressReporter } from '../../../src/cli/progress-reporter.js';

describe('progress bars on a terminal', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps every outcome line: a result and a failure logged just before the bars stop are written, not lost', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const reporter = createProgressReporter(true);
    reporter.fileStarted('a.pdf', 0, 2);
    reporter.fileFinished();
    reporter.log('plan-ingest: b.png: image is 65535 × 65535 pixels', 'stderr');
    reporter.stop();
    expect(written.join('')).toContain('plan-ingest: b.png: image is 65535 × 65535 pixels');
  });
});
