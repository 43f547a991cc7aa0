import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQueues, type PlanQueues } from '../../src/queue/index.js';
import { ReviewerAccounts, startServer } from '../../src/review/index.js';
import { launchBrowser, runBrowserTests } from '../support/browser.js';
import { runRedisTests, startTestRedis, uniquePrefix } from '../support/redis.js';

/** The queue dashboard as an admin opens it: in a real Chromium, under the dashboard's CSP. */
describe.runIf(runRedisTests && runBrowserTests)('queue dashboard in Chromium (real Redis)', () => {
  let redis: Awaited<ReturnType<typeof startTestRedis>>;
  let queues: PlanQueues;
  let server: Awaited<ReturnType<typeof startServer>>;
  const out = mkdtempSync(join(tmpdir(), 'pi-dashboard-'));

  beforeAll(async () => {
    redis = await startTestRedis();
    queues = openQueues({ options: { path: redis.url.slice('unix://'.length) }, describe: 'test', close: async () => {} } as never, uniquePrefix('dashboard'));
    await new ReviewerAccounts(out).set('quan-tri', 'mat-khau-qt-1', 'admin');
    server = await startServer({ outDir: out, port: 0, queues, dashboard: 'read-only' });
  });
  afterAll(async () => {
    await server?.close();
    await queues?.close();
    await redis?.stop();
  });

  it('loads for a signed-in admin with no script refused by the CSP', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      await page.goto(`${server.url}/admin/queues`);
      expect(await page.textContent('body')).toMatch(/Sign in/);
      await page.request.post(`${server.url}/api/login`, { data: { name: 'quan-tri', password: 'mat-khau-qt-1' } });
      errors.length = 0; // the 401 above was meant
      await page.goto(`${server.url}/admin/queues`);
      await page.getByText('documents').first().waitFor({ timeout: 15_000 });
      expect(await page.getByText('pages').count()).toBeGreaterThan(0);
      // web fonts from the network are refused on purpose; nothing else may be
      expect(errors.filter((e) => !/fonts\.googleapis/.test(e))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
