import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { DATA_DIR } from '../support/run-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs a command under a pseudo-terminal (util-linux `script`): stdout and stderr are both a TTY, as for a clerk at a terminal. */
function onTerminal(args: string[]): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, '--import', 'tsx', `${ROOT}src/cli/main.ts`, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: { ...process.env, PLAN_INGEST_DATA_DIR: DATA_DIR, COLUMNS: '120' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('ingest on a terminal (pseudo-terminal)', () => {
  it('keeps every outcome line with the progress bars: the written file and a failed file with its reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pi-pty-'));
    const plan = join(dir, 'plan.txt');
    writeFileSync(plan, 'KẾ HOẠCH\nThực hiện chuyển đổi số năm 2026\n\n1. Sở Nội vụ chủ trì tổ chức tập huấn kỹ năng số, hoàn thành trong năm 2026.\n');
    const broken = join(dir, 'broken.pdf');
    writeFileSync(broken, 'not a pdf at all');
    const out = join(dir, 'out');
    const res = await onTerminal(['ingest', plan, broken, '--out', out]);
    // the bars were drawn (a terminal), and nothing they drew hid the outcome lines
    expect(res.output).toMatch(/files/);
    expect(res.output).toContain(`${plan} → ${join(out, 'plan.json')}`);
    expect(res.output).toMatch(new RegExp(`plan-ingest: ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a PDF`));
    expect(res.output).toMatch(/2 file\(s\) in [\d.]+ s: 1 ok, 0 partial, 1 failed/);
    expect(res.code).toBe(EXIT.someFailed);
  }, 300_000);
});
