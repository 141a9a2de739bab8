/**
 * The site hosted under a subpath: built with SITE_URL=http://127.0.0.1:<port>/policy-atlas/
 * (in a throwaway copy of the tree, see subpath-build.ts), served there by the
 * static server and checked in Chromium — links, assets, search, data
 * downloads, the 404 page, sitemap/robots, canonical and Open Graph meta,
 * cacheable asset names, and the recommended Content-Security-Policy.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/hosting/csp.ts';
import { isNoindex } from '../../scripts/hosting/sitemap.ts';
import { startStaticServer, type StaticServer } from '../../scripts/harness/static-server.ts';
import { launchBrowser, type BrowserSession } from '../../scripts/harness/browser.ts';
import { crawlSite } from './crawl.ts';
import { expectNoDiagnostics } from './report.ts';
import { indexSite, pagePath } from './site-files.ts';
import { buildWithSiteUrl, type SubpathBuild } from './subpath-build.ts';
import { atomSchemaErrors, parseAtom } from '../support/atom.ts';

const BASE = '/policy-atlas/';
// Vite's content hash in a file name: "Base.BAnB_-Bb.css", "page.BfYIQ9GD.js".
const HASHED = /\.[\w-]{8,}\.(?:js|css)$/;

describe(`site hosted under ${BASE}`, () => {
  let build: SubpathBuild;
  let server: StaticServer;
  let browser: BrowserSession;
  let origin: string;
  let pages: string[];

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    build = buildWithSiteUrl(origin + BASE);
    server = await startStaticServer({ root: build.siteDir, base: BASE, port });
    browser = await launchBrowser();
    pages = indexSite(build.siteDir).list.filter((file) => file.endsWith('.html'));
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    build?.cleanup();
  });

  const html = (file: string): string => readFileSync(path.join(build.siteDir, file), 'utf8');
  const firstPage = (prefix: string): string => {
    const found = pages.find((file) => file.startsWith(prefix) && /^[^/]+\/[^/]+\/index\.html$/.test(file));
    if (found === undefined) throw new Error(`no ${prefix}*/index.html page in the subpath build`);
    return found;
  };

  it('every internal link and asset resolves under the base path', () => {
    const result = crawlSite({ root: build.siteDir, base: BASE, site: origin });
    expect(result.pages).toBe(pages.length);
    expectNoDiagnostics(result.problems, 'subpath build', 'broken links');
  });

  it('its offline copy links relatively too (the base path is gone)', () => {
    const result = crawlSite({ root: build.offlineDir, offline: true });
    expectNoDiagnostics(result.problems, 'offline copy of the subpath build', 'broken offline links');
  });

  it('pages load styled under the base, and navigation and task anchors stay under it', async () => {
    const { page } = browser;
    await page.goto(server.url, { waitUntil: 'load' });
    expect(await page.locator('.skip-link').evaluate((a) => getComputedStyle(a).left)).toBe('-999px');
    await Promise.all([page.waitForEvent('load'), page.locator('.site-nav a', { hasText: '部门' }).click()]);
    expect(page.url()).toBe(`${origin}${BASE}departments/`);
    const doc = firstPage('docs/');
    await page.goto(server.url + pagePath(doc), { waitUntil: 'load' });
    const hash = (await page.locator('a.permalink').first().getAttribute('href'))!;
    await page.goto(server.url + pagePath(doc) + hash, { waitUntil: 'load' });
    expect(await page.locator('.is-target').count(), 'page.ts highlighted the task').toBe(1);
    expect(browser.blocked).toEqual([]);
  });

  it('search finds 链长制 and its results link under the base', async () => {
    const { page } = browser;
    await page.goto(`${server.url}search/?q=${encodeURIComponent('链长制')}`, { waitUntil: 'load' });
    const results = page.locator('#search-results li a[href]');
    await results.first().waitFor({ timeout: 10_000 });
    const hrefs = await results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith(origin + BASE), href).toBe(true);
    const response = await page.goto(hrefs[0]!, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
  });

  it('open data downloads are served under the base and name URLs under it', async () => {
    const documents = await fetch(`${server.url}data/documents.json`);
    expect(documents.status).toBe(200);
    const list = (await documents.json()) as Array<{ url: string }>;
    expect(list.length).toBeGreaterThan(0);
    for (const { url } of list) expect(new URL(url, origin).pathname.startsWith(`${BASE}docs/`), url).toBe(true);
    expect((await fetch(`${server.url}data/tasks.csv`)).status).toBe(200);
  });

  it('Atom feeds are served under the base, valid, and every entry links to a page that answers 200', async () => {
    const home = html('index.html');
    const alternates = [...home.matchAll(/<link rel="alternate" type="application\/atom\+xml" title="[^"]*" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(alternates).toEqual([`${origin}${BASE}feeds/all.xml`]);
    const feedUrls = [alternates[0]!, ...[...home.matchAll(/<a class="feed-link" href="([^"]+)"/g)].map((m) => origin + m[1]!)];
    expect(feedUrls.length).toBeGreaterThan(1);
    const checked = new Set<string>();
    for (const url of feedUrls) {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      const xml = await response.text();
      expect(await atomSchemaErrors([{ fileName: url, contents: xml }]), url).toEqual([]);
      const feed = parseAtom(xml);
      expect(feed.links.find((l) => l.rel === 'self')?.href).toBe(url);
      for (const entry of feed.entries) {
        const link = entry.links[0]!.href;
        expect(link.startsWith(`${origin}${BASE}docs/`), link).toBe(true);
        if (checked.has(link)) continue;
        checked.add(link);
        expect((await fetch(link, { method: 'HEAD' })).status, link).toBe(200);
      }
    }
    expect(checked.size).toBe(pages.filter((file) => /^docs\/[^/]+\/index\.html$/.test(file)).length);
  });

  it('a missing page answers 404 with the Chinese 404 page, styled, linking under the base', async () => {
    const { page } = browser;
    const response = await page.goto(`${server.url}docs/no-such-document/`, { waitUntil: 'load' });
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('页面不存在');
    expect(await page.locator('.skip-link').evaluate((a) => getComputedStyle(a).left)).toBe('-999px');
    expect(await page.locator('main a').first().getAttribute('href')).toBe(BASE);
  });

  it('sitemap.xml lists every indexable page by absolute URL, each answering 200, and robots.txt names it', async () => {
    const xml = await (await fetch(`${server.url}sitemap.xml`)).text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    const indexable = pages.filter((file) => file !== '404.html' && !isNoindex(fromHtml(html(file))));
    expect(locs.length).toBe(indexable.length);
    for (const loc of locs) {
      expect(loc.startsWith(origin + BASE), loc).toBe(true);
      expect((await fetch(loc, { method: 'HEAD' })).status, loc).toBe(200);
    }
    expect(await (await fetch(`${server.url}robots.txt`)).text()).toContain(`Sitemap: ${origin}${BASE}sitemap.xml`);
  });

  it('document pages carry canonical URL, description and Open Graph meta', () => {
    const doc = firstPage('docs/');
    const meta = headMeta(html(doc));
    const url = `${origin}${BASE}${pagePath(doc)}`;
    expect(meta.canonical).toBe(url);
    expect(meta['og:url']).toBe(url);
    expect(meta['og:type']).toBe('article');
    expect(meta['og:title']).toBeTruthy();
    expect(meta.description).toBeTruthy();
    expect(meta['og:description']).toBe(meta.description);
    expect(meta.description).not.toBe(headMeta(html('index.html')).description);
  });

  it('every script and stylesheet has a content hash (or version) in its URL, so hosts can cache it for good', () => {
    const unversioned = new Set<string>();
    for (const file of pages) {
      visit(fromHtml(html(file)), 'element', (node: Element) => {
        const rels = String(node.properties.rel ?? '').split(/[\s,]+/);
        const url = node.tagName === 'script' ? node.properties.src : node.tagName === 'link' && rels.includes('stylesheet') ? node.properties.href : undefined;
        if (typeof url !== 'string') return;
        const { pathname, search } = new URL(url, origin + BASE);
        if (!HASHED.test(pathname) && !/[?&]v=/.test(search)) unversioned.add(url);
      });
    }
    expect([...unversioned], 'scripts/stylesheets without a hash or ?v= in the URL').toEqual([]);
  });

  /** Opens `visit` paths (then search for 链长制 with its extended search, and the compare picker) with `policy` as the CSP header; returns the violations reported. */
  async function cspViolations(policy: string, visits: string[], interactive: boolean): Promise<string[]> {
    const page = await browser.context.newPage();
    const violations: string[] = [];
    try {
      await page.route('**/*', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
      });
      await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
            `${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
          );
        });
      });
      for (const visitPath of visits) {
        const response = await page.goto(server.url + visitPath, { waitUntil: 'load' });
        expect(response?.headers()['content-security-policy']).toBe(policy);
      }
      if (interactive) {
        await page.goto(`${server.url}search/?q=${encodeURIComponent('链长制')}`, { waitUntil: 'load' });
        await page.locator('#search-results li a[href]').first().waitFor({ timeout: 10_000 });
        // The extended search runs Pagefind (WebAssembly) under the same policy.
        await page.locator('#search-extra-run').click();
        await page.locator('#search-extra[data-state="done"]').waitFor({ timeout: 20_000 });
        await page.goto(`${server.url}compare/`, { waitUntil: 'load' });
        const pair = page.locator('.cmp-pairs li:not([data-kind="version"])').first();
        await page.goto(`${server.url}compare/?a=${await pair.getAttribute('data-a')}&b=${await pair.getAttribute('data-b')}`, { waitUntil: 'load' });
        await page.locator('#cmp-result:not([hidden])').waitFor({ timeout: 10_000 });
      }
      // Violation reports are events; let the last ones arrive.
      await page.waitForTimeout(200);
      return violations;
    } finally {
      await page.close();
    }
  }

  it('with the recommended Content-Security-Policy, no page reports a violation (search and compare included)', async () => {
    const visits = [
      '',
      pagePath(firstPage('docs/')),
      `${pagePath(firstPage('docs/'))}source/`,
      pagePath(firstPage('concepts/')),
      pagePath(firstPage('departments/')),
      'compare/',
      'relations/',
      'timeline/',
    ];
    expect(await cspViolations(CONTENT_SECURITY_POLICY, visits, true)).toEqual([]);
  });

  it('the CSP check does see violations (a policy blocking all scripts reports the page script)', async () => {
    const violations = await cspViolations(CONTENT_SECURITY_POLICY.replace(/script-src [^;]+/, "script-src 'none'"), [''], false);
    expect(
      violations.some((text) => text.includes('script-src')),
      violations.join('\n'),
    ).toBe(true);
  });
});

/** A page's description, canonical URL and og:* values. */
function headMeta(html: string): Record<string, string> {
  const meta: Record<string, string> = {};
  visit(fromHtml(html), 'element', (node: Element) => {
    const { properties } = node;
    if (node.tagName === 'link' && String(properties.rel ?? '') === 'canonical') meta.canonical = String(properties.href);
    if (node.tagName !== 'meta') return;
    const key = properties.property ?? properties.name;
    if (typeof key === 'string' && typeof properties.content === 'string') meta[key] = properties.content;
  });
  return meta;
}

/** A TCP port nobody listens on right now (the build needs it before the server starts). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
