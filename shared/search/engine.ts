/**
 * The search engine both the online page and the offline copy use: the same
 * matching, filtering, ranking and result building, over a SearchStore that
 * either fetches index files or loads them as classic scripts.
 */
import { cheapestKeys, type TermKey } from './bigrams.ts';
import { namedConcepts } from './concept-cards.ts';
import { unpackFoldMap, type FoldMap } from './fold.ts';
import { intersectTerms, matchTerm, matchUnit, shardLookup, type Occurrences } from './match.ts';
import { decodePageTable, type PageInfo } from './page-table.ts';
import { parseQuery } from './query.ts';
import { scoreCandidates, sortRanked, type Ranked } from './rank.ts';
import { shardOfKey, shardsOfUnit, unpackRouting, type ShardRouting } from './routing.ts';
import { facetCounts, passes, type FacetValue, type Selection } from './filters.ts';
import { chunksFor, excerpt, sectionHits, shownSections, sparseText, textWindow, type SectionHit, type Span } from './sections.ts';
import type { ConceptCard, SearchMeta, SearchStore, Shard } from './types.ts';

/** What the reader asked for. */
export interface SearchRequest {
  query: string;
  filters: Selection;
  sort: 'relevance' | 'date';
}

/** Every page that matches, ranked, plus filter counts and the concepts the query names. */
export interface SearchResponse {
  /** The folded terms searched for (empty: filters only). */
  terms: string[];
  /** Matching pages before filters. */
  matched: number;
  /** Ranked results after filters. */
  results: Ranked[];
  facets: Record<string, FacetValue[]>;
  /** Indexes into meta.concepts of the concepts the query names (shown as cards). */
  concepts: number[];
}

/** One result ready to show: the page, its matching sections, where its first link goes. */
export interface ResultView {
  page: number;
  info: PageInfo;
  url: string;
  title: string;
  /** Path relative to the site base: the best matching section's anchor, or the page. */
  href: string;
  /** Matching sections, best first (the page-level hit, section -1, last); shown ones carry excerpts. */
  sections: SectionHit[];
  /** Total number of matches in the page. */
  count: number;
}

/** The manifest, decoded once. */
export interface LoadedMeta {
  meta: SearchMeta;
  fold: FoldMap;
  routing: ShardRouting;
  pages: PageInfo[];
  /** Approximate bytes of each shard file (from meta.shardCost). */
  shardBytes: number[];
}

/** A search session over one store: loads the manifest once and caches shards. */
export interface SearchEngine {
  meta(): Promise<LoadedMeta>;
  search(request: SearchRequest): Promise<SearchResponse>;
  describe(result: Ranked, terms: string[]): Promise<ResultView>;
  concept(index: number): Promise<ConceptCard>;
}

/** What one term reads: its keys (two or more units) or, for one unit, every bigram starting with it. */
export type TermPlan = { term: string; keys: TermKey[] } | { term: string; unit: string };

/** Bytes a request costs beyond the file itself (headers), counted when choosing keys. */
const REQUEST_BYTES = 300;

/** Decodes the manifest. */
export function loadMeta(meta: SearchMeta): LoadedMeta {
  if (meta.version !== 2) throw new Error(`search index: version ${meta.version} is not supported (rebuild the site)`);
  const routing = unpackRouting(meta.routing);
  const shardBytes = [...meta.shardCost].map((digit) => 256 * 2 ** parseInt(digit, 32));
  if (shardBytes.length !== routing.shards) throw new Error('search index: shard sizes do not match the routing');
  return { meta, fold: unpackFoldMap(meta.fold), routing, pages: decodePageTable(meta.pages), shardBytes };
}

/** The keys each term reads, chosen so the shards fetched are the smallest that still pin every term down. */
export function planTerms(terms: string[], loaded: Pick<LoadedMeta, 'routing' | 'shardBytes'>): TermPlan[] {
  const cost = (key: string) => loaded.shardBytes[shardOfKey(key, loaded.routing)] + REQUEST_BYTES;
  return terms.map((term) => (term.length === 1 ? { term, unit: term } : { term, keys: cheapestKeys(term, cost) }));
}

