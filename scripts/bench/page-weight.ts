/**
 * Transfer weight of document pages: everything Chromium loads for a document
 * page until the network is idle, before search is opened (HTML, CSS, JS,
 * fonts, images), each response counted as its gzip size (level 6, what
 * static hosts commonly serve). Goal: ≤ 25 KB for a document page.
 */
import { gzipSync } from 'node:zlib';
import { startStaticServer } from '../harness/static-server.ts';
import { launchBrowser } from '../harness/browser.ts';
import { median } from './stats.ts';

/** The goal for one document page, gzipped. */
export const PAGE_WEIGHT_GOAL_BYTES = 25 * 1024;

/** One page's weight, by kind of resource. */
export interface PageWeight {
  /** Site path, e.g. "docs/x/". */
  page: string;
  /** Gzipped bytes per resource type ("document", "stylesheet", "script", "font", …). */
  byType: Record<string, number>;
  total: number;
  requests: number;
}

/** Weights of the given pages, plus the median and the heaviest. */
export interface PageWeightBench {
  pages: PageWeight[];
  median: number;
  heaviest: PageWeight;
  /** The page whose total is the median (for the breakdown). */
  typical: PageWeight;
  goalBytes: number;
  withinGoal: boolean;
}

/** Loads each page (site paths relative to the root, e.g. "docs/x/") of the built site in `siteDir`. */
export async function benchPageWeight(siteDir: string, pages: readonly string[]): Promise<PageWeightBench> {
  if (pages.length === 0) throw new Error('page weight: no pages to measure');
  const server = await startStaticServer({ root: siteDir });
  const browser = await launchBrowser();
  try {
    const weights: PageWeight[] = [];
    for (const page of pages) weights.push(await weigh(browser.context, `${server.url}${page}`, page));
    const sorted = [...weights].sort((a, b) => a.total - b.total);
    const typical = sorted[Math.floor((sorted.length - 1) / 2)];
    const mid = median(weights.map((w) => w.total));
    return { pages: weights, median: mid, heaviest: sorted.at(-1)!, typical, goalBytes: PAGE_WEIGHT_GOAL_BYTES, withinGoal: mid <= PAGE_WEIGHT_GOAL_BYTES };
  } finally {
    await browser.close();
    await server.close();
  }
}

type Context = Awaited<ReturnType<typeof launchBrowser>>['context'];

async function weigh(context: Context, url: string, page: string): Promise<PageWeight> {
  const tab = await context.newPage();
  const bodies: Array<Promise<{ type: string; bytes: number }>> = [];
  tab.on('response', (response) => {
    const type = response.request().resourceType();
    bodies.push(
      response.body().then(
        (body) => ({ type, bytes: gzipSync(body, { level: 6 }).length }),
        () => ({ type, bytes: 0 }),
      ),
    );
  });
  const response = await tab.goto(url, { waitUntil: 'networkidle' });
  if (response?.status() !== 200) throw new Error(`page weight: ${url} answered ${response?.status()}`);
  const loaded = await Promise.all(bodies);
  await tab.close();
  const byType: Record<string, number> = {};
  for (const { type, bytes } of loaded) byType[type] = (byType[type] ?? 0) + bytes;
  return { page, byType, total: loaded.reduce((sum, r) => sum + r.bytes, 0), requests: loaded.length };
}
