/**
 * Lays the index out as files in the built site.
 *
 * Online (fetched, gzip files the browser inflates with DecompressionStream,
 * so the byte count does not depend on the host):
 *   search-data/meta.json.gz      the manifest;
 *   search-data/s/<n>.json.gz     postings shards;
 *   search-data/p/<n>.json.gz     page structures (URL, title, sections and segments);
 *   search-data/t/<n>-<k>.json.gz page text chunks (only those excerpts need are fetched);
 *   search-data/c/<i>.json.gz     concept cards;
 *   search-data/urls.json.gz      every page's URL (read only by the extended search).
 *
 * Offline (search-index/, classic scripts, because a page opened from disk
 * can load <script src> but cannot fetch): the same manifest and shards, and
 * the page details with their whole text in bundles of consecutive pages
 * (at most BUNDLE_CHARS each), all loaded on demand. Each script assigns its
 * value to globalThis[OFFLINE_GLOBAL][name] (types.ts, offlineFile).
 */
import fs from 'node:fs';
import path from 'node:path';
import { OFFLINE_GLOBAL, offlineFile, type OfflineMeta, type PageBundle, type PageDetail } from '../../shared/search/types.ts';
import { chunkCount, chunkOf, structureOf } from '../../shared/search/pages.ts';
import { encodeNumbers } from '../../shared/search/varint.ts';
import { gzipJson, type BuiltIndex } from './build-index.ts';

/** Folder of the online index inside the site. */
export const SEARCH_DATA_DIR = 'search-data';
/** Folder of the offline index inside the site (copied into the offline copy). */
export const OFFLINE_INDEX_DIR = offlineFile.dir;
/**
 * Characters of page text an offline bundle holds at most (a page longer than this has a bundle of
 * its own). The ten results of a first search load up to ten bundles: at 100,000 characters that was
 * about 3 MB of script to read and parse, and the median first result at 2,000 documents was 358–431 ms
 * in Chromium; at 25,000, 266–321 ms (load average 8–15), for 519 bundles instead of 123.
 */
export const BUNDLE_CHARS = 25_000;

/** Site-relative path of each online file (pure; used by the writer and tests). */
export const dataFile = {
  meta: () => `${SEARCH_DATA_DIR}/meta.json.gz`,
  shard: (n: number) => `${SEARCH_DATA_DIR}/s/${n}.json.gz`,
  structure: (n: number) => `${SEARCH_DATA_DIR}/p/${n}.json.gz`,
  chunk: (n: number, k: number) => `${SEARCH_DATA_DIR}/t/${n}-${k}.json.gz`,
  concept: (i: number) => `${SEARCH_DATA_DIR}/c/${i}.json.gz`,
  urls: () => `${SEARCH_DATA_DIR}/urls.json.gz`,
};

/** Every file of the index with its bytes, keyed by site-relative path. */
export function indexFiles(index: BuiltIndex): Map<string, Buffer> {
  return new Map(indexEntries(index));
}

/** First page of each offline bundle: consecutive pages until BUNDLE_CHARS of text. */
export function bundleStarts(pages: readonly PageDetail[], limit = BUNDLE_CHARS): number[] {
  const starts: number[] = [];
  let size = Infinity;
  pages.forEach((p, n) => {
    if (size + p.text.length > limit) {
      starts.push(n);
      size = 0;
    }
    size += p.text.length;
  });
  return starts;
}

/** An offline script that files `value` under `name`. */
export function offlineScript(name: string, value: unknown): Buffer {
  const g = `globalThis.${OFFLINE_GLOBAL}`;
  return Buffer.from(`${g}=${g}||{};${g}[${JSON.stringify(name)}]=${JSON.stringify(value)};\n`);
}

/**
 * The files of the index one at a time, so the writer holds one file's bytes
 * at a time rather than the whole index (hundreds of MB on a large site).
 */
function* indexEntries(index: BuiltIndex): Generator<[string, Buffer]> {
  const { meta } = index;
  for (let n = 0; n < index.shards.length; n++) {
    yield [dataFile.shard(n), index.shardFiles[n]];
    yield [offlineFile.path(offlineFile.shard(n)), offlineScript(offlineFile.shard(n), index.shards[n])];
  }
  for (let n = 0; n < index.pages.length; n++) {
    const page = index.pages[n];
    yield [dataFile.structure(n), gzipJson(structureOf(page))];
    for (let k = 0; k < chunkCount(page.text, meta.chunkSize); k++) yield [dataFile.chunk(n, k), gzipJson(chunkOf(page.text, k, meta.chunkSize))];
  }
  const starts = bundleStarts(index.pages);
  for (let b = 0; b < starts.length; b++) {
    const bundle: PageBundle = { first: starts[b], pages: index.pages.slice(starts[b], starts[b + 1] ?? index.pages.length) };
    yield [offlineFile.path(offlineFile.bundle(b)), offlineScript(offlineFile.bundle(b), bundle)];
  }
  for (let i = 0; i < index.cards.length; i++) yield [dataFile.concept(i), gzipJson(index.cards[i])];
  yield [offlineFile.path(offlineFile.concepts()), offlineScript(offlineFile.concepts(), index.cards)];
  yield [dataFile.urls(), gzipJson(index.pages.map((p) => p.url))];
  // The manifests last: a reader of a half-written index finds the old manifest or none.
  const offline: OfflineMeta = { ...meta, bundles: encodeNumbers(starts) };
  yield [offlineFile.path(offlineFile.meta()), offlineScript(offlineFile.meta(), offline)];
  yield [dataFile.meta(), gzipJson(meta)];
}

/** What {@link writeIndex} wrote. */
export interface WrittenIndex {
  /** Bytes and files of the online index (search-data/). */
  online: number;
  onlineFiles: number;
  /** Bytes and files of the offline index (search-index/), and its largest file. */
  offline: number;
  offlineFiles: number;
  largestOffline: number;
}

/** Writes the index into siteDir (replacing an older one). */
export function writeIndex(siteDir: string, index: BuiltIndex): WrittenIndex {
  fs.rmSync(path.join(siteDir, SEARCH_DATA_DIR), { recursive: true, force: true });
  fs.rmSync(path.join(siteDir, OFFLINE_INDEX_DIR), { recursive: true, force: true });
  const written: WrittenIndex = { online: 0, onlineFiles: 0, offline: 0, offlineFiles: 0, largestOffline: 0 };
  const folders = new Set<string>();
  for (const [rel, bytes] of indexEntries(index)) {
    const file = path.join(siteDir, rel);
    const folder = path.dirname(file);
    if (!folders.has(folder)) fs.mkdirSync(folder, { recursive: true });
    folders.add(folder);
    fs.writeFileSync(file, bytes);
    if (rel.startsWith(`${OFFLINE_INDEX_DIR}/`)) {
      written.offline += bytes.length;
      written.offlineFiles++;
      written.largestOffline = Math.max(written.largestOffline, bytes.length);
    } else {
      written.online += bytes.length;
      written.onlineFiles++;
    }
  }
  return written;
}
