/**
 * The other helpers' benchmarks (search.ts, offline.ts, compare.ts,
 * concepts.ts), called when their files exist. Each is imported lazily and
 * run inside a guard, so a missing or failing one becomes a line in the report
 * instead of stopping `npm run bench`.
 */
import fs from 'node:fs';
import { ingestDirectory } from '../ingest/index.ts';
import { kb, mb } from './stats.ts';

/** First-search figures of one site, read from search.ts's measureSite. */
export interface FirstSearch {
  label: string;
  /** Bytes fetched for the first query (index + search client), median and worst over the queries. */
  medianBytes: number;
  worstBytes: number;
  worstQuery: string;
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

/** First search on a built site (search.ts measureSite), or a line saying why not. */
export async function firstSearch(siteDir: string, label: string): Promise<FirstSearch | string> {
  type SearchModule = typeof import('./search.ts');
  const search = await optional<SearchModule>('search');
  if (!search) return `search (${label}): scripts/bench/search.ts not present`;
  return guarded(`search (${label})`, async () => {
    const site = await search.measureSite(siteDir, label);
    const totals = site.queries.map((q) => ({ query: q.query, bytes: q.indexBytes + q.clientBytes }));
    const sorted = [...totals].sort((a, b) => a.bytes - b.bytes);
    const worst = sorted.at(-1)!;
    const lines = site.queries.map((q) => `${q.query}: ${q.results} results, ${kb(q.indexBytes + q.clientBytes)} (index ${kb(q.indexBytes)}, client ${kb(q.clientBytes)}), ${q.msAfterLoad} ms after load`);
    return { label, medianBytes: sorted[Math.floor((sorted.length - 1) / 2)].bytes, worstBytes: worst.bytes, worstQuery: worst.query, lines };
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
      ([name, f]) => `compare stage (${name}): ${f.documents} documents, ${f.tasks} tasks in ${(f.ms / 1000).toFixed(2)} s; ${f.pairs} pre-rendered pairs; payloads ${mb(f.payloadBytes)}`,
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
