/**
 * The other helpers' benchmarks (search.ts, offline.ts, compare.ts,
 * concepts.ts), called when their files exist. Each is imported lazily and
 * run inside a guard, so a missing or failing one becomes a line in the report
 * instead of stopping `npm run bench`.
 */
import fs from 'node:fs';
import { ingestDirectory } from '../ingest/index.ts';
import { mb } from './stats.ts';

/** Search figures of one site, from search.ts: first-search bytes, offline copy, and (seeds) recall and precision. */
export interface FirstSearch {
  label: string;
  /** Bytes fetched for the first search (index files, concept cards, search client), median and worst over the query set. */
  medianBytes: number;
  worstBytes: number;
  worstQuery: string;
  queries: number;
  /** The offline copy's largest file, and the slowest first result per browser (ms). */
  offline?: { largestBytes: number; worstMs: Record<string, number> };
  /** Recall and precision@5 on the query set (measured on the seeds site only). */
  quality?: { recall: number; precisionAt5: number };
  /** search.ts's own report lines. */
  lines: string[];
}

/** Loads scripts/bench/<name>.ts when it exists; null otherwise. */
async function optional<T>(name: string): Promise<T | null> {
  const url = new URL(`./${name}.ts`, import.meta.url);
  return fs.existsSync(url) ? ((await import(url.href)) as T) : null;
}

/** Runs `task`, turning a failure into a report line. */
async function guarded<T>(what: string, task: () => Promise<T>): Promise<T | string> {
  try {
    return await task();
  } catch (error) {
    return `${what}: failed — ${(error as Error).message.split('\n')[0]}`;
  }
}

/** Search on a built site (search.ts), or a line saying why not; `quality` also measures recall and precision@5 (seeds site). */
export async function firstSearch(siteDir: string, label: string, options: { quality?: boolean } = {}): Promise<FirstSearch | string> {
  type SearchModule = typeof import('./search.ts');
  const search = await optional<SearchModule>('search');
  if (!search) return `search (${label}): scripts/bench/search.ts not present`;
  return guarded(`search (${label})`, async () => {
    const site = await search.measureSite(siteDir, label);
    const sorted = [...site.queries].sort((a, b) => a.bytes - b.bytes);
    const worst = sorted.at(-1)!;
    const result: FirstSearch = {
      label,
      medianBytes: sorted[Math.floor((sorted.length - 1) / 2)].bytes,
      worstBytes: worst.bytes,
      worstQuery: worst.query,
      queries: sorted.length,
      lines: search.siteLines(site),
    };
    const offlineDir = `${siteDir.replace(/[\\/]+$/, '')}-offline`;
    if (fs.existsSync(offlineDir)) {
      const offline = await search.measureOffline(offlineDir);
      result.offline = {
        largestBytes: offline.largestFile.bytes,
        worstMs: Object.fromEntries(offline.browsers.map((b) => [b.browser, Math.max(...b.queries.map((q) => q.ms))])),
      };
      result.lines.push(...search.offlineLines(offline));
    }
    if (options.quality) {
      const quality = await search.measureQuality(siteDir);
      result.quality = { recall: quality.recall, precisionAt5: quality.precisionAt5 };
      result.lines.push(...search.qualityLines(quality));
    }
    return result;
  });
}

/** offline.ts on a built site: report lines. */
export async function offlineLines(siteDir: string): Promise<string[]> {
  type OfflineModule = typeof import('./offline.ts');
  const offline = await optional<OfflineModule>('offline');
  if (!offline) return ['offline: scripts/bench/offline.ts not present'];
  const result = await guarded('offline', async () => offline.formatOfflineBench(await offline.benchOffline(siteDir)));
  return result.split('\n');
}

/** compare.ts on the seeds and `documents` synthetic documents: report lines. */
export async function compareLines(documents: number): Promise<string[]> {
  type CompareModule = typeof import('./compare.ts');
  const compare = await optional<CompareModule>('compare');
  if (!compare) return ['compare: scripts/bench/compare.ts not present'];
  const result = await guarded('compare', async () => {
    const bench = compare.benchCompare(documents);
    return Object.entries(bench).map(
      ([name, f]) =>
        `compare stage (${name}): ${f.documents} documents, ${f.tasks} tasks in ${(f.ms / 1000).toFixed(2)} s; ${f.pairs} pre-rendered pairs; payloads ${mb(f.payloadBytes)}`,
    );
  });
  return typeof result === 'string' ? [result] : result;
}

/** Full build seconds of the seeds and of the synthetic corpus, to state the concept stage as a share of the build. */
export interface FullBuildSeconds {
  seeds: number | null;
  synthetic: number | null;
}

/** concepts.ts on the seeds and `documents` repeated documents: report lines. */
export async function conceptLines(documents: number, fullBuild: FullBuildSeconds = { seeds: null, synthetic: null }): Promise<string[]> {
  type ConceptsModule = typeof import('./concepts.ts');
  const concepts = await optional<ConceptsModule>('concepts');
  if (!concepts) return ['concepts: scripts/bench/concepts.ts not present'];
  const result = await guarded('concepts', async () => {
    const seeds = ingestDirectory('seeds', 'content/curated');
    concepts.benchConcepts(seeds, 1); // warm-up
    return [
      ['seeds', concepts.benchConcepts(seeds, 3), fullBuild.seeds],
      [`${documents}`, concepts.benchConcepts(concepts.syntheticCorpus(seeds, documents), 3), fullBuild.synthetic],
    ].map(([label, b, build]) => {
      const f = b as ReturnType<ConceptsModule['benchConcepts']>;
      const added = f.withSeconds - f.withoutSeconds;
      const share =
        typeof build === 'number'
          ? `adds ${added.toFixed(2)} s = ${((added / build) * 100).toFixed(1)}% of the ${build.toFixed(1)} s full build (goal ≤ ${concepts.CONCEPT_OVERHEAD_GOAL * 100}%: ${added / build <= concepts.CONCEPT_OVERHEAD_GOAL ? 'met' : 'MISSED'})`
          : `adds ${added.toFixed(2)} s (no full build measured to compare with)`;
      return `concept stage (${label as string}): ${f.documents} documents, ${share}; site step ${f.withoutSeconds.toFixed(2)} s → ${f.withSeconds.toFixed(2)} s with concepts`;
    });
  });
  return typeof result === 'string' ? [result] : result;
}