/** The shards a plan needs. */
export function shardsFor(plans: TermPlan[], routing: ShardRouting): number[] {
  const needed = new Set<number>();
  for (const plan of plans) {
    if ('unit' in plan) for (const s of shardsOfUnit(plan.unit, routing)) needed.add(s);
    else for (const { key } of plan.keys) needed.add(shardOfKey(key, routing));
  }
  return [...needed].sort((a, b) => a - b);
}

/** Occurrences of each term in every page, from loaded shards. */
export function matchAll(plans: TermPlan[], shards: ReadonlyMap<number, Shard>, routing: ShardRouting): Occurrences[] {
  const lookup = shardLookup(shards, (key) => shardOfKey(key, routing));
  return plans.map((plan) =>
    'unit' in plan
      ? matchUnit(
          plan.unit,
          shardsOfUnit(plan.unit, routing).map((s) => shards.get(s)),
        )
      : matchTerm(plan.keys, lookup),
  );
}

/** Ranks and filters matching pages (pure; used by the engine and by tests). */
export function respond(loaded: LoadedMeta, terms: string[], perTerm: Occurrences[], request: SearchRequest): SearchResponse {
  const { pages } = loaded;
  let candidates: Ranked[];
  if (terms.length === 0) {
    const anyFilter = Object.values(request.filters).some((v) => v.length > 0);
    candidates = anyFilter ? pages.map((_, page) => ({ page, hits: [], level: 0, score: 0, titleHit: false })) : [];
  } else {
    const matches = intersectTerms(perTerm);
    const df = perTerm.map((o) => o.size);
    candidates = scoreCandidates(
      [...matches].map(([page, hits]) => ({ page, hits })),
      terms,
      pages,
      df,
    );
  }
  const matching = candidates.map((c) => c.page);
  const kept = candidates.filter((c) => passes(pages[c.page], request.filters));
  return {
    terms,
    matched: candidates.length,
    results: sortRanked(kept, pages, terms.length === 0 ? 'date' : request.sort),
    facets: facetCounts(pages, matching, request.filters),
    concepts: terms.length === 0 ? [] : namedConcepts(loaded.meta.concepts, terms),
  };
}

/** Creates an engine over a store. */
export function createSearchEngine(store: SearchStore): SearchEngine {
  let metaPromise: Promise<LoadedMeta> | undefined;
  const shardCache = new Map<number, Promise<Shard>>();
  const loadedMeta = () => (metaPromise ??= store.meta().then(loadMeta));
  const shard = (index: number) => {
    let p = shardCache.get(index);
    if (!p) shardCache.set(index, (p = store.shard(index)));
    return p;
  };
  return {
    meta: loadedMeta,
    async search(request) {
      const loaded = await loadedMeta();
      const terms = parseQuery(request.query, loaded.fold);
      const plans = planTerms(terms, loaded);
      const needed = shardsFor(plans, loaded.routing);
      const shards = new Map(await Promise.all(needed.map(async (i) => [i, await shard(i)] as const)));
      return respond(loaded, terms, matchAll(plans, shards, loaded.routing), request);
    },
    async describe(result, terms) {
      const { meta, pages } = await loadedMeta();
      const info = pages[result.page];
      const structure = await store.structure(result.page);
      const spans: Span[] = result.hits.flatMap((hits, t) => hits.starts.map((start) => ({ start, end: start + terms[t].length })));
      const sections = spans.length > 0 ? sectionHits(structure, spans) : [];
      // Only the text around the excerpts shown is fetched, chunk by chunk.
      const shown = shownSections(sections);
      const needed = chunksFor(
        shown.map((h) => textWindow(h.focus, structure.length)),
        meta.chunkSize,
      );
      const chunks = new Map(await Promise.all(needed.map(async (k) => [k, await store.chunk(result.page, k)] as const)));
      const text = sparseText(structure.length, meta.chunkSize, chunks);
      for (const hit of shown) hit.excerpt = excerpt(text, hit.spans, hit.focus);
      const best = sections[0]?.info;
      const { url, title } = structure;
      return { page: result.page, info, url, title, href: best ? `${url}#${best.id}` : url, sections, count: spans.length };
    },
    concept: (index) => store.concept(index),
  };
}
