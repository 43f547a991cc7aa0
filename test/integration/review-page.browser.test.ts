/// <reference lib="dom" />
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/review/index.js';
import { launchBrowser, runBrowserTests } from '../support/browser.js';
import { makePdf } from '../support/make-pdf.js';
import { runCli } from '../support/run-cli.js';

const FIXTURE = 'fixtures/pdf/kh-xa-chi-minh-2026.pdf';
const LARGEST = 'fixtures/pdf/kh-tu-57.pdf';

/** The review page in real Chromium (Debian chromium + playwright-core, headless). */
describe.runIf(runBrowserTests)('review page in Chromium', () => {
  const out = mkdtempSync(join(tmpdir(), 'pi-page-'));
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const hostile = join(out, '..', `${out.split('/').pop()}-hostile.pdf`);
    writeFileSync(
      hostile,
      await makePdf([
        'ỦY BAN NHÂN DÂN XÃ AN BÌNH',
        'KẾ HOẠCH',
        'Chuyển đổi số <script>window.__xss=1</script> năm 2026',
        'III. TỔ CHỨC THỰC HIỆN',
        '1. Văn phòng HĐND và UBND xã',
        '- Chủ trì triển khai <img src=x onerror="window.__xss=2"> hệ thống một cửa điện tử.',
        '- Tổng hợp, báo cáo kết quả <b>thực hiện</b> hằng quý.',
      ]),
    );
    expect((await runCli(['ingest', FIXTURE, LARGEST, hostile, '--out', out, '--no-progress'])).code).toBe(0);
    const added = await runCli(['reviewer', 'add', 'lan', '--out', out], { input: 'mật khẩu dài\n' });
    expect(added.code).toBe(0);
    server = await startServer({ outDir: out, port: 0 });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (title: RegExp) => {
    await page.goto(server.url);
    await page.getByRole('link', { name: title }).click();
    await page.waitForSelector('#records tbody tr');
  };
  const field = (row: number, name: string) => page.locator(`#records tbody tr >> nth=${row}`).locator(`[data-field="${name}"]`);
  const saved = async () => {
    await page.waitForFunction(() => document.querySelector('#message')?.textContent === 'Đã lưu');
    await page.evaluate(() => ((document.querySelector('#message') as HTMLElement).textContent = ''));
  };

  it('asks for the sign-in first (reads need a session), then shows the documents', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.textContent('#view')).toContain('Đăng nhập để xem các văn bản');
    expect(await page.locator('#documents').count()).toBe(0);
    await page.fill('input[name=name]', 'lan');
    await page.fill('input[name=password]', 'mật khẩu dài');
    await page.click('#signin button');
    await expect.poll(() => page.textContent('#reviewer-name')).toBe('lan');
    await page.waitForSelector('#documents a');
  });

  it('corrects a lead agency and a timeline (with its live preview); they are there after a reload', async () => {
    await open(/Khoa học và Công nghệ năm 2026/);
    const code = await field(0, 'code').inputValue();
    await field(0, 'lead').fill('Sở Khoa học và Công nghệ');
    await field(0, 'lead').press('Enter');
    await saved();
    await field(0, 'timeline').fill('Quý III/2026');
    await expect.poll(() => page.locator('#records tbody tr >> nth=0').locator('.preview').textContent()).toContain('2026-07-01 … 2026-09-30');
    await field(0, 'timeline').press('Enter');
    await saved();
    await page.reload();
    await page.waitForSelector('#records tbody tr');
    const values = await page.$$eval('#records tbody tr', (rows, c) => {
      const r = rows.find((x) => (x.querySelector('[data-field="code"]') as HTMLInputElement).value === c)!;
      return { lead: (r.querySelector('[data-field="lead"]') as HTMLInputElement).value, timeline: (r.querySelector('[data-field="timeline"]') as HTMLInputElement).value, corrected: r.querySelectorAll('td.corrected').length };
    }, code);
    expect(values).toEqual({ lead: 'Sở Khoa học và Công nghệ', timeline: 'Quý III/2026', corrected: 2 });
  });

  it('keeps the corrections when the document is ingested again', async () => {
    await server.store.flush();
    expect((await runCli(['ingest', FIXTURE, '--out', out, '--no-progress'])).code).toBe(0);
    await open(/Khoa học và Công nghệ năm 2026/);
    const leads = await page.$$eval('#records [data-field="lead"]', (els) => els.map((e) => (e as HTMLInputElement).value));
    const timelines = await page.$$eval('#records [data-field="timeline"]', (els) => els.map((e) => (e as HTMLInputElement).value));
    expect(leads).toContain('Sở Khoa học và Công nghệ');
    expect(timelines).toContain('Quý III/2026');
    expect(await page.textContent('.meta')).toContain('phiên bản 2');
  });

  it('exports XLSX that reads back with the corrections', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất Nhiệm vụ .xlsx' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const rows = book.getWorksheet('assignments')!.getSheetValues().slice(2) as unknown[][];
    expect(rows.some((r) => r[4] === 'Sở Khoa học và Công nghệ' && r[6] === 'Quý III/2026')).toBe(true);
  });

  it('shows <script> and onerror= payloads from a PDF as text, never running them', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: /hostile|Chuyển đổi số/ }).first().click();
    await page.waitForSelector('#records tbody tr');
    const tasks = await page.$$eval('#records [data-field="task"]', (els) => els.map((e) => (e as HTMLTextAreaElement).value));
    expect(tasks.join('\n')).toContain('<img src=x onerror="window.__xss=2">');
    await page.waitForSelector('.as-read li:not(.help)');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"], #view script, #view b').count()).toBe(0);
  });

  it('shows the crop of the page for a row read from a table', async () => {
    await page.goto(server.url);
    await page.locator('#documents a').filter({ hasText: /57/ }).first().click();
    await page.waitForSelector('#records tbody tr');
    // the largest fixture's assignments come from its tables (Phụ lục): each row's box is the union of its cells
    await page.locator('#records tbody tr >> nth=2').click();
    const img = page.locator('#side img');
    await expect.poll(() => img.evaluate((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBeGreaterThan(50);
    expect(await page.locator('#side').textContent()).not.toContain('Không có ảnh trang nguồn');
  });

  it('saves edits on the largest fixture quickly (measured, printed)', async () => {
    await open(/57-NQ\/TW|Tu 57|KH\/TU/i).catch(async () => {
      await page.goto(server.url);
      await page.locator('#documents a').filter({ hasText: /57/ }).first().click();
      await page.waitForSelector('#records tbody tr');
    });
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      await field(i % 5, 'output').fill(`Báo cáo ${i}`);
      await field(i % 5, 'output').press('Enter');
      await saved();
      times.push(await page.evaluate(() => (window as unknown as { __lastSaveMs: number }).__lastSaveMs));
    }
    times.sort((a, b) => a - b);
    console.log(`review edits on ${LARGEST}: median ${times[5]!.toFixed(0)} ms, max ${times[9]!.toFixed(0)} ms (save request + response + row shown)`);
    expect(times).toHaveLength(10);
  }, 300_000); // a loaded machine starves Chromium at times: this test measures; the targets are the bench's
});
