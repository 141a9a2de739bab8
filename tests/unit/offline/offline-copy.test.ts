import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANNER_STYLESHEET, isExcluded, makeOfflineCopy, type OfflineCopyResult } from '../../../scripts/offline/offline-copy.ts';
import { listFiles } from '../../../scripts/offline/list-files.ts';
import { PageWorkerPool, rewritePagesInWorkers } from '../../../scripts/offline/page-workers.ts';

// A miniature built site under the base /pa/: a page with a module script that
// imports a chunk, a stylesheet with a font url(), Pagefind and the zip.
const SITE: Record<string, string> = {
  'index.html':
    '<!doctype html><html lang="zh-CN"><head><link rel="stylesheet" href="/pa/_astro/site.A1.css"><link rel="modulepreload" href="/pa/_astro/chunk.C3.js"></head>' +
    '<body><header>政策图谱</header><a href="/pa/docs/x/#item_2">任务</a><a href="/pa/offline/policy-atlas-offline.zip">下载离线版</a>' +
    '<script type="module" src="/pa/_astro/page.B2.js"></script></body></html>',
  'docs/x/index.html': '<!doctype html><html><head></head><body><h2 id="item_2">2.</h2><a href="/pa/">首页</a></body></html>',
  '_astro/site.A1.css': '@font-face{font-family:f;src:url(/pa/_astro/f.D4.woff2)}',
  '_astro/f.D4.woff2': 'font',
  '_astro/page.B2.js': 'import{greet as g}from"./chunk.C3.js";globalThis.result=g("离线");',
  '_astro/chunk.C3.js': 'export function greet(n){return "你好，"+n}',
  'pagefind/pagefind.js': 'export {}',
  'offline/policy-atlas-offline.zip': 'old zip',
  'sitemap.xml': '<urlset/>',
};

