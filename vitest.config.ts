import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // end-to-end tests run the real pipeline (and OCR on small crops)
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // CI also writes a JSON report, from which .ci/run prints the plain "N passed, N failed" line
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
  },
});
