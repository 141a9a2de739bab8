/**
 * Benchmark of search, for `npm run bench`: opens /search/?q=… in Chromium
 * on a fresh page for each query and measures the bytes fetched for the
 * first query (index files and the search client) and the time until the
 * results are shown. On the built seeds site (dist/, goal ≤ 150 KB) and on a
 * synthetic site of 2,000 documents built in a temporary copy of the project
 * (scripts/bench/corpus.ts; the real dist/ is not touched).
 *
 * Run alone: `npm exec -- node scripts/bench/search.ts [documents]` (0 skips the synthetic site).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startStaticServer } from '../lib/static-server.ts';
import { launchBrowser } from '../../tests/site/browser.ts';
import { makeTempProject } from '../../tests/support/temp-project.ts';
import { addSyntheticPlaces, writeSyntheticSeeds } from './corpus.ts';

/** The goal for the bytes of the first query on the seeds site. */
export const FIRST_QUERY_GOAL_BYTES = 150 * 1024;

/** Queries measured, each on a freshly loaded page. */
export const BENCH_QUERIES = ['链长制', '新能源汽车', '高质量发展', '專精特新', '氢', '5G基站'];

/** One query on one site. */
export interface QueryFigures {
  query: string;
  results: number;
  /** Bytes of index files fetched (search-data/…), and of which the manifest, shards and page details (structure and text chunks). */
  indexBytes: number;
  metaBytes: number;
  shardBytes: number;
  pageDetailBytes: number;
  /** Bytes of the search client (search/search.js). */
  clientBytes: number;
  /** Everything else the page loaded (HTML, CSS, the site script). */
  pageBytes: number;
  requests: number;
  /** Results shown, in ms after DOMContentLoaded (when the deferred client starts). */
  msAfterLoad: number;
  /** Results shown, in ms after navigation start. */
  msFromNavigation: number;
}

/** One site. */
export interface SiteFigures {
  label: string;
  documents: number;
  /** Pages in the search index, shards, bytes of the whole online index and of search-index.js. */
  indexedPages: number;
  shards: number;
  onlineIndexBytes: number;
  offlineIndexBytes: number;
  buildSeconds?: number;
  queries: QueryFigures[];
}

/** Both sites. */
export interface SearchBench {
  seeds: SiteFigures;
  /** The seeds site's offline copy (dist-offline/), if built. */
  offline: Array<{ query: string; msAfterLoad: number }>;
  synthetic?: SiteFigures;
  goalBytes: number;
  /** Largest first-query bytes (index + client) on the seeds site against the goal. */
  withinGoal: boolean;
}

function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let sum = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) sum += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return sum;
}

