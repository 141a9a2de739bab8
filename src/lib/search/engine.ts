/**
 * The search engine both the online page and the offline copy use: the same
 * matching, filtering, ranking and result building, over a SearchStore that
 * either fetches index files or reads them from search-index.js.
 */
import { shardOf, termKeys } from './bigrams.ts';
import { unpackFoldMap, type FoldMap } from './fold.ts';
import { intersectTerms, matchTerm, matchUnit, shardLookup, type Occurrences } from './match.ts';
import { parseQuery } from './query.ts';
import { scoreCandidates, sortRanked, type Ranked } from './rank.ts';
import { facetCounts, passes, type FacetValue, type Selection } from './filters.ts';
import { chunksFor, excerpt, sectionHits, shownSections, sparseText, textWindow, type SectionHit, type Span } from './sections.ts';
import type { PageInfo, SearchMeta, SearchStore, Shard } from './types.ts';

/** What the reader asked for. */
export interface SearchRequest {
  query: string;
  filters: Selection;
  sort: 'relevance' | 'date';
}

/** Every page that matches, ranked, plus filter counts. */
export interface SearchResponse {
  /** The folded terms searched for (empty: filters only). */
  terms: string[];
  /** Matching pages before filters. */
  matched: number;
  /** Ranked results after filters. */
  results: Ranked[];
  facets: Record<string, FacetValue[]>;
}

/** One result ready to show: the page, its matching sections, where its first link goes. */
export interface ResultView {
  page: number;
  info: PageInfo;
  /** Path relative to the site base: the best matching section's anchor, or the page. */
  href: string;
  /** Matching sections, best first (the page-level hit, section -1, last); shown ones carry excerpts. */
  sections: SectionHit[];
  /** Total number of matches in the page. */
  count: number;
}

/** A search session over one store: loads the manifest once and caches shards. */
export interface SearchEngine {
  meta(): Promise<SearchMeta>;
  search(request: SearchRequest): Promise<SearchResponse>;
  describe(result: Ranked, terms: string[]): Promise<ResultView>;
}

/** The shards a set of terms needs. */
export function shardsFor(terms: string[], shardCount: number): number[] {
  const needed = new Set<number>();
  for (const term of terms) {
    if (term.length === 1) needed.add(shardOf(term, shardCount));
    for (const { key } of termKeys(term)) needed.add(shardOf(key, shardCount));
  }
  return [...needed].sort((a, b) => a - b);
}

/** Occurrences of each term in every page, from loaded shards. */
export function matchAll(terms: string[], shards: ReadonlyMap<number, Shard>, shardCount: number): Occurrences[] {
  const lookup = shardLookup(shards, (key) => shardOf(key, shardCount));
  return terms.map((term) => (term.length === 1 ? matchUnit(term, shards.get(shardOf(term, shardCount))) : matchTerm(term, lookup)));
}

/** Ranks and filters matching pages (pure; used by the engine and by tests). */
export function respond(meta: SearchMeta, fold: FoldMap, terms: string[], perTerm: Occurrences[], request: SearchRequest): SearchResponse {
  const pages = meta.pages;
  let candidates: Ranked[];
  if (terms.length === 0) {
    const anyFilter = Object.values(request.filters).some((v) => v.length > 0);
    candidates = anyFilter ? pages.map((_, page) => ({ page, occurrences: [], tier: 0, score: 0, titleHit: false })) : [];
  } else {
    const matches = intersectTerms(perTerm);
    const df = perTerm.map((o) => o.size);
    candidates = scoreCandidates([...matches].map(([page, occurrences]) => ({ page, occurrences })), terms, pages, fold, df);
  }
  const matching = candidates.map((c) => c.page);
  const kept = candidates.filter((c) => passes(pages[c.page], request.filters));
  return {
    terms,
    matched: candidates.length,
    results: sortRanked(kept, pages, terms.length === 0 ? 'date' : request.sort),
    facets: facetCounts(pages, matching, request.filters),
  };
}

/** Creates an engine over a store. */
export function createSearchEngine(store: SearchStore): SearchEngine {
  let metaPromise: Promise<{ meta: SearchMeta; fold: FoldMap }> | undefined;
  const shardCache = new Map<number, Promise<Shard>>();
  const loadMeta = () =>
    (metaPromise ??= store.meta().then((meta) => {
      if (meta.version !== 1) throw new Error(`search index: version ${meta.version} is not supported (rebuild the site)`);
      return { meta, fold: unpackFoldMap(meta.fold) };
    }));
  const shard = (index: number) => {
    let p = shardCache.get(index);
    if (!p) shardCache.set(index, (p = store.shard(index)));
    return p;
  };
  return {
    meta: async () => (await loadMeta()).meta,
    async search(request) {
      const { meta, fold } = await loadMeta();
      const terms = parseQuery(request.query, fold);
      const needed = shardsFor(terms, meta.shardCount);
      const loaded = new Map(await Promise.all(needed.map(async (i) => [i, await shard(i)] as const)));
      return respond(meta, fold, terms, matchAll(terms, loaded, meta.shardCount), request);
    },
    async describe(result, terms) {
      const { meta } = await loadMeta();
      const info = meta.pages[result.page];
      const structure = await store.structure(result.page);
      const spans: Span[] = result.occurrences.flatMap((starts, t) => starts.map((start) => ({ start, end: start + terms[t].length })));
      const sections = spans.length > 0 ? sectionHits(structure, spans) : [];
      // Only the text around the excerpts shown is fetched, chunk by chunk.
      const shown = shownSections(sections);
      const needed = chunksFor(shown.map((h) => textWindow(h.focus, structure.length)), meta.chunkSize);
      const chunks = new Map(await Promise.all(needed.map(async (k) => [k, await store.chunk(result.page, k)] as const)));
      const text = sparseText(structure.length, meta.chunkSize, chunks);
      for (const hit of shown) hit.excerpt = excerpt(text, hit.spans, hit.focus);
      const best = sections[0]?.info;
      return { page: result.page, info, href: best ? `${info.url}#${best.id}` : info.url, sections, count: spans.length };
    },
  };
}
