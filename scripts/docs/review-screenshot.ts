/// <reference lib="dom" />
/**
 * Makes docs/review-page.png, the README's picture of the review page:
 * `npx tsx scripts/docs/review-screenshot.ts` (needs Debian chromium).
 * Ingests a fixture into a temp folder, signs in as a demo reviewer,
 * corrects one row and photographs the document view.
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
spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', 'fixtures/pdf/kh-bql-2026.pdf', '--out', out, '--no-progress'], { cwd: ROOT, stdio: 'inherit' });
await new ReviewerAccounts(out).set('lan', 'demo password');
const server = await startServer({ outDir: out, port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
await page.goto(server.url);
await page.fill('input[name=name]', 'lan');
await page.fill('input[name=password]', 'demo password');
await page.click('#signin button');
await page.waitForSelector('#whoami:not([hidden])');
await page.locator('#documents a').first().click();
await page.waitForSelector('#records tbody tr');
const lead = page.locator('#records tbody tr >> nth=1').locator('[data-field="timeline"]');
await lead.fill('Quý III/2026');
await lead.press('Enter');
await page.waitForFunction(() => document.querySelector('#message')?.textContent === 'Saved');
await page.keyboard.press('Escape'); // leave the field Enter moved to
await page.keyboard.press('k');
await page.waitForFunction(() => {
  const img = document.querySelector('.side img') as HTMLImageElement | null;
  return Boolean(img?.complete && img.naturalWidth > 0);
});
await page.waitForTimeout(300);
await page.screenshot({ path: join(ROOT, 'docs', 'review-page.png') });
await browser.close();
await server.close();
console.log('docs/review-page.png');
