/**
 * The offline copy opened from disk in Firefox, the other browser people carry
 * the copy to: Firefox treats every file:// page as its own origin, stricter
 * than Chromium, so styles, the page script, search and the compare view are
 * checked there too. Debian's firefox-esr is driven over WebDriver BiDi by
 * puppeteer-core (playwright-core only drives its own patched Firefox).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from '../../scripts/harness/browser.ts';
import { siteUnderTest } from './site-under-test.ts';

const site = siteUnderTest();
const offlineDir = process.env.SITE_OFFLINE_DIR?.trim() || path.join(path.dirname(site.dir), 'dist-offline');

const fileUrl = (file: string): string => pathToFileURL(path.join(offlineDir, file)).href;
const firstDoc = (): string => `docs/${readdirSync(path.join(offlineDir, 'docs')).sort()[0]}/index.html`;

describe(`offline copy ${path.relative(process.cwd(), offlineDir)} in Firefox`, () => {
  let firefox: FirefoxSession;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    firefox = await launchFirefox();
    page = await firefox.browser.newPage();
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error instanceof Error ? error.message : String(error)}`));
  }, 60_000);
  afterAll(async () => {
    await firefox?.close();
  });

  it('pages are styled, carry the offline banner and run the page script', async () => {
    await page.goto(fileUrl('index.html'), { waitUntil: 'load' });
    // site.css moves the skip link off-screen; unstyled, it sits at the top of the page.
    expect(await page.$eval('.skip-link', (a) => getComputedStyle(a).left)).toBe('-999px');
    expect(await page.$eval('.offline-banner', (p) => p.textContent ?? '')).toContain('离线版');
    const doc = firstDoc();
    await page.goto(fileUrl(doc), { waitUntil: 'load' });
    const hash = await page.$$eval('.prov a.permalink[href^="#"]', (links) => links[links.length - 1]!.getAttribute('href')!);
    await page.goto(fileUrl(doc) + hash, { waitUntil: 'load' });
    await page.waitForSelector('.is-target', { timeout: 10_000 });
    // page.ts adds the citation buttons; they only exist if the classic script ran.
    expect((await page.$$('button.copy-cite')).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('search from the header finds 链长制 offline and opens a result', async () => {
    await page.goto(fileUrl(firstDoc()), { waitUntil: 'load' });
    await page.type('#site-search-q', '链长制');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname.endsWith('/search/index.html')).toBe(true);
    await page.waitForSelector('#search-results li a[href]', { timeout: 15_000 });
    expect(await page.$eval('#search-status', (s) => s.textContent ?? '')).toMatch(/找到 \d+ 个结果/);
    const href = await page.$eval('#search-results li a[href]', (a) => (a as HTMLAnchorElement).href);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#search-results li a[href]')]);
    expect(page.url().split('#')[0]).toBe(href.split('#')[0]);
    expect(errors).toEqual([]);
  });

  it('the compare view compares two documents chosen in the form', async () => {
    await page.goto(fileUrl('compare/index.html'), { waitUntil: 'load' });
    const [a, b] = await page.$eval('.cmp-pairs li:not([data-kind="version"])', (li) => [li.getAttribute('data-a')!, li.getAttribute('data-b')!]);
    await page.select('#cmp-a', a);
    await page.select('#cmp-b', b);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.cmp-pick__submit')]);
    await page.waitForSelector('#cmp-result:not([hidden])', { timeout: 15_000 });
    expect(await page.$eval('.cmp-status', (s) => s.textContent ?? '')).toContain('已对比');
    expect(errors).toEqual([]);
  });
});
