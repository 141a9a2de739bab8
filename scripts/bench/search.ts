/**
 * Benchmark of search, for `npm run bench`, on a built site and its offline copy:
 *   first search   bytes each query of the project's query set fetches before
 *                  its results show (index files, concept cards, the search
 *                  client), each on a fresh page with the cache off — goal
 *                  ≤ 150 KB for every query, not only the median;
 *   offline        the first result after typing a query into the search page
 *                  of the copy opened from disk, in Chromium and in Firefox
 *                  (goal ≤ 1 s), and the copy's largest file (goal ≤ 5 MB);
 *   quality        recall and precision@5 on the query set in Chromium (the
 *                  seeds site: the ground truth is computed from the seeds).
 *
 * Run alone on a built site: `npm exec -- node scripts/bench/search.ts [site folder] [--quality]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { startStaticServer } from '../harness/static-server.ts';
import { decodePageTable } from '../../shared/search/page-table.ts';
import type { SearchMeta } from '../../shared/search/types.ts';
import { FIREFOX_PATH, launchBrowser, launchFirefox } from '../harness/browser.ts';
import { readPageBlocks, runSearchPage } from '../harness/search-harness.ts';
import type { QuerySet } from '../harness/ground-truth.ts';
import { scoreQuality, type Quality } from '../harness/quality.ts';
import { foldText } from '../../shared/search/fold.ts';
import { traditionalToSimplified } from '../search/fold-map.ts';

/** The goals. */
export const SEARCH_GOALS = { firstSearchBytes: 150 * 1024, offlineFileBytes: 5 * 1024 * 1024, offlineFirstResultMs: 1000 } as const;

/** The project's query set (tests/search-queries.json). */
export function querySet(): QuerySet {
  return JSON.parse(fs.readFileSync('tests/search-queries.json', 'utf8')) as QuerySet;
}

/** One query's first search. */
export interface QueryFigures {
  query: string;
  results: number;
  /** Bytes fetched, in all and by kind: manifest, shards, page details (structures and text chunks), concept cards, the search client. */
  bytes: number;
  metaBytes: number;
  shardBytes: number;
  pageDetailBytes: number;
  conceptBytes: number;
  clientBytes: number;
  requests: number;
  /** Results shown, in ms after DOMContentLoaded. */
  msAfterLoad: number;
}

/** One site's first searches. */
export interface SiteFigures {
  label: string;
  documents: number;
  indexedPages: number;
  shards: number;
  /** Bytes of the whole online index (search-data/). */
  onlineIndexBytes: number;
  queries: QueryFigures[];
}

/** Offline figures of one copy. */
export interface OfflineFigures {
  /** Largest file of the copy. */
  largestFile: { file: string; bytes: number };
  /** Bytes and files of the offline index (search-index/). */
  indexBytes: number;
  indexFiles: number;
  /** Per browser: ms from pressing Enter to results shown, per query, on a page freshly opened from disk. */
  browsers: Array<{ browser: string; queries: Array<{ query: string; ms: number }> }>;
}

function filesUnder(dir: string): Array<{ file: string; bytes: number }> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const full = path.join(e.parentPath, e.name);
      return { file: path.relative(dir, full), bytes: fs.statSync(full).size };
    });
}

