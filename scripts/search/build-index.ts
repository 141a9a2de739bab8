/**
 * Builds the search index from extracted pages and the glossary (pure): the
 * manifest, the postings shards, one detail record per page and one card per concept.
 *
 * Why a positional bigram index and not Pagefind's (measured on the seeds
 * site with Pagefind 1.6.0, forceLanguage zh-cn): Pagefind segments words at
 * index time and with Intl.Segmenter at query time, so results are either
 * noisy or incomplete — 链长制 returned 15 pages, 3 of which contain it;
 * "新能源汽车" in quotes returned 0 of the 7 documents with it; 鏈長制 returned
 * 60 pages, none containing 链长制. Bigram positions answer every substring
 * exactly, and a shard is small enough to fetch per query (figures: npm run bench).
 *
 * What becomes a page of the index: documents with their whole text, and
 * departments by their name only (a department page lists other documents'
 * task headings, which the documents themselves already give). Concepts are
 * listed in the manifest for the concept card, not indexed as pages.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { PostingsJoiner, type PagePostingParts } from '../../shared/search/build-postings.ts';
import { foldText, packFoldMap } from '../../shared/search/fold.ts';
import { CHUNK_SIZE } from '../../shared/search/pages.ts';
import { encodePageTable, type PageInfo } from '../../shared/search/page-table.ts';
import type { ConceptCard, ConceptEntry, PageDetail, SearchMeta, Shard } from '../../shared/search/types.ts';
import type { ExtractedPage } from './extract.ts';
import { foldMapFor, traditionalToSimplified } from './fold-map.ts';
import { planRouting, shardPostings, TARGET_SHARD_CHARS } from './shard-plan.ts';

/** A glossary concept as the index needs it. */
export interface ConceptSource {
  id: string;
  name: string;
  aliases: string[];
  definition: string;
  /** Documents that use it. */
  documents: number;
}

/** Options for {@link buildIndex}. */
export interface BuildIndexOptions {
  /** Encoded postings a shard aims at; default TARGET_SHARD_CHARS. */
  shardTarget?: number;
  /** Text chunk size; default CHUNK_SIZE. */
  chunkSize?: number;
  /** Pages' postings kept from an earlier build, and where this build's are kept; none by default. */
  postings?: PagePostingsStore;
}

/**
 * Pages' postings kept between builds (scripts/steps/search-step.ts), by the folded text and heading ranges
 * they were made from. In a profile of a build adding one document to 2,019, the postings took 8.5 s of the
 * index's 12.6, nearly all of it reading the texts; joined from kept parts, 4.6 s (1.2 of it reading them).
 */
export interface PagePostingsStore {
  get(folded: string, headings: readonly number[]): PagePostingParts | undefined;
  set(folded: string, headings: readonly number[], parts: PagePostingParts): void;
}

/** The whole index as built: manifest, shards (and their gzip files), page details and concept cards. */
export interface BuiltIndex {
  meta: SearchMeta;
  shards: Shard[];
  /** Each shard as the gzip file served online (its size sets meta.shardCost). */
  shardFiles: Buffer[];
  pages: PageDetail[];
  cards: ConceptCard[];
}

/** Kinds of page the index keeps, in index order. */
export const INDEXED_TYPES = ['document', 'department'] as const;

/** Gzip as the online index files are written (level 9: written once, fetched many times). */
export const gzipText = (text: string): Buffer => gzipSync(text, { level: 9 });
/** The same, of a value's JSON. */
export const gzipJson = (value: unknown): Buffer => gzipText(JSON.stringify(value));

/** The page as the index keeps it: a department by its name alone (the title, as one heading block). */
export function indexedPage(page: ExtractedPage): ExtractedPage {
  if (page.type !== 'department') return page;
  return { ...page, text: page.title, sections: [], segments: [0, -1], headings: page.title ? [0, page.title.length] : [] };
}

