import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { EarlyRewriter, type EarlyPages, isFinishedPage } from '../../../scripts/offline/early-rewrite.ts';
import { listFiles } from '../../../scripts/offline/list-files.ts';
import { makeOfflineCopy } from '../../../scripts/offline/offline-copy.ts';
import { siteFiles } from '../../../scripts/offline/site-urls.ts';
import { startEarlyPages } from '../../../scripts/steps/early-offline.ts';

const root = mkdtempSync(path.join(tmpdir(), 'early-rewrite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const site = { origin: 'http://127.0.0.1:4321', base: '/pa/' };
const PAGES = Array.from({ length: 120 }, (_, i) => `docs/d${i}/index.html`);

/** A page linking the next one and, on some, "/pa/about": about.html or about/index.html, whichever the site has. */
function page(i: number): string {
  const about = i % 3 === 0 ? '<a href="/pa/about">关于</a>' : '';
  return `<!doctype html><html><head><link rel="stylesheet" href="/pa/_astro/site.css"></head><body><p><a href="/pa/docs/d${(i + 1) % PAGES.length}/">下一份</a>${about}</p></body></html>\n`;
}

/** Writes the site's files under `dir`. */
function writeSite(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

const sitePages = (): Record<string, string> => Object.fromEntries(PAGES.map((file, i) => [file, page(i)]));

describe('isFinishedPage', () => {
  it('tells a whole page from one cut while it is written', () => {
    const whole = Buffer.from(page(1));
    expect(isFinishedPage(whole)).toBe(true);
    expect(isFinishedPage(whole.subarray(0, whole.length - 10))).toBe(false);
    expect(isFinishedPage(Buffer.from('<html><body>政策</body></HTML>  \n'))).toBe(true);
  });
});

describe('the early rewrite of pages', () => {
  it('gives the copy after Astro the same pages and zip entries, reusing what still holds and redoing the rest', async () => {
    const dir = path.join(root, 'reuse');
    writeSite(path.join(dir, 'site'), { ...sitePages(), 'index.html': page(0), '_astro/site.css': 'p{}', 'about.html': '<!doctype html><html></html>' });
    const cache = { dir: path.join(dir, 'cache'), read: false, salt: 'code' };
    mkdirSync(cache.dir);
    const rewriter = new EarlyRewriter({ siteDir: path.join(dir, 'site'), outDir: path.join(dir, 'out'), site, keepCanonical: false, cache });
    // Early, the index lacks about.html: the pages that link /pa/about were rewritten against an index that
    // has since changed its answer, so the copy must rewrite them.
    const early: EarlyPages = { known: new Map(), stored: [], deflated: new Map() };
    const partial = siteFiles([...PAGES, '_astro/site.css']);
    for (const file of PAGES) {
      const taken = rewriter.take(file, statSync(path.join(dir, 'site', file)), partial);
      if (taken === null || taken === 'unfinished') throw new Error(`${file} was not taken`);
      early.known.set(file, { key: taken.key, stamp: taken.stamp });
      early.stored.push(taken.key);
      early.deflated.set(file, taken.deflated!);
    }
    // A page Astro wrote again after it was taken.
    writeFileSync(path.join(dir, 'site', PAGES[1]), page(1).replace('下一份', '下一份文件'));
    const copy = await makeOfflineCopy({
      siteDir: path.join(dir, 'site'),
      outDir: path.join(dir, 'out'),
      site,
      keepCanonical: false,
      deflatePages: true,
      pageCache: { ...cache, fresh: early.stored },
      early,
    });
    await makeOfflineCopy({ siteDir: path.join(dir, 'site'), outDir: path.join(dir, 'plain'), site, keepCanonical: false });
    expect(listFiles(path.join(dir, 'out'))).toEqual(listFiles(path.join(dir, 'plain')));
    for (const file of listFiles(path.join(dir, 'plain'))) {
      expect(readFileSync(path.join(dir, 'out', file)).equals(readFileSync(path.join(dir, 'plain', file))), file).toBe(true);
    }
    // Every third page links /pa/about (40), one more was written again; the rest (79) are reused.
    expect(copy.reusedPages).toBe(79);
    expect(readFileSync(path.join(dir, 'out', PAGES[0]), 'utf8')).toContain('href="../../about.html"');
    // Every page's zip entry is of the bytes in the copy: the early ones only where the page was reused.
    for (const file of [...PAGES, 'index.html', 'about.html']) {
      const bytes = readFileSync(path.join(dir, 'out', file));
      const entry = copy.deflatedPages.get(file);
      expect(entry, file).toBeDefined();
      expect(zlib.inflateRawSync(entry!.data).equals(bytes), file).toBe(true);
    }
  });

  it('only keys a page whose rewrite the cache holds from an earlier build, and leaves a cut page for later', () => {
    const dir = path.join(root, 'keyed');
    writeSite(path.join(dir, 'site'), { ...sitePages(), '_astro/site.css': 'p{}' });
    const cache = { dir: path.join(dir, 'cache'), read: true, salt: 'code' };
    mkdirSync(cache.dir);
    const job = { siteDir: path.join(dir, 'site'), outDir: path.join(dir, 'out'), site, keepCanonical: false, cache };
    const files = siteFiles([...PAGES, '_astro/site.css']);
    const stat = statSync(path.join(dir, 'site', PAGES[0]));
    const first = new EarlyRewriter(job).take(PAGES[0], stat, files);
    expect(first).toMatchObject({ rewritten: true });
    const again = new EarlyRewriter(job).take(PAGES[0], stat, files);
    expect(again).toMatchObject({ rewritten: false });
    expect(again && again !== 'unfinished' && again.deflated).toBeUndefined();
    writeFileSync(path.join(dir, 'site', PAGES[2]), page(2).slice(0, 40));
    expect(new EarlyRewriter(job).take(PAGES[2], statSync(path.join(dir, 'site', PAGES[2])), files)).toBe('unfinished');
  });

  it('runs beside the build, taking pages as they are written, and reports them when stopped', async () => {
    const dir = path.join(root, 'child');
    const cache = { dir: path.join(dir, 'cache'), read: false, salt: 'code' };
    mkdirSync(cache.dir, { recursive: true });
    writeSite(path.join(dir, 'site'), { '_astro/site.css': 'p{}' });
    // At the tests' priority: an idle one would wait for the other tests' processes.
    const run = startEarlyPages({ siteDir: path.join(dir, 'site'), outDir: path.join(dir, 'out'), site, keepCanonical: false, cache }, false);
    // Pages written over a second, as Astro writes them.
    for (let i = 0; i < 10; i++) {
      writeSite(path.join(dir, 'site'), { [PAGES[i]]: page(i) });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Until it has all (or 20 s: the test then fails).
    for (let waited = 0; run.taken < 10 && waited < 20_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    const early = await run.finish();
    expect([...early.known.keys()].sort()).toEqual(PAGES.slice(0, 10).sort());
    expect(early.stored).toHaveLength(10);
    for (const file of PAGES.slice(0, 10)) {
      const entry = early.deflated.get(file)!;
      expect(zlib.inflateRawSync(entry.data).equals(readFileSync(path.join(dir, 'out', file))), file).toBe(true);
    }
  });
});
