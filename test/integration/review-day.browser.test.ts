/// <reference lib="dom" />
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment, Correction } from '../../schemas/index.js';
import { ApiTokens, startServer } from '../../src/review/index.js';
import { launchBrowser, runBrowserTests } from '../support/browser.js';
import { runCli } from '../support/run-cli.js';

const FIXTURE = 'fixtures/pdf/kh-xa-chi-minh-2026.pdf';
/** A clerk's draft as Markdown: its table's "Kinh phí" column has no role, so it becomes each row's extra column. */
const WITH_EXTRAS = [
  'ỦY BAN NHÂN DÂN XÃ AN BÌNH', '', 'KẾ HOẠCH', 'Chuyển đổi số năm 2026', '', 'PHỤ LỤC: DANH MỤC NHIỆM VỤ', '',
  '| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Kinh phí (triệu đồng) |',
  '| --- | --- | --- | --- | --- | --- |',
  '| 1 | Triển khai hệ thống một cửa điện tử | Văn phòng UBND xã | Công an xã | Quý II/2026 | 150 |',
  '| 2 | Đào tạo kỹ năng số cho cán bộ | Phòng Văn hóa - Xã hội | Văn phòng UBND xã | Năm 2026 | 80 |',
].join('\n');

type Records = { id: string; pages: Record<string, unknown>[]; assignments: Assignment[] };

