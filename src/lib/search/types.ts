/**
 * The search index: its files, as written by scripts/search/ at build time and
 * read in the browser (fetched online, or from search-index.js offline).
 *
 * Design (why not Pagefind's index: see scripts/search/build-index.ts): a
 * positional character-bigram index. Every position of every bigram is
 * stored, so a term of any length is matched exactly from postings alone —
 * complete recall, no false hits, and the task of every hit known — without
 * downloading page text. Text is fetched in chunks, only around the excerpts shown.
 */

/** The manifest: loaded first, small, describes every indexed page. */
export interface SearchMeta {
  /** Format version; bump when the files change shape. */
  version: 1;
  /** Changes whenever the index does; appended to file URLs to defeat stale caches. */
  buildId: string;
  /** Number of postings shards (a bigram's shard is a hash of its first character). */
  shardCount: number;
  /** Page text is fetched in chunks of this many UTF-16 units (only those excerpts need). */
  chunkSize: number;
  /** Traditional → Simplified pairs, only for characters the corpus contains (see fold.ts). */
  fold: string;
  /** Every indexed page, in index order (postings refer to pages by this position). */
  pages: PageInfo[];
}

/** What search needs to know about a page before any of its text is loaded. */
export interface PageInfo {
  /** Path relative to the site base, e.g. "docs/jinan-2024-wuliu/". */
  url: string;
  /** Kind of page (the page's html[data-page]): document, department, concept… */
  type: string;
  title: string;
  /** Length of the indexed text in UTF-16 units (for length-normalised ranking). */
  length: number;
  /** Pagefind-style filters read from data-pagefind-filter: { level: ["市级"], … }. */
  filters: Record<string, string[]>;
  /** Sort keys read from data-pagefind-sort, e.g. { date: "2024-07-30" }. */
  sort: Record<string, string>;
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

/** A page's structure: which section each stretch of its text belongs to. */
export interface PageStructure {
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

/** A page's text and structure, as the offline index holds it. */
export interface PageDetail {
  /** The indexed text; blocks are separated by "\n", which no query can contain. */
  text: string;
  sections: SectionInfo[];
  segments: number[];
}

/** One postings shard: encoded postings (see postings.ts) per bigram. */
export type Shard = Record<string, string>;

/** Where the search engine gets index files from (fetch online, a global offline). */
export interface SearchStore {
  meta(): Promise<SearchMeta>;
  shard(index: number): Promise<Shard>;
  /** Structure of page `page` (fetched for the results shown). */
  structure(page: number): Promise<PageStructure>;
  /** Chunk `chunk` of page `page`'s text: text.slice(chunk × chunkSize, (chunk + 1) × chunkSize). */
  chunk(page: number, chunk: number): Promise<string>;
}

/** The global that search-index.js assigns its {@link OfflineIndex} to. */
export const OFFLINE_GLOBAL = 'policyAtlasSearchIndex';

/**
 * The offline index: the manifest and every page's text, without postings.
 * The offline store rebuilds the shards from the texts in the browser with the
 * same code as the build (build-postings.ts), which keeps search-index.js — and
 * the offline zip — about four times smaller than shipping the postings.
 */
export interface OfflineIndex {
  meta: SearchMeta;
  pages: PageDetail[];
}
