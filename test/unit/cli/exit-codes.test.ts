import { describe, expect, it } from 'vitest';
import { EXIT, exitForInputs } from '../../../src/cli/exit-codes.js';
import { ingestExitCode } from '../../../src/cli/ingest-command.js';
import { skipped } from '../../../src/cli/train-command.js';

describe('exit codes', () => {
  it('are distinct', () => {
    expect(new Set(Object.values(EXIT)).size).toBe(Object.keys(EXIT).length);
  });

  it('by inputs: none failed, some, all', () => {
    expect(exitForInputs(3, 0)).toBe(EXIT.ok);
    expect(exitForInputs(3, 1)).toBe(EXIT.someFailed);
    expect(exitForInputs(3, 3)).toBe(EXIT.allFailed);
  });

  it('ingest: an unwritten output wins over failed inputs; nothing to process is all-failed', () => {
    expect(ingestExitCode({ ok: 1, partial: 0, failed: 1, unwritten: 1, total: 2 })).toBe(EXIT.cannotWrite);
    expect(ingestExitCode({ ok: 1, partial: 1, failed: 0, unwritten: 0, total: 2 })).toBe(EXIT.ok);
    expect(ingestExitCode({ ok: 0, partial: 0, failed: 0, unwritten: 0, total: 0 })).toBe(EXIT.allFailed);
  });
});

describe("train's reasons for pages it does not take", () => {
  const page = (origin: 'text-layer' | 'ocr', verdict: 'good' | 'empty' | 'noisy' | 'no-diacritics' | null) => ({ origin, quality: verdict ? { verdict } : null }) as never;

  it('groups pages by why, naming scans', () => {
    expect(skipped({ pages: [page('text-layer', 'empty'), page('text-layer', null), page('text-layer', 'good')] })).toBe(
      '2 page(s) without a text layer: scanned pages are not used for training (OCR text is not correct enough to learn from)',
    );
    expect(skipped({ pages: [page('text-layer', 'noisy'), page('text-layer', 'no-diacritics')] })).toBe('1 page(s) whose text layer is OCR noise; 1 page(s) whose text has no diacritics');
    expect(skipped({ pages: [page('ocr', 'empty')] })).toMatch(/^an image: scans are not used for training/);
    expect(skipped({ pages: [page('text-layer', 'good')] })).toBe('');
  });
});