let root: string;
let result: OfflineCopyResult;
const out = (file: string): string => readFileSync(path.join(root, 'out', file), 'utf8');

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'offline-copy-'));
  for (const [file, text] of Object.entries(SITE)) {
    mkdirSync(path.dirname(path.join(root, 'site', file)), { recursive: true });
    writeFileSync(path.join(root, 'site', file), text);
  }
  result = await makeOfflineCopy({
    siteDir: path.join(root, 'site'),
    outDir: path.join(root, 'out'),
    site: { origin: 'http://127.0.0.1:4321', base: '/pa/' },
    keepCanonical: false,
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('makeOfflineCopy', () => {
  it('leaves out Pagefind, the zip and crawler files, and adds the banner stylesheet and a README', () => {
    expect(listFiles(path.join(root, 'out'))).toEqual([
      'README.txt',
      '_astro/chunk.C3.js',
      '_astro/f.D4.woff2',
      '_astro/page.B2.js',
      '_astro/site.A1.css',
      'docs/x/index.html',
      'index.html',
      BANNER_STYLESHEET,
    ]);
    expect(result).toMatchObject({ pages: 2, scripts: 1 });
  });

  it('makes page links relative, naming index.html, and removes the link to the left-out zip', () => {
    const home = out('index.html');
    expect(home).toContain('<a href="docs/x/index.html#item_2">任务</a>');
    expect(home).not.toContain('policy-atlas-offline.zip');
    expect(home).not.toContain('modulepreload');
    expect(out('docs/x/index.html')).toContain('<a href="../../index.html">首页</a>');
  });

  it('bundles the module script and its chunk into a classic script that runs without modules', () => {
    expect(out('index.html')).toContain('<script src="_astro/page.B2.js" defer></script>');
    const sandbox: { result?: string } = {};
    runInNewContext(out('_astro/page.B2.js'), { globalThis: sandbox });
    expect(sandbox.result).toBe('你好，离线');
  });

  it('makes url()s in stylesheets relative to the stylesheet', () => {
    expect(out('_astro/site.A1.css')).toContain('url(f.D4.woff2)');
  });

  it('does not touch the built site', () => {
    expect(readFileSync(path.join(root, 'site/_astro/page.B2.js'), 'utf8')).toBe(SITE['_astro/page.B2.js']);
    expect(existsSync(path.join(root, 'site/pagefind/pagefind.js'))).toBe(true);
  });
});

describe('isExcluded', () => {
  it('keeps the offline search index but not the online one', () => {
    expect(isExcluded('search-index/meta.js')).toBe(false);
    expect(isExcluded('search-data/meta.json.gz')).toBe(true);
    expect(isExcluded('pagefind/pagefind-entry.json')).toBe(true);
    // Open data downloads stay online; what the compare view needs stays in the copy.
    expect(isExcluded('data/docs/jinan-x.json')).toBe(true);
    expect(isExcluded('data/tasks.csv')).toBe(true);
    expect(isExcluded('data/documents.json')).toBe(true);
    expect(isExcluded('data/concepts.json')).toBe(true);
    expect(isExcluded('data/compare/jinan-x.js')).toBe(false);
  });
});

describe('makeOfflineCopy over an earlier copy', () => {
  it('deletes files and folders the new copy no longer has', async () => {
    const stale = path.join(root, 'out', 'docs/gone/index.html');
    mkdirSync(path.dirname(stale), { recursive: true });
    writeFileSync(stale, 'old page');
    await makeOfflineCopy({
      siteDir: path.join(root, 'site'),
      outDir: path.join(root, 'out'),
      site: { origin: 'http://127.0.0.1:4321', base: '/pa/' },
      keepCanonical: false,
    });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(path.join(root, 'out', 'docs/gone'))).toBe(false);
    expect(existsSync(path.join(root, 'out', 'docs/x/index.html'))).toBe(true);
  });
});

describe('makeOfflineCopy with many pages', () => {
  it('rewrites every page once on its workers and, asked to, gives each page’s zip entry of the bytes it wrote', async () => {
    const many = mkdtempSync(path.join(tmpdir(), 'offline-copy-many-'));
    try {
      // Enough pages for two workers (one per 50 pages, two at most), of very different sizes.
      const pages = Array.from({ length: 160 }, (_, i) => `docs/d${i}/index.html`);
      pages.forEach((file, i) => {
        mkdirSync(path.join(many, 'site', path.dirname(file)), { recursive: true });
        const body = `<p><a href="/pa/docs/d${(i + 1) % pages.length}/">下一份</a></p>`.repeat(i % 7 === 0 ? 200 : 1);
        writeFileSync(path.join(many, 'site', file), `<!doctype html><html><head></head><body>${body}</body></html>`);
      });
      writeFileSync(path.join(many, 'site', 'index.html'), '<!doctype html><html><head></head><body><a href="/pa/docs/d0/">首页</a></body></html>');
      // The copy of the folder into `out`, its pages' zip entries made on the workers.
      const copyInto = (out: string, workers?: PageWorkerPool) =>
        makeOfflineCopy({
          siteDir: path.join(many, 'site'),
          outDir: path.join(many, out),
          site: { origin: 'http://127.0.0.1:4321', base: '/pa/' },
          keepCanonical: false,
          deflatePages: true,
          workers,
        });
      const copy = await copyInto('out');
      const written = ['index.html', ...pages].sort();
      expect(copy.pages).toBe(written.length);
      expect([...copy.deflatedPages.keys()].sort()).toEqual(written);
      for (const file of written) {
        const bytes = readFileSync(path.join(many, 'out', file));
        const entry = copy.deflatedPages.get(file)!;
        expect(entry.size, file).toBe(bytes.byteLength);
        expect(entry.crc, file).toBe(zlib.crc32(bytes));
        expect(zlib.inflateRawSync(entry.data).equals(bytes), file).toBe(true);
      }
      expect(readFileSync(path.join(many, 'out', 'docs/d3/index.html'), 'utf8')).toContain('href="../d4/index.html"');
      // Each page is taken by exactly one worker. (How the pages spread over the workers depends on when each
      // starts, which a loaded machine delays: a worker may find none left. The bench measures that, not a test.)
      const results = await rewritePagesInWorkers(
        {
          siteDir: path.join(many, 'site'),
          outDir: path.join(many, 'again'),
          site: { origin: 'http://127.0.0.1:4321', base: '/pa/' },
          fileList: written,
          keepCanonical: false,
          deflate: false,
        },
        written,
      );
      const taken = results.flatMap((r) => r.sizes.map(([file]) => file));
      expect(taken.sort()).toEqual(written);
      // Workers started before the job (as the build starts them while Astro runs) write the same copy.
      const pool = new PageWorkerPool();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const pooled = await copyInto('pooled', pool);
      expect(pool.take(), 'the pool hands its workers out once').toEqual([]);
      expect([...pooled.deflatedPages.keys()].sort()).toEqual(written);
      for (const file of written) {
        expect(readFileSync(path.join(many, 'pooled', file)).equals(readFileSync(path.join(many, 'out', file))), file).toBe(true);
      }
    } finally {
      rmSync(many, { recursive: true, force: true });
    }
  });

  it('gives no zip entries unless asked', () => {
    expect(result.deflatedPages.size).toBe(0);
  });
});