/** Measures the first search of each query on a built site folder (served on 127.0.0.1, cache off). */
export async function measureSite(siteDir: string, label: string, queries = querySet().cases.map((c) => c.query)): Promise<SiteFigures> {
  const meta = JSON.parse(gunzipSync(fs.readFileSync(path.join(siteDir, 'search-data/meta.json.gz'))).toString('utf8')) as SearchMeta;
  const pages = decodePageTable(meta.pages);
  const server = await startStaticServer({ root: siteDir });
  const browser = await launchBrowser();
  try {
    const figures: QueryFigures[] = [];
    for (const query of queries) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const sizes: Array<Promise<{ url: string; bytes: number }>> = [];
      page.on('requestfinished', (request) => {
        sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize })));
      });
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('#search-app[data-state="done"]', { timeout: 120_000 });
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const status = document.getElementById('search-status')?.textContent ?? '';
        return {
          done: Number(document.getElementById('search-app')!.dataset.doneAt),
          dcl: nav.domContentLoadedEventEnd,
          results: Number(/找到 ([\d,]+) 个结果/.exec(status)?.[1].replace(/,/g, '') ?? 0),
        };
      });
      await page.close();
      const done = await Promise.all(sizes);
      const sum = (test: (pathname: string) => boolean) => done.filter((d) => test(new URL(d.url).pathname)).reduce((s, d) => s + d.bytes, 0);
      const searchFile = (p: string) => p.includes('/search-data/') || p.endsWith('/search/search.js');
      figures.push({
        query,
        results: timing.results,
        bytes: sum(searchFile),
        metaBytes: sum((p) => p.includes('/search-data/meta.')),
        shardBytes: sum((p) => p.includes('/search-data/s/')),
        pageDetailBytes: sum((p) => p.includes('/search-data/p/') || p.includes('/search-data/t/')),
        conceptBytes: sum((p) => p.includes('/search-data/c/')),
        clientBytes: sum((p) => p.endsWith('/search/search.js')),
        requests: done.filter((d) => searchFile(new URL(d.url).pathname)).length,
        msAfterLoad: Math.round(timing.done - timing.dcl),
      });
    }
    return {
      label,
      documents: pages.filter((p) => p.type === 'document').length,
      indexedPages: pages.length,
      shards: meta.shardCost.length,
      onlineIndexBytes: filesUnder(path.join(siteDir, 'search-data')).reduce((s, f) => s + f.bytes, 0),
      queries: figures,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Chromium: ms from Enter to results, each query typed into a freshly opened search page of the copy. */
async function offlineInChromium(offlineDir: string, queries: string[]): Promise<Array<{ query: string; ms: number }>> {
  const browser = await launchBrowser({ offline: true });
  try {
    const out: Array<{ query: string; ms: number }> = [];
    for (const query of queries) {
      const page = await browser.context.newPage();
      await page.goto(pathToFileURL(path.join(path.resolve(offlineDir), 'search/index.html')).href);
      await page.waitForSelector('#search-app[data-state="idle"]');
      await page.locator('#search-q').fill(query);
      const start = await page.evaluate(() => performance.now());
      await page.locator('#search-q').press('Enter');
      await page.waitForFunction(
        (q) => document.getElementById('search-app')?.dataset.query === q && document.getElementById('search-app')?.dataset.state === 'done',
        query,
        { timeout: 60_000 },
      );
      const doneAt = await page.evaluate(() => Number(document.getElementById('search-app')!.dataset.doneAt));
      out.push({ query, ms: Math.round(doneAt - start) });
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** Firefox (Debian's firefox-esr over WebDriver BiDi, no network): the same measure. */
async function offlineInFirefox(offlineDir: string, queries: string[]): Promise<Array<{ query: string; ms: number }>> {
  const firefox = await launchFirefox();
  try {
    const out: Array<{ query: string; ms: number }> = [];
    for (const query of queries) {
      const page = await firefox.browser.newPage();
      await page.goto(pathToFileURL(path.join(path.resolve(offlineDir), 'search/index.html')).href, { waitUntil: 'load' });
      await page.waitForSelector('#search-app[data-state="idle"]');
      await page.type('#search-q', query);
      const start = await page.evaluate(() => performance.now());
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (q: string) => document.getElementById('search-app')?.dataset.query === q && document.getElementById('search-app')?.dataset.state === 'done',
        { timeout: 60_000 },
        query,
      );
      const doneAt = await page.evaluate(() => Number(document.getElementById('search-app')!.dataset.doneAt));
      out.push({ query, ms: Math.round(doneAt - start) });
      await page.close();
    }
    return out;
  } finally {
    await firefox.close();
  }
}

/** Offline figures of a copy: largest file, offline index size, first result in Chromium and Firefox. */
export async function measureOffline(offlineDir: string, queries = querySet().cases.map((c) => c.query)): Promise<OfflineFigures> {
  const files = filesUnder(offlineDir);
  const index = filesUnder(path.join(offlineDir, 'search-index'));
  const largestFile = files.reduce((a, b) => (b.bytes > a.bytes ? b : a), { file: '', bytes: 0 });
  const browsers: OfflineFigures['browsers'] = [{ browser: 'Chromium', queries: await offlineInChromium(offlineDir, queries) }];
  if (fs.existsSync(FIREFOX_PATH)) browsers.push({ browser: 'Firefox', queries: await offlineInFirefox(offlineDir, queries) });
  return { largestFile, indexBytes: index.reduce((s, f) => s + f.bytes, 0), indexFiles: index.length, browsers };
}

/** Recall and precision@5 on the query set, searched on the site in Chromium (the site must be built from the seeds). */
export async function measureQuality(siteDir: string): Promise<Quality> {
  const set = querySet();
  const fold = Object.fromEntries(traditionalToSimplified());
  const server = await startStaticServer({ root: siteDir });
  const browser = await launchBrowser();
  try {
    const shown = new Map<string, string[]>();
    for (const c of set.cases)
      shown.set(
        c.query,
        (await runSearchPage(browser.page, `${server.url}search/?q=${encodeURIComponent(c.query)}`)).results.map((r) => r.url),
      );
    return await scoreQuality(
      set.cases,
      (q) => shown.get(q)!,
      async (url, terms) => {
        const { body } = await readPageBlocks(browser.page, new URL(url, server.url).href);
        const folded = body.map((b) => foldText(b, fold));
        return terms.every((t) => folded.some((b) => b.includes(t)));
      },
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** The worst query of a site's first searches. */
export function worstQuery(site: SiteFigures): QueryFigures {
  return site.queries.reduce((a, b) => (b.bytes > a.bytes ? b : a));
}

/** Report lines for a site's first searches. */
export function siteLines(site: SiteFigures): string[] {
  const worst = worstQuery(site);
  const sorted = [...site.queries].sort((a, b) => a.bytes - b.bytes);
  const over = site.queries.filter((q) => q.bytes > SEARCH_GOALS.firstSearchBytes);
  return [
    `${site.documents} documents, ${site.indexedPages} pages indexed, ${site.shards} shards, online index ${(site.onlineIndexBytes / 1e6).toFixed(1)} MB in all`,
    `first search over ${site.queries.length} queries: median ${kb(sorted[Math.floor((sorted.length - 1) / 2)].bytes)}, worst ${kb(worst.bytes)} (${worst.query}); goal ≤ ${kb(SEARCH_GOALS.firstSearchBytes)} for every query: ${verdict(over.length === 0)}${over.length ? ` (over: ${over.map((q) => q.query).join(', ')})` : ''}`,
    ...sorted
      .reverse()
      .map(
        (q) =>
          `${q.query}: ${q.results} results, ${kb(q.bytes)} in ${q.requests} requests (manifest ${kb(q.metaBytes)}, shards ${kb(q.shardBytes)}, page details ${kb(q.pageDetailBytes)}, concept cards ${kb(q.conceptBytes)}, client ${kb(q.clientBytes)}); ${q.msAfterLoad} ms after DOMContentLoaded`,
      ),
  ];
}

/** Report lines for an offline copy. */
export function offlineLines(offline: OfflineFigures): string[] {
  const lines = [
    `largest file of the offline copy: ${offline.largestFile.file} ${(offline.largestFile.bytes / 1e6).toFixed(2)} MB (goal ≤ 5 MB: ${verdict(offline.largestFile.bytes <= SEARCH_GOALS.offlineFileBytes)}); offline index ${(offline.indexBytes / 1e6).toFixed(1)} MB in ${offline.indexFiles} files`,
  ];
  for (const b of offline.browsers) {
    const worst = b.queries.reduce((x, y) => (y.ms > x.ms ? y : x));
    const sorted = b.queries.map((q) => q.ms).sort((x, y) => x - y);
    lines.push(
      `offline first result in ${b.browser} (Enter to results, fresh page opened from disk, ${b.queries.length} queries): median ${sorted[Math.floor((sorted.length - 1) / 2)]} ms, worst ${worst.ms} ms (${worst.query}); goal ≤ ${SEARCH_GOALS.offlineFirstResultMs} ms: ${verdict(worst.ms <= SEARCH_GOALS.offlineFirstResultMs)}`,
    );
  }
  return lines;
}

/** Report lines for recall and precision@5. */
export function qualityLines(q: Quality): string[] {
  return [
    `recall ${(q.recall * 100).toFixed(1)}% (${q.expected - q.missed.length}/${q.expected} documents and departments; goal 100%: ${verdict(q.missed.length === 0)})`,
    `precision@5 ${(q.precisionAt5 * 100).toFixed(1)}% (${q.shown - q.wrong.length}/${q.shown} results; goal ≥ 95%: ${verdict(q.precisionAt5 >= 0.95)})${q.wrong.length ? `: ${q.wrong.slice(0, 5).join('; ')}` : ''}`,
  ];
}

if (import.meta.main) {
  const siteDir = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist';
  const site = await measureSite(siteDir, siteDir);
  console.log(siteLines(site).join('\n'));
  const offlineDir = `${siteDir.replace(/[\\/]+$/, '')}-offline`;
  if (fs.existsSync(offlineDir)) console.log(offlineLines(await measureOffline(offlineDir)).join('\n'));
  if (process.argv.includes('--quality')) console.log(qualityLines(await measureQuality(siteDir)).join('\n'));
}