/** Measures the queries on a built site folder. */
export async function measureSite(siteDir: string, label: string, queries = BENCH_QUERIES): Promise<SiteFigures> {
  const meta = JSON.parse((await import('node:zlib')).gunzipSync(fs.readFileSync(path.join(siteDir, 'search-data/meta.json.gz'))).toString()) as {
    shardCount: number;
    pages: Array<{ type: string }>;
  };
  const server = await startStaticServer({ root: siteDir });
  const browser = await launchBrowser();
  try {
    const figures: QueryFigures[] = [];
    for (const query of queries) {
      const page = await browser.context.newPage();
      const sizes: Array<Promise<{ url: string; bytes: number }>> = [];
      page.on('requestfinished', (request) => {
        sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize })));
      });
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('#search-app[data-state="done"]', { timeout: 120_000 });
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { done: Number(document.getElementById('search-app')!.dataset.doneAt), dcl: nav.domContentLoadedEventEnd, results: document.querySelector('#search-status')!.textContent ?? '' };
      });
      await page.close();
      const done = await Promise.all(sizes);
      const sum = (test: (url: string) => boolean) => done.filter((d) => test(d.url)).reduce((s, d) => s + d.bytes, 0);
      figures.push({
        query,
        results: Number(/找到 ([\d,]+) 个结果/.exec(timing.results)?.[1].replace(/,/g, '') ?? 0),
        indexBytes: sum((u) => u.includes('/search-data/')),
        metaBytes: sum((u) => u.includes('/search-data/meta.')),
        shardBytes: sum((u) => u.includes('/search-data/s/')),
        pageDetailBytes: sum((u) => u.includes('/search-data/p/') || u.includes('/search-data/t/')),
        clientBytes: sum((u) => new URL(u).pathname.endsWith('/search/search.js')),
        pageBytes: sum((u) => !u.includes('/search-data/') && !new URL(u).pathname.endsWith('/search/search.js')),
        requests: done.length,
        msAfterLoad: Math.round(timing.done - timing.dcl),
        msFromNavigation: timing.done,
      });
    }
    return {
      label,
      documents: meta.pages.filter((p) => p.type === 'document').length,
      indexedPages: meta.pages.length,
      shards: meta.shardCount,
      onlineIndexBytes: folderBytes(path.join(siteDir, 'search-data')),
      offlineIndexBytes: fs.statSync(path.join(siteDir, 'search-index.js')).size,
      queries: figures,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Time to results offline (file://, search-index.js rebuilt into shards in the page), per query. */
export async function measureOffline(offlineDir: string, queries = BENCH_QUERIES): Promise<Array<{ query: string; msAfterLoad: number }>> {
  if (!fs.existsSync(path.join(offlineDir, 'search-index.js'))) return [];
  const browser = await launchBrowser({ allowNetwork: true });
  await browser.context.route(/^(?!file:)/, (route) => route.abort('blockedbyclient'));
  try {
    const root = pathToFileURL(path.resolve(offlineDir)).href;
    const out: Array<{ query: string; msAfterLoad: number }> = [];
    for (const query of queries) {
      const page = await browser.context.newPage();
      await page.goto(`${root}/search/index.html?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('#search-app[data-state="done"]', { timeout: 120_000 });
      const ms = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return Number(document.getElementById('search-app')!.dataset.doneAt) - nav.domContentLoadedEventEnd;
      });
      out.push({ query, msAfterLoad: Math.round(ms) });
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** Builds a synthetic site of `documents` documents in a temp project and measures it. */
export async function measureSynthetic(documents: number): Promise<SiteFigures> {
  // The real seeds stay: curated data (concept quotes, metadata) refers to their documents.
  const project = makeTempProject({ seeds: 'copy-real' });
  try {
    writeSyntheticSeeds({ documents, dir: path.join(project.dir, 'seeds') });
    addSyntheticPlaces(path.join(project.dir, 'content/curated'));
    const built = project.build();
    if (built.status !== 0) throw new Error(`synthetic build failed (exit ${built.status}):\n${built.stderr.slice(-3000)}`);
    const figures = await measureSite(path.join(project.dir, 'dist'), `synthetic ${documents}`);
    return { ...figures, buildSeconds: built.ms / 1000 };
  } finally {
    project.cleanup();
  }
}

/** Runs the whole benchmark: dist/ (must be built), then a synthetic site unless `documents` is 0. */
export async function benchSearch(options: { siteDir?: string; documents?: number } = {}): Promise<SearchBench> {
  const siteDir = options.siteDir ?? 'dist';
  const seeds = await measureSite(siteDir, 'seeds');
  const offline = await measureOffline(`${siteDir.replace(/[\\/]+$/, '')}-offline`);
  const synthetic = options.documents === 0 ? undefined : await measureSynthetic(options.documents ?? 2000);
  const worst = Math.max(...seeds.queries.map((q) => q.indexBytes + q.clientBytes));
  return { seeds, offline, synthetic, goalBytes: FIRST_QUERY_GOAL_BYTES, withinGoal: worst <= FIRST_QUERY_GOAL_BYTES };
}

/** The report, one line per figure. */
export function formatSearchBench(bench: SearchBench): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const site = (s: SiteFigures) => [
    `search (${s.label}): ${s.documents} documents, ${s.indexedPages} pages indexed, ${s.shards} shards; online index ${kb(s.onlineIndexBytes)} in all, search-index.js ${kb(s.offlineIndexBytes)}${s.buildSeconds ? `; build ${s.buildSeconds.toFixed(0)} s` : ''}`,
    ...s.queries.map(
      (q) =>
        `  ${q.query}: ${q.results} results; first query fetched ${kb(q.indexBytes + q.clientBytes)} (index ${kb(q.indexBytes)} = manifest ${kb(q.metaBytes)} + shards ${kb(q.shardBytes)} + page details ${kb(q.pageDetailBytes)}; client ${kb(q.clientBytes)}; page itself ${kb(q.pageBytes)}), ${q.requests} requests; results ${q.msAfterLoad} ms after DOMContentLoaded (${q.msFromNavigation} ms from navigation)`,
    ),
  ];
  const worst = Math.max(...bench.seeds.queries.map((q) => q.indexBytes + q.clientBytes));
  return [
    ...site(bench.seeds),
    `search first-query bytes (seeds, worst query): ${kb(worst)} (goal ≤ ${kb(bench.goalBytes)}: ${bench.withinGoal ? 'met' : 'MISSED'})`,
    ...(bench.offline.length > 0
      ? [`search offline (file://, seeds): results ${bench.offline.map((q) => `${q.query} ${q.msAfterLoad} ms`).join(', ')} after DOMContentLoaded`]
      : []),
    ...(bench.synthetic ? site(bench.synthetic) : []),
  ].join('\n');
}

if (import.meta.main) {
  const documents = process.argv[2] === undefined ? 2000 : Number(process.argv[2]);
  console.log(formatSearchBench(await benchSearch({ documents })));
}
