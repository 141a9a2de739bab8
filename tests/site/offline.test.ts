/**
 * The offline copy (dist-offline/, next to the site under test) opened from
 * disk over file:// in Chromium, with no server and every network request
 * refused: styles, navigation, task anchors, concept/department/compare pages
 * and search all work, and the published zip is that folder, byte for byte.
 * (tests/site/links.test.ts crawls every relative link of the copy.)
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OFFLINE_ZIP, offlineCopyOptions, ZIP_FOLDER } from '../../scripts/steps/offline-step.ts';
import { OFFLINE_ZIP_GOAL_BYTES } from '../../scripts/bench/offline.ts';
import { makeOfflineCopy } from '../../scripts/offline/offline-copy.ts';
import { zipFolder } from '../../scripts/offline/zip.ts';
import { launchBrowser, type BrowserSession } from '../../scripts/harness/browser.ts';
import { siteUnderTest } from './site-under-test.ts';

const site = siteUnderTest();
const offlineDir = process.env.SITE_OFFLINE_DIR?.trim() || path.join(path.dirname(site.dir), 'dist-offline');
if (!existsSync(path.join(offlineDir, 'index.html'))) {
  throw new Error(`offline checks: ${offlineDir}/index.html is missing; npm run build writes the offline copy (scripts/steps/offline-step.ts)`);
}

/** file:// URL of a file of the copy. */
const fileUrl = (file: string): string => pathToFileURL(path.join(offlineDir, file)).href;
/** The copy's file a file:// URL points at ('' when it is outside the copy). */
const copyFile = (url: string): string => {
  const prefix = `${pathToFileURL(offlineDir).href}/`;
  return url.startsWith(prefix) ? decodeURIComponent(new URL(url).pathname.slice(new URL(prefix).pathname.length)) : '';
};
/** First sub-folder (sorted) of a folder of the copy that holds an index.html. */
const firstPage = (folder: string): string | undefined => {
  const dir = path.join(offlineDir, folder);
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir)
    .sort()
    .find((entry) => existsSync(path.join(dir, entry, 'index.html')));
  return name === undefined ? undefined : `${folder}/${name}/index.html`;
};

