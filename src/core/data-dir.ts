import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The project's data folder: caches (tesseract language data, trained
 * models) and the users' training corpus. $PLAN_INGEST_DATA_DIR, else
 * $XDG_CACHE_HOME/plan-ingest, else ~/.cache/plan-ingest.
 */
export function defaultDataDir(): string {
  return process.env.PLAN_INGEST_DATA_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'plan-ingest');
}
