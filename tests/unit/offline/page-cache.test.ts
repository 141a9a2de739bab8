import crypto from 'node:crypto';
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
  const key = cache.key(FILE, Buffer.from(HTML));
  if (cache.reuse(key, files, staged)) return true;
  const asked = new Set<string>();
  const page = rewritePage(FILE, HTML, { site, files: { ...files, asked }, keepCanonical: true });
  fs.mkdirSync(path.dirname(staged), { recursive: true });
  fs.writeFileSync(staged, page.html);
  cache.store(key, page.html, page.modules, asked, files, staged);
  return false;
}

describe('the offline page cache', () => {
  it('keys a page by its bytes as they were keyed by its text (length-prefixed UTF-8), so entries stay valid', () => {
    const cache = new OfflinePageCache({ dir: root, read: true, salt: 'code' });
    const html = `${HTML}<p>链长制</p>`;
    const text = crypto.createHash('sha256');
    for (const part of ['code', FILE, html]) text.update(`${Buffer.byteLength(part)}:`).update(part);
    expect(cache.key(FILE, Buffer.from(html))).toBe(text.digest('hex'));
  });

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

  it('does not read a staged page that is still the file the rewrite was written to (its stamp)', () => {
    const staged = path.join(root, 'out4', FILE);
    const files = siteFiles(list);
    const cache = new OfflinePageCache(location);
    const key = cache.key(FILE, Buffer.from(HTML));
    const asked = new Set<string>();
    const page = rewritePage(FILE, HTML, { site, files: { ...files, asked }, keepCanonical: true });
    fs.mkdirSync(path.dirname(staged), { recursive: true });
    fs.writeFileSync(staged, page.html);
    // A whole second, so the stamp can be put back exactly.
    fs.utimesSync(staged, 1_700_000_000, 1_700_000_000);
    cache.store(key, page.html, page.modules, asked, files, staged);
    // Other bytes with the stamp put back: only a cache that reads the page would notice.
    fs.writeFileSync(staged, Buffer.alloc(Buffer.byteLength(page.html), 0x20));
    expect(new OfflinePageCache(location).reuse(key, files, staged), 'the time changed').toBeNull();
    fs.utimesSync(staged, 1_700_000_000, 1_700_000_000);
    expect(new OfflinePageCache(location).reuse(key, files, staged), 'the stamp put back').not.toBeNull();
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
    // Written into in place, same size: the stamp no longer matches (its time), and the digest decides.
    const staged = path.join(out, FILE);
    const rewritten = fs.readFileSync(staged);
    fs.writeFileSync(staged, Buffer.alloc(rewritten.byteLength, 0x20));
    expect(copyPage(new OfflinePageCache(location), list, out)).toBe(false);
    expect(fs.readFileSync(staged)).toEqual(rewritten);
    expect(copyPage(new OfflinePageCache({ ...location, read: false }), list, out)).toBe(false);
  });
});
