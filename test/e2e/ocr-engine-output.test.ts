import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, runCli, runProcess } from '../support/run-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MESSAGE = 'Attempted to set parameters that can only be set during initialization';

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string }> {
  return runProcess(process.execPath, ['--import', 'tsx', `${ROOT}test/support/tesseract-message.ts`, ...args], { env: { TESSERACT_CACHE: join(DATA_DIR, 'tesseract'), ...env } });
}

describe("the OCR engine's own messages", () => {
  it('reach stdout from a tesseract.js worker thread unless captured; captured, they are debug log lines', async () => {
    const [raw, captured, verbose] = await Promise.all([run([]), run(['--capture']), run(['--capture'], { LOG_LEVEL: 'debug' })]);
    // the message really comes out of the worker thread (the test can fail)
    expect(raw.stdout).toContain(MESSAGE);
    expect(captured.stdout + captured.stderr).not.toContain(MESSAGE);
    const lines = verbose.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { level: number; msg: string; engine?: string });
    expect(lines).toContainEqual(expect.objectContaining({ level: 20, engine: 'tesseract.js', msg: expect.stringContaining(MESSAGE) }));
    // what the engine printed while the worker started, before the capture began, is logged too
    // (the LSTM-only core does not know the traineddata's legacy setting language_model_ngram_on)
    expect(lines).toContainEqual(expect.objectContaining({ level: 20, engine: 'tesseract.js', msg: expect.stringContaining('Parameter not found') }));
    expect(verbose.stdout).toBe('');
    expect(verbose.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('{'))).toEqual([]);
  }, 300_000);

  it('ingest of a scanned page: stdout holds only the document, stderr only the summary (-q)', async () => {
    const res = await runCli(['ingest', 'fixtures/scan/kh-bql-2026.p1.png', '--out', '-', '-q', '--ocr-workers', '1']);
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).pages[0].origin).toBe('ocr');
    expect(res.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^1 file\(s\) in [\d.]+ s: 1 ok, 0 partial, 0 failed$/)]);
  }, 600_000);
});