/** Pages in index order: documents, then departments, each by URL; other kinds are left out. */
export function indexOrder(pages: readonly ExtractedPage[]): ExtractedPage[] {
  const rank = (p: ExtractedPage) => (INDEXED_TYPES as readonly string[]).indexOf(p.type);
  return pages
    .filter((p) => rank(p) >= 0)
    .map(indexedPage)
    .sort((a, b) => rank(a) - rank(b) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** Size class of a file for meta.shardCost: c such that 256 × 2^c is the nearest power of two at or above its bytes. */
export function costClass(bytes: number): number {
  return Math.min(31, Math.max(0, Math.ceil(Math.log2(Math.max(1, bytes) / 256))));
}

/** Builds the whole index. */
export function buildIndex(source: ExtractedPage[], concepts: readonly ConceptSource[], options: BuildIndexOptions = {}): BuiltIndex {
  const pages = indexOrder(source);
  const full = traditionalToSimplified();
  const fullMap = Object.fromEntries(full);
  const folded = pages.map((p) => foldText(p.text, fullMap));
  const entries: ConceptEntry[] = concepts.map((c) => ({
    id: c.id,
    name: c.name,
    terms: [...new Set([c.name, ...c.aliases].map((t) => foldText(t.replace(/\s+/g, ' ').trim(), fullMap)).filter(Boolean))],
  }));
  const fold = foldMapFor(unitsOf([...folded, ...entries.flatMap((e) => e.terms)]), full);

  const joiner = new PostingsJoiner();
  const store = options.postings;
  folded.forEach((text, n) => {
    const { headings } = pages[n];
    const kept = store?.get(text, headings);
    if (kept) return joiner.addParts(kept);
    const parts = joiner.addText(text, headings, store !== undefined);
    if (parts) store?.set(text, headings, parts);
  });
  const encoded = joiner.result();
  const routing = planRouting(encoded, options.shardTarget ?? TARGET_SHARD_CHARS);
  const shards = shardPostings(encoded, routing);
  const shardFiles = shards.map(gzipJson);

  const infos: PageInfo[] = pages.map((p) => ({
    type: p.type,
    length: p.text.length,
    titleLength: p.title && p.text.startsWith(p.title) && (p.text.length === p.title.length || p.text[p.title.length] === '\n') ? p.title.length : 0,
    date: p.sort.date ?? '',
    filters: p.filters,
  }));
  const details: PageDetail[] = pages.map((p) => ({
    url: p.url,
    title: p.title,
    length: p.text.length,
    sections: p.sections,
    segments: p.segments,
    text: p.text,
  }));
  const cards: ConceptCard[] = concepts.map((c) => ({ id: c.id, name: c.name, definition: c.definition, documents: c.documents }));
  const meta: SearchMeta = {
    version: 2,
    buildId: '',
    chunkSize: options.chunkSize ?? CHUNK_SIZE,
    fold: packFoldMap(fold),
    routing,
    shardCost: shardFiles.map((f) => costClass(f.length).toString(32)).join(''),
    pages: encodePageTable(infos),
    concepts: entries,
  };
  meta.buildId = buildIdOf(meta, shardFiles, details, cards);
  return { meta, shards, shardFiles, pages: details, cards };
}

/** The first 12 hex digits of a SHA-256 over everything the index serves. */
function buildIdOf(meta: SearchMeta, shardFiles: readonly Buffer[], details: readonly PageDetail[], cards: readonly ConceptCard[]): string {
  const hash = createHash('sha256').update(JSON.stringify(meta));
  for (const file of shardFiles) hash.update(file);
  // Text first, then the rest of the record: the same bytes as JSON, without building one string of all pages.
  for (const d of details) hash.update(d.text).update(JSON.stringify([d.url, d.title, d.sections, d.segments]));
  return hash.update(JSON.stringify(cards)).digest('hex').slice(0, 12);
}

/**
 * The UTF-16 units the texts contain, as one-unit strings. foldMapFor only
 * asks about single BMP characters, so units answer as well as code points
 * do, and a table of 65,536 flags is much cheaper than a Set add per character.
 */
function unitsOf(texts: readonly string[]): Set<string> {
  const seen = new Uint8Array(0x10000);
  for (const text of texts) for (let i = 0; i < text.length; i++) seen[text.charCodeAt(i)] = 1;
  const units = new Set<string>();
  seen.forEach((flag, unit) => flag && units.add(String.fromCharCode(unit)));
  return units;
}
