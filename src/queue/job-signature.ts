import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DocumentJobData, PageJobData } from '../../schemas/index.js';

/**
 * Job payloads name files (the input, the output and work folders), and the
 * workers run with the service's rights. Anything that can reach Redis — the
 * queue dashboard's add-job route, another local process — could otherwise
 * make a worker read, publish or move any file. So every job this
 * installation queues carries an HMAC of the fields that name files, made
 * with a key only the service's user can read, and a worker refuses a job
 * whose signature does not check.
 *
 * The key: $PLAN_INGEST_JOB_KEY (64 hex digits; give every machine of one
 * installation the same), else `<data dir>/job-key` (32 random bytes, mode
 * 0600, created on first use).
 */
export function loadJobKey(dataDir: string): Buffer {
  const fromEnv = process.env.PLAN_INGEST_JOB_KEY;
  if (fromEnv !== undefined) {
    if (!/^[0-9a-f]{64}$/i.test(fromEnv)) throw new Error('PLAN_INGEST_JOB_KEY must be 64 hex digits (32 bytes)');
    return Buffer.from(fromEnv, 'hex');
  }
  const path = join(dataDir, 'job-key');
  try {
    return readKey(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dirname(path), { recursive: true });
  try {
    // "wx": two processes starting at once make one key between them
    writeFileSync(path, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readKey(path);
}

function readKey(path: string): Buffer {
  const hex = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${path} is not a job key (64 hex digits)`);
  chmodSync(path, 0o600);
  return Buffer.from(hex, 'hex');
}

type Unsigned<T> = Omit<T, 'signature'>;

/** The fields a document job's worker acts on; `step` only says where the job stands. */
function documentFields(d: Unsigned<DocumentJobData>): unknown[] {
  return ['document', d.file, d.name, d.base, d.sha256, d.outDir, d.inbox, d.options.ocr, d.options.restore, d.options.ocrDpi, d.options.maxBytes];
}

function pageFields(d: Unsigned<PageJobData>): unknown[] {
  return ['page', d.workDir, d.page, d.ocrDpi];
}

const mac = (key: Buffer, fields: unknown[]): string => createHmac('sha256', key).update(JSON.stringify(fields)).digest('hex');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === 32 && x.length === y.length && timingSafeEqual(x, y);
}

export function signDocumentJob(data: Unsigned<DocumentJobData>, key: Buffer): DocumentJobData {
  return { ...data, signature: mac(key, documentFields(data)) };
}

export function signPageJob(data: Unsigned<PageJobData>, key: Buffer): PageJobData {
  return { ...data, signature: mac(key, pageFields(data)) };
}

export const documentJobSigned = (data: DocumentJobData, key: Buffer): boolean => same(data.signature, mac(key, documentFields(data)));

export const pageJobSigned = (data: PageJobData, key: Buffer): boolean => same(data.signature, mac(key, pageFields(data)));
