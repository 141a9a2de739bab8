/**
 * Builds the search index from extracted pages (pure): the manifest, the
 * postings shards and one detail record per page.
 *
 * Why a positional bigram index and not Pagefind's (measured on the seeds
 * site with Pagefind 1.6.0, forceLanguage zh-cn): Pagefind segments words at
 * index time and with Intl.Segmenter at query time, so results are either
 * noisy or incomplete — 链长制 returned 15 pages, 3 of which contain it;
 * "新能源汽车" in quotes returned 0 of the 7 documents with it; 鏈長制 returned
 * 60 pages, none containing 链长制. Bigram positions answer every substring
 * exactly, and a shard is small enough to fetch per query (figures: npm run bench).
 */
import { encodedPostings, shardPostings } from '../../src/lib/search/build-postings.ts';
import { foldText, packFoldMap } from '../../src/lib/search/fold.ts';
import { CHUNK_SIZE } from '../../src/lib/search/pages.ts';
import type { PageDetail, PageInfo, SearchMeta, Shard } from '../../src/lib/search/types.ts';
import type { ExtractedPage } from './extract.ts';
import { foldMapFor, traditionalToSimplified } from './fold-map.ts';
import { sha256OfJson } from './json-pieces.ts';

/** Options for {@link buildIndex}. */
export interface BuildIndexOptions {
  /** Number of shards; by default chosen so an average shard stays near {@link TARGET_SHARD_CHARS}. */
  shardCount?: number;
  /** Text chunk size; default CHUNK_SIZE. */
  chunkSize?: number;
}

/** Average encoded postings per shard the automatic shard count aims for (≈ 4 KB gzipped). */
export const TARGET_SHARD_CHARS = 12_000;

/** The automatic shard count: a power of two between 16 and 4096. */
export function chooseShardCount(totalChars: number): number {
  let count = 16;
  while (count < 4096 && totalChars / count > TARGET_SHARD_CHARS) count *= 2;
  return count;
}

/** The whole index as built: manifest, shards and page details. */
export interface BuiltIndex {
  meta: SearchMeta;
  shards: Shard[];
  pages: PageDetail[];
}

/** Builds the whole index; pages keep their order (URLs sorted by the caller). */
export function buildIndex(pages: ExtractedPage[], options: BuildIndexOptions = {}): BuiltIndex {
  const full = traditionalToSimplified();
  const fullMap = Object.fromEntries(full);
  const folded = pages.map((p) => foldText(p.text, fullMap));
  const fold = foldMapFor(unitsOf(folded), full);

  const encoded = encodedPostings(folded);
  let totalChars = 0;
  for (const [key, value] of encoded) totalChars += key.length + value.length + 6;
  const shardCount = options.shardCount ?? chooseShardCount(totalChars);
  const shards = shardPostings(encoded, shardCount);

  const infos: PageInfo[] = pages.map((p) => ({ url: p.url, type: p.type, title: p.title, length: p.text.length, filters: p.filters, sort: p.sort }));
  const details: PageDetail[] = pages.map((p) => ({ text: p.text, sections: p.sections, segments: p.segments }));
  const packed = packFoldMap(fold);
  const buildId = sha256OfJson([infos, packed, shards, details]).slice(0, 12);
  return { meta: { version: 1, buildId, shardCount, chunkSize: options.chunkSize ?? CHUNK_SIZE, fold: packed, pages: infos }, shards, pages: details };
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
