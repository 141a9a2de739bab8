import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../scripts/harness/static-server.ts';
import { auditPage, describeFindings } from '../axe-audit.ts';
import { CHROMIUM_PATH, launchBrowser, type BrowserSession } from '../../../scripts/harness/browser.ts';

describe(`browser harness (Chromium at ${CHROMIUM_PATH})`, () => {
  let server: StaticServer;
  let browser: BrowserSession;
  let launchMs = 0;
  beforeAll(async () => {
    server = await startStaticServer({ root: 'tests/fixtures/site', base: '/' });
    const started = performance.now();
    browser = await launchBrowser();
    launchMs = performance.now() - started;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders a fixture page with its scripts run, and reports how long that took', async () => {
    const started = performance.now();
    const response = await browser.page.goto(`${server.url}basic/index.html`);
    const loadMs = performance.now() - started;
    expect(response?.status()).toBe(200);
    expect(await browser.page.title()).toBe('政策图谱');
    // The page's inline module script ran.
    expect(await browser.page.evaluate(() => document.documentElement.dataset.ready)).toBe('yes');
    console.info(`Chromium launch ${launchMs.toFixed(0)} ms, first page ${loadMs.toFixed(0)} ms`);
  });

  it('blocks requests to other hosts and records them', async () => {
    const failed: string[] = [];
    const onFailed = (request: Request) => failed.push(request.url());
    browser.context.on('requestfailed', onFailed);
    await browser.page.goto(`${server.url}broken/a11y-bad.html`);
    browser.context.off('requestfailed', onFailed);
    expect(browser.blocked).toEqual(['https://img.example.net/remote.png']);
    expect(failed).toEqual(['https://img.example.net/remote.png']);
    browser.blocked.length = 0;
  });

  it('offline, loads files from disk and refuses even the local server, recording it', async () => {
    const offline = await launchBrowser({ offline: true });
    try {
      const page = pathToFileURL(path.resolve('tests/fixtures/site/basic/index.html')).href;
      expect((await offline.page.goto(page))?.ok()).toBe(true);
      const reached = await offline.page.evaluate(
        (url) =>
          fetch(url, { mode: 'no-cors' }).then(
            () => true,
            () => false,
          ),
        `${server.url}basic/index.html`,
      );
      expect(reached).toBe(false);
      expect(offline.blocked).toEqual([`${server.url}basic/index.html`]);
    } finally {
      await offline.close();
    }
  });

  it('lets axe find serious and critical violations', async () => {
    const { status, findings, dark } = await auditPage(browser.page, `${server.url}broken/a11y-bad.html`);
    expect(status).toBe(200);
    expect(dark).toBe('none');
    expect(findings.map(({ scheme, violation }) => `${scheme} ${violation.impact} ${violation.id}`).sort()).toEqual([
      'light critical button-name',
      'light critical image-alt',
      'light serious color-contrast',
    ]);
    expect(describeFindings(findings, 'a11y-bad.html')).toMatch(/^3 serious\/critical axe violations on a11y-bad\.html:\n {2}\[critical\] /);
    browser.blocked.length = 0;
  });

  it('audits a page that offers a dark scheme in both schemes, the colour rules in the dark one', async () => {
    const { findings, dark } = await auditPage(browser.page, `${server.url}broken/a11y-dark.html`);
    expect(findings.map(({ scheme, violation }) => `${scheme} ${violation.id}`)).toEqual(['dark color-contrast']);
    expect(dark).toBe('colour');
  });

  it('runs every rule in the dark scheme when the dark styles change more than colours', async () => {
    const { findings, dark } = await auditPage(browser.page, `${server.url}broken/a11y-dark-layout.html`);
    expect(findings.map(({ scheme, violation }) => `${scheme} ${violation.impact} ${violation.id}`)).toEqual(['dark critical button-name']);
    expect(dark).toBe('all');
  });
});

describe('browser harness without Chromium', () => {
  it('fails loudly with how to install it', async () => {
    await expect(launchBrowser({ executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      /^Chromium not found at \/nonexistent\/chromium\. .*apt-get install -y chromium fonts-noto-cjk.*never download a browser\.$/,
    );
  });
});
