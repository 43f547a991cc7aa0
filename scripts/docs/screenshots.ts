/// <reference lib="dom" />
/**
 * Makes the README's pictures of the review page, in Vietnamese, from the
 * page as it is now: `npx tsx scripts/docs/screenshots.ts` (needs Debian
 * chromium, or CHROMIUM_PATH). Ingests two fixtures into a temp folder,
 * signs in as a demo reviewer, marks two rows reviewed and corrects one, then takes
 *   docs/review-list.png       the documents with their review progress
 *   docs/review-page.png       a document: rows, filters, the selected row's source, details and history
 *   docs/review-full-page.png  the full source page, the row's box highlighted
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ReviewerAccounts, startServer } from '../../src/review/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'pi-shot-'));
const data = mkdtempSync(join(tmpdir(), 'pi-shot-data-'));
const ingest = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', 'fixtures/pdf/kh-bql-2026.pdf', 'fixtures/pdf/kh-xa-chi-minh-2026.pdf', '--out', out, '--no-progress'], { cwd: ROOT, env: { ...process.env, PLAN_INGEST_DATA_DIR: data }, stdio: 'inherit' });
if (ingest.status !== 0) throw new Error('ingest failed');
await new ReviewerAccounts(out).set('lan', 'demo password');
const server = await startServer({ outDir: out, port: 0, dataDir: data });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
const shot = async (name: string) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(ROOT, 'docs', name) });
  console.log(`docs/${name}`);
};
const saved = async () => {
  await page.waitForFunction(() => document.querySelector('#message')?.textContent === 'Đã lưu');
  await page.evaluate(() => ((document.querySelector('#message') as HTMLElement).textContent = ''));
};

await page.goto(server.url);
await page.evaluate(() => localStorage.removeItem('plan-ingest.lang')); // Vietnamese, whatever this profile chose before
await page.reload();
await page.fill('input[name=name]', 'lan');
await page.fill('input[name=password]', 'demo password');
await page.click('#signin button');
await page.waitForSelector('#whoami:not([hidden])');
await page.locator('#documents tbody tr', { hasText: 'kh-bql-2026.pdf' }).locator('a').click();
await page.waitForSelector('#records tbody tr.row');
// a day's work so far: two rows reviewed, one timeline corrected
for (let i = 0; i < 2; i++) {
  await page.keyboard.press('r');
  await saved();
}
const timeline = page.locator('#records tbody tr.selected [data-field="timeline"]');
await timeline.fill('Quý III/2026');
await timeline.press('Tab');
await saved();
await page.waitForFunction(() => document.querySelectorAll('#history li[data-correction]').length > 0);
await page.waitForFunction(() => {
  const img = document.querySelector('#side img.crop') as HTMLImageElement | null;
  return !img || (img.complete && img.naturalWidth > 0);
});
await page.evaluate(() => {
  (document.activeElement as HTMLElement | null)?.blur();
  window.scrollTo(0, 0);
});
await shot('review-page.png');

await page.keyboard.press('f');
await page.waitForSelector('#fullpage .highlight');
await page.waitForFunction(() => ((document.querySelector('.fp-image') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0, null, { timeout: 60_000 });
await shot('review-full-page.png');
await page.keyboard.press('Escape');

await page.goto(server.url);
await page.waitForSelector('#documents tbody tr');
await shot('review-list.png');

await browser.close();
await server.close();
