import { readFileSync } from 'node:fs';

/**
 * The package version, stamped on every document's `pipeline.version`.
 * Looked up from the source tree (src/core) and the build (dist/src/core).
 */
export const PIPELINE_VERSION: string = (() => {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'plan-ingest' && pkg.version) return pkg.version;
    } catch {
      // not at this depth
    }
  }
  return '0.0.0';
})();