describe(`offline copy ${path.relative(process.cwd(), offlineDir)} opened from disk`, () => {
  let browser: BrowserSession;
  let page: Page;
  /** Script errors for the current test (requests that tried to leave the disk: browser.blocked). */
  const errors: string[] = [];

  beforeAll(async () => {
    // The harness only lets 127.0.0.1 through; here even that must not be needed: only the disk.
    browser = await launchBrowser({ offline: true });
    page = browser.page;
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    expect(browser.blocked, 'requests that left the disk').toEqual([]);
    expect(errors, 'script errors and failed loads').toEqual([]);
    browser.blocked.length = 0;
    errors.length = 0;
  });

  async function open(file: string): Promise<void> {
    await page.goto(fileUrl(file), { waitUntil: 'load' });
  }

  async function expectStyled(): Promise<void> {
    // site.css moves the skip link off-screen; unstyled, it sits at the top of the page.
    expect(await page.locator('.skip-link').evaluate((a) => getComputedStyle(a).left), `site.css on ${page.url()}`).toBe('-999px');
  }

  it('home page is styled, says it is the offline version, and loads its script as a classic script', async () => {
    await open('index.html');
    await expectStyled();
    const banner = page.locator('.offline-banner');
    await expect(banner.textContent()).resolves.toContain('离线版');
    expect(await banner.evaluate((p) => getComputedStyle(p).borderBottomStyle)).toBe('solid');
    expect(await page.locator('script[type="module"]').count()).toBe(0);
    expect(await page.locator('html').getAttribute('data-offline')).toBe('true');
  });

  it('the header links reach every section of the site, each page a file of the copy', async () => {
    for (const name of ['概念', '部门', '对比', '文件']) {
      await open(`docs/${readdirSync(path.join(offlineDir, 'docs')).sort()[0]}/index.html`);
      const link = page.locator('.site-nav a', { hasText: name });
      if ((await link.count()) === 0) continue;
      await Promise.all([page.waitForEvent('load'), link.click()]);
      expect(copyFile(page.url()), `${name} → ${page.url()}`).toMatch(/(^|\/)index\.html$/);
      await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
      await expectStyled();
    }
  });

  it('a task link opens the document at the task, highlighted by the page script', async () => {
    const doc = firstPage('docs')!;
    await open(doc);
    // The last provision: far down the page, so opening it must scroll.
    const permalink = page.locator('.prov a.permalink[href^="#"]').last();
    const hash = (await permalink.getAttribute('href'))!;
    await open('index.html');
    await page.goto(fileUrl(doc) + hash, { waitUntil: 'load' });
    const id = decodeURIComponent(hash.slice(1));
    const heading = page.locator(`[id="${id}"]`);
    await expect(heading.isVisible()).resolves.toBe(true);
    expect(
      await heading.evaluate((h) => h.getBoundingClientRect().top < window.innerHeight && h.getBoundingClientRect().bottom > 0),
      'task scrolled into view',
    ).toBe(true);
    expect(await page.locator('.is-target').count(), 'page.ts marked the target task').toBe(1);
  });

  it('concept and department pages open and link back to documents', async () => {
    for (const folder of ['concepts', 'departments']) {
      const file = firstPage(folder);
      expect(file, `${folder}/ in the copy`).toBeDefined();
      await open(file!);
      await expectStyled();
      const docLink = page.locator('main a[href*="docs/"]').first();
      await Promise.all([page.waitForEvent('load'), docLink.click()]);
      expect(copyFile(page.url()), `${folder} → document`).toMatch(/^docs\/[^/]+\/index\.html$/);
    }
  });

  it('the compare view opens a recommended pair and compares any two documents chosen in the form', async () => {
    await open('compare/index.html');
    await expectStyled();
    // Version pairs compare two texts of one document, which the picker does not list; take another kind.
    const pair = page.locator('.cmp-pairs li:not([data-kind="version"])').first();
    const [a, b] = [await pair.getAttribute('data-a'), await pair.getAttribute('data-b')];
    await Promise.all([page.waitForEvent('load'), pair.locator('a').click()]);
    expect(copyFile(page.url())).toBe(`compare/${a}--${b}/index.html`);
    expect(await page.locator('main a[href*="docs/"]').count(), 'links to both documents').toBeGreaterThanOrEqual(2);
    // The picker loads both payloads (data/compare/<id>.js) as classic scripts and renders in the browser.
    await open('compare/index.html');
    await page.selectOption('#cmp-a', a!);
    await page.selectOption('#cmp-b', b!);
    await Promise.all([page.waitForEvent('load'), page.locator('.cmp-pick__submit').click()]);
    await page.locator('#cmp-result:not([hidden])').waitFor({ timeout: 10_000 });
    await expect(page.locator('.cmp-status').textContent()).resolves.toContain('已对比');
  });

  for (const query of ['链长制', '鏈長制', '专精特新']) {
    it(`search from the header finds ${query} and opens a result`, async () => {
      await open(firstPage('docs')!);
      await page.fill('#site-search-q', query);
      await Promise.all([page.waitForEvent('load'), page.press('#site-search-q', 'Enter')]);
      expect(copyFile(page.url())).toBe('search/index.html');
      expect(new URL(page.url()).searchParams.get('q')).toBe(query);
      const results = page.locator('#search-results li a[href]');
      await results.first().waitFor({ timeout: 10_000 });
      expect(await results.count()).toBeGreaterThan(0);
      const href = (await results.first().getAttribute('href'))!;
      await Promise.all([page.waitForEvent('load'), results.first().click()]);
      const target = copyFile(page.url());
      expect(target, `result ${href}`).toMatch(/index\.html$/);
      expect(existsSync(path.join(offlineDir, target))).toBe(true);
    });
  }
});

describe('offline zip', () => {
  const zipPath = path.join(site.dir, OFFLINE_ZIP);

  it(`is the offline folder byte for byte, under ${OFFLINE_ZIP_GOAL_BYTES / 1e6} MB`, async () => {
    const published = readFileSync(zipPath);
    expect(published.byteLength).toBeLessThan(OFFLINE_ZIP_GOAL_BYTES);
    expect(Buffer.from(await zipFolder(offlineDir, ZIP_FOLDER)).equals(published)).toBe(true);
    const names = entryNames(published);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name.startsWith(`${ZIP_FOLDER}/`))).toBe(true);
  });

  it('holds index.html and the offline search index, and nothing that cannot work offline', () => {
    const names = entryNames(readFileSync(zipPath)).map((name) => name.slice(ZIP_FOLDER.length + 1));
    expect(names).toContain('index.html');
    expect(names).toContain('search-index/meta.js');
    expect(names.filter((name) => /^(?:pagefind|search-data|offline)\/|\.zip$|^sitemap\.xml$/.test(name))).toEqual([]);
  });

  it('comes out byte-identical when the offline copy is made again', async () => {
    const again = mkdtempSync(path.join(tmpdir(), 'policy-atlas-offline-again-'));
    try {
      await makeOfflineCopy(offlineCopyOptions(site.dir, again));
      expect(Buffer.from(await zipFolder(again, ZIP_FOLDER)).equals(readFileSync(zipPath))).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});

/** Names of a zip's entries, read from its directory without inflating anything. */
function entryNames(zip: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(zip, {
    filter: (file) => {
      names.push(file.name);
      return false;
    },
  });
  return names;
}
