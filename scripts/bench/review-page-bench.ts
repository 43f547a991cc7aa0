/// <reference lib="dom" />
/**
 * `npm run bench` (last part): the review page on the largest fixture, in
 * Chromium. Prints the bytes of the API answers the page needs to show a
 * document, the time from navigation until its rows are shown (median of
 * several openings, after one to warm the server's cache) and the latency of
 * a saved edit (request sent → row shown saved, median of ten). Targets
 * (issue 19): open ≤ 300 ms, payload ≤ 10 % of the whole-document payload,
 * edit ≤ 100 ms. Needs Debian chromium (or CHROMIUM_PATH).
 * Flags: --runs N (default 7), --fixture PATH (default fixtures/pdf/kh-tu-57.pdf),
 * --out DIR (an output folder that already holds the fixture's JSON: no ingest, for repeated runs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { ReviewerAccounts, startServer } from '../../src/review/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const runs = Number(flag('--runs', '7'));
const fixture = flag('--fixture', 'fixtures/pdf/kh-tu-57.pdf');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const out = args.includes('--out') ? flag('--out', '') : mkdtempSync(join(tmpdir(), 'pi-review-bench-'));
const data = mkdtempSync(join(tmpdir(), 'pi-review-bench-data-'));
if (!args.includes('--out')) {
  const ingest = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', fixture, '--out', out, '--no-progress'], { cwd: ROOT, env: { ...process.env, PLAN_INGEST_DATA_DIR: data }, encoding: 'utf8' });
  if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
}
const file = readdirSync(out).find((f) => f.endsWith('.json') && !f.startsWith('.'))!;
const whole = readFileSync(join(out, file));
const id = (JSON.parse(whole.toString('utf8')) as { id: string }).id;
await new ReviewerAccounts(out).set('bench', 'bench password');
const server = await startServer({ outDir: out, port: 0, dataDir: data });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

/** Opens the document page; returns ms until the first row is shown and the API bytes fetched until then. */
async function open(p: Page): Promise<{ ms: number; inPage: number; bytes: number; byPath: Map<string, number> }> {
  const byPath = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const listener = (res: import('playwright-core').Response) => {
    const url = new URL(res.url());
    if (!url.pathname.startsWith('/api/') || !(res.headers()['content-type'] ?? '').includes('json')) return;
    pending.push(res.body().then((b) => void byPath.set(url.pathname, (byPath.get(url.pathname) ?? 0) + b.length), () => {}));
  };
  p.on('response', listener);
  const started = Date.now();
  // from the request until the rows are shown: not until 'load', which also waits for the source crop beside them
  await p.goto(`${server.url}/documents/${id}`, { waitUntil: 'commit' });
  await p.waitForSelector('#records tbody tr');
  const ms = Date.now() - started;
  // the page's own clock, from the start of the navigation to the rows rendered (no harness round trips)
  const inPage = await p.evaluate(() => performance.getEntriesByName('rows-shown')[0]?.startTime ?? NaN);
  p.off('response', listener);
  await Promise.all(pending);
  return { ms, inPage: Math.round(inPage), bytes: [...byPath.values()].reduce((a, b) => a + b, 0), byPath };
}

// reads need a session (or serve --public-read): sign in first, as a reviewer does once a day
await page.goto(server.url);
await page.fill('input[name=name]', 'bench');
await page.fill('input[name=password]', 'bench password');
await page.click('#signin button');
await page.waitForSelector('#whoami:not([hidden])');
await open(page); // warm: the server parses and caches the document once
const opens: number[] = [];
const inPage: number[] = [];
let last = await open(page);
for (let i = 0; i < runs; i++) {
  last = await open(page);
  opens.push(last.ms);
  inPage.push(last.inPage);
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
console.log(`review page on ${fixture} (${(JSON.parse(whole.toString('utf8')) as { source: { pages: number } }).source.pages} pages; document JSON ${kb(whole.length)})`);
console.log(`  API JSON fetched to show the rows: ${kb(last.bytes)} (${((100 * last.bytes) / whole.length).toFixed(1)} % of the document JSON)`);
for (const [path, n] of last.byPath) console.log(`    ${path.replace(id, ':id')}  ${kb(n)}`);
console.log(`  open until rows shown: median ${median(opens)} ms over ${runs} as the harness sees it (min ${Math.min(...opens)}, max ${Math.max(...opens)}); by the page's own clock (navigation start → rows rendered, scripts cached after the first open): median ${median(inPage)} ms (min ${Math.min(...inPage)}, max ${Math.max(...inPage)})`);

// then edit: the page records each save's round trip in window.__lastSaveMs
await open(page);
const edits: number[] = [];
for (let i = 0; i < 10; i++) {
  await page.evaluate(() => void ((window as unknown as { __lastSaveMs?: number }).__lastSaveMs = undefined));
  const output = page.locator(`#records tbody tr >> nth=${i % 5}`).locator('[data-field="output"]');
  await output.fill(`Báo cáo ${i}`);
  await output.press('Enter');
  await page.waitForFunction(() => typeof (window as unknown as { __lastSaveMs?: number }).__lastSaveMs === 'number');
  edits.push(await page.evaluate(() => (window as unknown as { __lastSaveMs: number }).__lastSaveMs));
}
await browser.close();
await server.close();

console.log(`  edit save → row shown saved: median ${median(edits).toFixed(0)} ms over ${edits.length} (max ${Math.max(...edits).toFixed(0)})`);
