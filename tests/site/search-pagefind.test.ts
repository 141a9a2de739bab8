/**
 * The search page's opt-in extended search (扩展检索) in Chromium: Pagefind is
 * not requested until the reader presses the button; then it lists pages the
 * exact results do not, each linking to a page that exists; offline it only
 * says it is not available.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { browser, server, serveSiteForThisFile } from './served-site.ts';
import { launchBrowser } from '../../scripts/harness/browser.ts';
import { siteUnderTest } from './site-under-test.ts';

const site = siteUnderTest();
const offlineDir = process.env.SEARCH_OFFLINE_DIR || `${site.dir.replace(/[\\/]+$/, '')}-offline`;
serveSiteForThisFile();

/** A query whose words (企业, 培育) name tasks the exact search does not list, such as headings on 培育…企业. */
const EXTENDED_QUERY = '企业培育';

describe('extended search (Pagefind) on /search/', () => {
  it('loads Pagefind only on the press and lists only pages the exact results lack, each existing', async () => {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    try {
      await page.goto(`${server.url}search/?q=${encodeURIComponent(EXTENDED_QUERY)}`);
      await page.waitForSelector('#search-app[data-state="done"]');
      const exact = await page.locator('[data-result]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.url ?? ''));
      expect(exact.length).toBeGreaterThan(0);
      const button = page.getByRole('button', { name: '查看分词匹配的其他结果' });
      await expect.poll(() => button.isVisible()).toBe(true);
      expect(await page.locator('#search-extra').textContent()).toContain('可能不含完整检索词');
      expect(
        requests.filter((url) => url.includes('/pagefind/')),
        'Pagefind requests before the press',
      ).toEqual([]);

      await button.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('#search-extra[data-state="done"]', { timeout: 20_000 });
      expect(requests.some((url) => url.includes('/pagefind/pagefind.js'))).toBe(true);

      const extra = await page
        .locator('[data-extra-result]')
        .evaluateAll((els) =>
          els.map((el) => ({ url: (el as HTMLElement).dataset.url ?? '', href: el.querySelector('a')?.href ?? '', mark: el.querySelector('mark') !== null })),
        );
      expect(extra.length).toBeGreaterThan(0);
      expect(new Set(extra.map((r) => r.url)).size, 'no page listed twice').toBe(extra.length);
      for (const result of extra) {
        expect(exact, `${result.url} is already an exact result`).not.toContain(result.url);
        const response = await fetch(result.href.replace(/#.*$/, ''));
        expect(response.status, result.href).toBe(200);
        const id = new URL(result.href).hash.slice(1);
        if (id) expect(await response.text(), `${result.href} names an element of its page`).toContain(`id="${decodeURIComponent(id)}"`);
      }
      expect(
        extra.some((r) => r.mark),
        'excerpts keep Pagefind’s highlights',
      ).toBe(true);
      expect(await page.locator('#search-extra-status').textContent()).toMatch(/分词匹配另找到 \d+ 个页面/);
    } finally {
      await page.close();
    }
  });

  it('applies the selected filters to the extended results too', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.url}search/?q=${encodeURIComponent(EXTENDED_QUERY)}`);
      await page.waitForSelector('#search-app[data-state="done"]');
      await page.locator('#search-extra-run').click();
      await page.waitForSelector('#search-extra[data-state="done"]', { timeout: 20_000 });
      // Only documents: every extended result must then be a document page.
      await page.locator('#search-facets input[name="type"][value="政策文件"]').check();
      await page.waitForSelector('#search-app[data-state="done"]');
      await page.locator('#search-extra-run').click();
      await page.waitForSelector('#search-extra[data-state="done"]', { timeout: 20_000 });
      const urls = await page.locator('[data-extra-result]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.url ?? ''));
      for (const url of urls) expect(url.startsWith('docs/'), url).toBe(true);
    } finally {
      await page.close();
    }
  });

  it.skipIf(!fs.existsSync(path.join(offlineDir, 'search', 'index.html')))(
    'offline it says the extended search is not available and offers no button',
    async () => {
      // file:// pages need a browser that lets file: through (and still nothing else).
      const offline = await launchBrowser({ offline: true });
      const page = offline.page;
      try {
        await page.goto(`${pathToFileURL(path.join(offlineDir, 'search', 'index.html')).href}?q=${encodeURIComponent('链长制')}`);
        await page.waitForSelector('#search-app[data-state="done"]', { timeout: 20_000 });
        expect(await page.locator('#search-extra').isVisible()).toBe(true);
        expect(await page.locator('#search-extra-note').textContent()).toContain('离线版不提供扩展检索');
        expect(await page.locator('#search-extra-run').isVisible()).toBe(false);
        expect(offline.blocked, 'requests that left the disk').toEqual([]);
      } finally {
        await offline.close();
      }
    },
  );
});
