/**
 * The search index: its files, as written by scripts/search/ at build time and
 * read in the browser (fetched online, or loaded as classic scripts offline).
 *
 * Design (why not Pagefind's index: see scripts/search/build-index.ts): a
 * positional character-bigram index. Every position of every bigram is
 * stored, so a term of any length is matched exactly from postings alone —
 * complete recall, no false hits, and the task of every hit known — without
 * downloading page text. Text is fetched in chunks, only around the excerpts shown.
 *
 * What is indexed: the text of every document page, and the name of every
 * department (so a department is a result only when the query names it).
 * Concepts are not pages of the index: the manifest lists their names and
 * aliases, and a concept the query names is shown once, as a card above the
 * results (concept-cards.ts).
 */
import type { PackedRouting } from './routing.ts';
import type { PageTable } from './page-table.ts';

export type { PageInfo } from './page-table.ts';

/** The manifest: loaded first, small, describes every indexed page. */
export interface SearchMeta {
  /** Format version; bump when the files change shape. */
  version: 2;
  /** Changes whenever the index does; appended to file URLs to defeat stale caches. */
  buildId: string;
  /** Page text is fetched in chunks of this many UTF-16 units (only those excerpts need). */
  chunkSize: number;
  /** Traditional → Simplified pairs, only for characters the corpus contains (see fold.ts). */
  fold: string;
  /** Which shard holds a bigram (routing.ts). */
  routing: PackedRouting;
  /**
   * Size class of every shard file, one base-32 digit each: c means about
   * 256 × 2^c bytes as fetched. Lets a query pick the cheapest bigrams (cheapestKeys).
   */
  shardCost: string;
  /** Every indexed page, in index order (postings refer to pages by this position). */
  pages: PageTable;
  /** Every concept of the glossary, for the concept card (concept-cards.ts). */
  concepts: ConceptEntry[];
}

/** A concept as the manifest lists it. */
export interface ConceptEntry {
  /** The concept's id; its page is concepts/<id>/. */
  id: string;
  name: string;
  /** Name, aliases and variant forms, folded (fold.ts) the way a query is. */
  terms: string[];
}

/** What the concept card shows beyond the name (one small file per concept). */
export interface ConceptCard {
  id: string;
  name: string;
  definition: string;
  /** Documents that use the concept. */
  documents: number;
}

/** A part of a page with its own anchor: a task, section, box or notice. */
export interface SectionInfo {
  /** The heading's id (an eId such as sec_2__subsec_1__item_3). */
  id: string;
  /** Citation label ("三、（二）10.") from the heading's data-label; '' when it has none. */
  label: string;
  /** The heading text ("（一）提升产业创新能力"). */
  heading: string;
}

/** A page's structure: its address and title, and which section each stretch of its text belongs to. */
export interface PageStructure {
  /** Path relative to the site base, e.g. "docs/jinan-2024-wuliu/". */
  url: string;
  title: string;
  /** Length of the indexed text. */
  length: number;
  sections: SectionInfo[];
  /**
   * Flat pairs [start, section, start, section, …]: from offset `start` on,
   * text belongs to sections[section] (-1: to the page itself, no anchor).
   * A section's first segment starts with its heading text.
   */
  segments: number[];
}

/** A page's structure with its text (what the build holds, and the offline page bundles). */
export interface PageDetail extends PageStructure {
  /** The indexed text; blocks are separated by "\n", which no query can contain. */
  text: string;
}

/** One postings shard: encoded postings (see postings.ts) per bigram. */
export type Shard = Record<string, string>;

/** Where the search engine gets index files from (fetch online, classic scripts offline). */
export interface SearchStore {
  meta(): Promise<SearchMeta>;
  shard(index: number): Promise<Shard>;
  /** Structure of page `page` (loaded for the results shown). */
  structure(page: number): Promise<PageStructure>;
  /** Chunk `chunk` of page `page`'s text: text.slice(chunk × chunkSize, (chunk + 1) × chunkSize). */
  chunk(page: number, chunk: number): Promise<string>;
  /** The card of concept `index` (position in meta.concepts). */
  concept(index: number): Promise<ConceptCard>;
  /** Every page's URL in index order (for the extended search, which names pages by URL). */
  urls(): Promise<string[]>;
}

/** The global the offline index scripts put their contents in, keyed by file (see offlineFile). */
export const OFFLINE_GLOBAL = 'policyAtlasSearchIndex';

/** Offline index files, relative to the site root; each assigns its value to OFFLINE_GLOBAL[name]. */
export const offlineFile = {
  dir: 'search-index',
  meta: () => 'meta',
  shard: (n: number) => `s/${n}`,
  bundle: (n: number) => `p/${n}`,
  concepts: () => 'c',
  /** The script's path for a name: search-index/s/12.js. */
  path: (name: string) => `search-index/${name}.js`,
};

/** The offline manifest: the online one plus where each page's text lives. */
export interface OfflineMeta extends SearchMeta {
  /** First page of each page bundle (encoded numbers); bundle b holds pages bundles[b] … bundles[b + 1] − 1. */
  bundles: string;
}

/** One offline page bundle: the details (structure and whole text) of consecutive pages. */
export interface PageBundle {
  first: number;
  pages: PageDetail[];
}
