import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OfflinePageCache } from '../../../scripts/offline/page-cache.ts';
import { rewritePage } from '../../../scripts/offline/rewrite-page.ts';
import { siteFiles } from '../../../scripts/offline/site-urls.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'page-cache-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const site = { origin: 'https://example.org', base: '/' };
const FILE = 'docs/a/index.html';
// "/about" names about.html or about/index.html, depending on the site's file index.
const HTML = '<!doctype html><html><head></head><body><a href="/docs/b/">b</a><a href="/about">about</a></body></html>';

/** Rewrites FILE against `list` with the cache, as a worker does; returns whether the cache was used. */
function copyPage(cache: OfflinePageCache, list: string[], outDir: string): boolean {
  const files = siteFiles(list);
  const staged = path.join(outDir, FILE);
  const key = cache.key(FILE, HTML);
  if (cache.reuse(key, files, staged)) return true;
  const asked = new Set<string>();
  const page = rewritePage(FILE, HTML, { site, files: { ...files, asked }, keepCanonical: true });
  fs.mkdirSync(path.dirname(staged), { recursive: true });
  fs.writeFileSync(staged, page.html);
  cache.store(key, page.html, page.modules, asked, files);
  return false;
}

describe('the offline page cache', () => {
  const dir = path.join(root, 'cache');
  fs.mkdirSync(dir);
  const location = { dir, read: true, salt: 'code' };
  const list = ['index.html', FILE, 'docs/b/index.html', 'about.html'];

  it('reuses a rewrite while the file index answers its lookups alike and the staged page is unchanged', () => {
    const out = path.join(root, 'out1');
    expect(copyPage(new OfflinePageCache(location), list, out)).toBe(false);
    // Another document added: the page looked nothing up about it.
    expect(copyPage(new OfflinePageCache(location), [...list, 'docs/c/index.html'], out)).toBe(true);
  });

  it('rewrites the page when a site path it looked up now resolves to another file', () => {
    const out = path.join(root, 'out2');
    copyPage(new OfflinePageCache(location), list, out);
    const folder = ['index.html', FILE, 'docs/b/index.html', 'about/index.html'];
    expect(copyPage(new OfflinePageCache(location), folder, out)).toBe(false);
    expect(fs.readFileSync(path.join(out, FILE), 'utf8')).toContain('href="../../about/index.html"');
  });

  it('rewrites the page when its staged copy is not the cached rewrite, or the build is clean', () => {
    const out = path.join(root, 'out3');
    copyPage(new OfflinePageCache(location), list, out);
    fs.writeFileSync(path.join(out, FILE), 'edited');
    expect(copyPage(new OfflinePageCache(location), list, out)).toBe(false);
    expect(copyPage(new OfflinePageCache({ ...location, read: false }), list, out)).toBe(false);
  });
});