/** A reviewer's day on the review page, in real Chromium: light payload, Vietnamese, filters, selection, history, full page. */
describe.runIf(runBrowserTests)('review page: a reviewer\'s day', () => {
  const out = mkdtempSync(join(tmpdir(), 'pi-day-'));
  let server: Awaited<ReturnType<typeof startServer>>;
  // the test's own reads of the API go with a read token (reads need a session or a token)
  let token = '';
  const get = (path: string) => fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  let browser: Browser;
  let page: Page;
  let docId = '';
  const requests: string[] = [];

  beforeAll(async () => {
    const draft = join(mkdtempSync(join(tmpdir(), 'pi-day-in-')), 'kinh-phi.md');
    writeFileSync(draft, WITH_EXTRAS);
    const pdf = join(mkdtempSync(join(tmpdir(), 'pi-day-in-')), 'xa.pdf');
    copyFileSync(FIXTURE, pdf);
    expect((await runCli(['ingest', pdf, draft, '--out', out, '--no-progress'])).code).toBe(0);
    expect((await runCli(['reviewer', 'add', 'lan', '--out', out], { input: 'mật khẩu dài\n' })).code).toBe(0);
    const dataDir = mkdtempSync(join(tmpdir(), 'review-day-data-'));
    token = await new ApiTokens(dataDir).add('test', 'read');
    server = await startServer({ outDir: out, port: 0, dataDir });
    docId = ((await (await get(`/api/documents`)).json()) as { documents: { id: string; file: string }[] }).documents.find((d) => d.file === 'xa.pdf')!.id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    page.on('dialog', (d) => void d.dismiss().then(() => requests.push(`dialog:${d.type()}`)));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (id = docId, hash = '') => {
    await page.goto(`${server.url}/documents/${id}${hash}`);
    await page.waitForSelector('#records tbody tr.row');
  };
  const selectedId = () => page.getAttribute('#records tbody tr.selected', 'data-id');
  const saved = async () => {
    await page.waitForFunction(() => document.querySelector('#message')?.textContent === 'Đã lưu');
    await page.evaluate(() => ((document.querySelector('#message') as HTMLElement).textContent = ''));
  };
  const apiRecords = async (id = docId): Promise<Records> => (await (await get(`/api/documents/${id}/records`)).json()) as Records;

  it('signs in first (reads need a session), in Vietnamese', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.textContent('#view')).toContain('Đăng nhập để xem các văn bản');
    await page.fill('input[name=name]', 'lan');
    await page.fill('input[name=password]', 'mật khẩu dài');
    await page.click('#signin button');
    await expect.poll(() => page.textContent('#reviewer-name')).toBe('lan');
  });

  it('speaks Vietnamese by default, English when asked, and remembers the choice', async () => {
    await page.goto(server.url);
    await page.waitForSelector('#documents');
    expect(await page.textContent('h1')).toBe('Văn bản');
    expect(await page.textContent('#signin button')).toBe('Đăng nhập');
    expect(await page.getAttribute('input[name=password]', 'placeholder')).toBe('mật khẩu');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await page.selectOption('#lang', 'en');
    await expect.poll(() => page.textContent('h1')).toBe('Documents');
    await page.reload();
    await page.waitForSelector('#documents');
    expect(await page.textContent('#signin button')).toBe('Sign in');
    expect(await page.textContent('#documents thead')).toContain('Review progress');
    await page.selectOption('#lang', 'vi');
    await expect.poll(() => page.textContent('h1')).toBe('Văn bản');
    await page.keyboard.press('?');
    expect(await page.textContent('#help-overlay')).toContain('đánh dấu / bỏ đánh dấu dòng đã duyệt');
    await page.keyboard.press('Escape');
    expect(await page.locator('#help-overlay').count()).toBe(0);
  });

  it('opens a document with records and page outlines only; a page\'s words come when the page is opened', async () => {
    requests.length = 0;
    const body = page.waitForResponse((r) => r.url().endsWith(`/api/documents/${docId}/records`)).then((r) => r.json() as Promise<Records>);
    await open();
    const light = await body;
    expect(light.pages.length).toBeGreaterThan(1);
    // each page's size and how many words it has, not the words
    expect(light.pages.every((p) => typeof p.words === 'number' && typeof p.lines === 'number' && typeof p.width === 'number' && !('text' in p) && !('blocks' in p))).toBe(true);
    expect(requests.filter((p) => /\/pages\/\d+$/.test(p))).toEqual([]);
    expect(requests).not.toContain(`/api/documents/${docId}`);
    const whole = await (await get(`/api/documents/${docId}`)).text();
    expect(JSON.stringify(light).length).toBeLessThan(whole.length / 5);

    await page.keyboard.press('f');
    await page.waitForSelector('#fullpage .highlight');
    const highlighted = await page.getAttribute('#fullpage .highlight', 'data-id');
    const sel = light.assignments.find((a) => a.id === highlighted)!;
    expect(requests).toContain(`/api/documents/${docId}/pages/${sel.source.page}`);
    // the highlight sits where the row's box is on the page (in points → the frame's pixels)
    const geometry = await page.evaluate(() => {
      const f = document.querySelector('#fp-frame')!.getBoundingClientRect();
      const h = document.querySelector('#fullpage .highlight')!.getBoundingClientRect();
      return { fw: f.width, fh: f.height, x: h.left - f.left, y: h.top - f.top, w: h.width, h: h.height };
    });
    const outline = light.pages[sel.source.page! - 1] as { width: number; height: number };
    const k = geometry.fw / outline.width;
    expect(Math.abs(geometry.x + 3 - sel.source.box!.x0 * k)).toBeLessThan(2);
    expect(Math.abs(geometry.y + 3 - sel.source.box!.y0 * k)).toBeLessThan(2);
    expect(Math.abs(geometry.w - 6 - (sel.source.box!.x1 - sel.source.box!.x0) * k)).toBeLessThan(2);
    await expect.poll(() => page.evaluate(() => (document.querySelector('.fp-image') as HTMLImageElement | null)?.naturalWidth ?? 0), { timeout: 20_000 }).toBeGreaterThan(100);
    // zoom, and the next row moves the highlight
    await page.keyboard.press('+');
    expect(await page.evaluate(() => document.querySelector('#fp-frame')!.getBoundingClientRect().width)).toBeGreaterThan(geometry.fw * 1.2);
    await page.keyboard.press('j');
    await expect.poll(() => page.getAttribute('#fullpage .highlight', 'data-id')).not.toBe(sel.id);
    expect(await page.getAttribute('#fullpage .highlight', 'data-id')).toBe(await selectedId());
    await page.keyboard.press('Escape');
    expect(await page.locator('#fullpage').count()).toBe(0);
  });

  it('keeps the selected row across a reload, so r marks that row', async () => {
    await open();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const chosen = (await selectedId())!;
    expect(chosen).not.toBe((await page.getAttribute('#records tbody tr.row >> nth=0', 'data-id')));
    await page.reload();
    await page.waitForSelector('#records tbody tr.selected');
    expect(await selectedId()).toBe(chosen);
    await page.keyboard.press('r');
    await saved();
    const marked = (await apiRecords()).assignments.filter((a) => a.review?.reviewed).map((a) => a.id);
    expect(marked).toEqual([chosen]);
  });

  it('shows review progress in the document and in the list', async () => {
    const { assignments, indicators } = (await apiRecords()) as Records & { indicators: unknown[] };
    const total = assignments.length + indicators.length;
    await open();
    expect(await page.textContent('#progress')).toBe(`1 / ${total} đã duyệt`);
    await page.goto(server.url);
    await page.waitForSelector('#documents');
    expect(await page.textContent(`#documents tr[data-id="${docId}"] .progress`)).toContain(`1 / ${total} đã duyệt`);
    expect(await page.textContent('#overall')).toMatch(new RegExp(`^Tổng cộng: 1 / ${total + 2} dòng đã duyệt trong 2 văn bản$`));
  });

  it('filters by text, state, section and agency', async () => {
    const { assignments } = await apiRecords();
    await open();
    const shown = () => page.$$eval('#records tbody tr.row', (rows) => rows.map((r) => r.getAttribute('data-id')));
    const phrase = assignments[3]!.task.split(' ').slice(0, 6).join(' ');
    await page.keyboard.press('/');
    // typed without diacritics, as on a keyboard without Vietnamese input: still found
    await page.keyboard.type(phrase.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'));
    // every word somewhere in the row (any field, agencies, extra columns), diacritics aside
    const fold = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    const words = fold(phrase).split(/\s+/);
    const rowText = (a: Assignment) => fold([a.code, a.task, a.section, a.directing, a.notes, a.output, a.timeline?.raw, ...[...a.lead, ...a.cooperating].flatMap((x) => [x.raw, x.name]), ...Object.values(a.extra)].join(' '));
    const byText = assignments.filter((a) => words.every((w) => rowText(a).includes(w))).map((a) => a.id);
    expect(byText).toContain(assignments[3]!.id);
    expect(byText.length).toBeLessThan(assignments.length);
    await expect.poll(async () => (await shown()).sort()).toEqual(byText.sort());
    await page.fill('#search', '');
    await page.selectOption('#filter-status', 'reviewed');
    expect(await shown()).toEqual(assignments.filter((a) => a.review?.reviewed).map((a) => a.id));
    expect((await shown()).length).toBe(1);
    await page.selectOption('#filter-status', 'unreviewed');
    expect((await shown()).length).toBe(assignments.length - 1);
    await page.selectOption('#filter-status', 'weak');
    expect((await shown()).sort()).toEqual(assignments.filter((a) => a.confidence < 0.8).map((a) => a.id).sort());
    await page.selectOption('#filter-status', 'all');
    const section = assignments[0]!.section!;
    await page.selectOption('#filter-section', section);
    expect((await shown()).sort()).toEqual(assignments.filter((a) => a.section === section).map((a) => a.id).sort());
    await page.selectOption('#filter-section', '');
    const agency = assignments.find((a) => a.cooperating.length)?.cooperating[0]?.name ?? assignments.find((a) => a.lead.length)!.lead[0]!.name;
    await page.selectOption('#filter-agency', agency);
    expect((await shown()).sort()).toEqual(assignments.filter((a) => [...a.lead, ...a.cooperating].some((x) => x.name === agency)).map((a) => a.id).sort());
    await page.selectOption('#filter-agency', '');
    expect(await page.textContent('#shown')).toBe(`Hiển thị ${assignments.length} / ${assignments.length} dòng`);
  });

  it('shows a field\'s history (who, old → new) and undoes a saved edit as a correction of its own', async () => {
    await open();
    const id = (await selectedId())!;
    const output = page.locator('#records tbody tr.selected [data-field="output"]');
    const before = await output.inputValue();
    await output.fill('Báo cáo tổng kết');
    await output.press('Tab');
    await saved();
    const item = page.locator('#history li').first();
    await expect.poll(() => item.textContent()).toContain('Báo cáo tổng kết');
    expect(await item.textContent()).toContain('lan');
    expect(await item.locator('del').textContent()).toBe(before || '(trống)');
    await item.getByRole('button', { name: 'Hoàn tác' }).click();
    await saved();
    await expect.poll(() => page.locator(`#records tbody tr[data-id="${id}"] [data-field="output"]`).inputValue()).toBe(before);
    await expect.poll(() => page.locator('#history li').first().textContent()).toContain('(hoàn tác)');
    expect(await page.locator('#history button.undo:disabled').count()).toBe(1);
    const trail = ((await (await get(`/api/documents/${docId}/corrections`)).json()) as { corrections: Correction[] }).corrections.filter((c) => c.record === id && c.field === 'output');
    expect(trail.map((c) => c.after)).toEqual(['Báo cáo tổng kết', before || null]);
    expect(trail[1]!.undoes).toBe(trail[0]!.id);
  });

  it('adds a row with an inline form, no prompt()', async () => {
    await open();
    await page.click('#add-row');
    await page.fill('#add-form input[name=code]', '9.9');
    await page.fill('#add-form textarea[name=text]', 'Rà soát thủ tục hành chính trên môi trường số');
    await page.click('#add-form button:not([type=button])');
    await page.waitForSelector('#records tbody tr.selected[data-id*=":added-"]');
    expect(await page.locator('#records tbody tr.selected [data-field="code"]').inputValue()).toBe('9.9');
    expect(await page.locator('#records tbody tr.selected [data-field="task"]').inputValue()).toBe('Rà soát thủ tục hành chính trên môi trường số');
    expect(requests.filter((r) => r.startsWith('dialog:'))).toEqual([]);
    expect((await apiRecords()).assignments.some((a) => a.code === '9.9' && a.review?.added)).toBe(true);
  });

  it('shows and edits a row\'s extra columns', async () => {
    const list = (await (await get(`/api/documents`)).json()) as { documents: { id: string; file: string }[] };
    const draft = list.documents.find((d) => d.file === 'kinh-phi.md')!.id;
    await open(draft);
    const extra = page.locator('#side .extras textarea');
    await expect.poll(() => extra.count()).toBe(1);
    expect(await page.textContent('#side .extras')).toContain('Kinh phí (triệu đồng)');
    const was = await extra.inputValue();
    expect(['150', '80']).toContain(was);
    await extra.fill('175');
    await extra.press('Enter');
    await saved();
    const rowId = await selectedId();
    const row = (await apiRecords(draft)).assignments.find((a) => a.id === rowId)!;
    expect(row.extra).toEqual({ 'Kinh phí (triệu đồng)': '175' });
    expect(row.review?.corrected).toContain('extra');
    await page.reload();
    await page.waitForSelector('#side .extras textarea');
    expect(await page.locator('#side .extras textarea').inputValue()).toBe('175');
  });

  it('shows every field\'s whole text at 1024 px', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await open();
    const cut = await page.$$eval('#records textarea', (areas) =>
      areas.filter((a) => (a as HTMLTextAreaElement).scrollHeight > a.clientHeight + 2 || (a as HTMLTextAreaElement).scrollWidth > a.clientWidth + 2).map((a) => (a as HTMLTextAreaElement).value));
    expect(cut).toEqual([]);
    const { assignments } = await apiRecords();
    const tasks = await page.$$eval('#records [data-field="task"]', (els) => els.map((e) => (e as HTMLTextAreaElement).value));
    expect(tasks.sort()).toEqual(assignments.map((a) => a.task).sort());
    await page.setViewportSize({ width: 1400, height: 900 });
  });
});
