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
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { OFFLINE_GLOBAL, offlineFile, type OfflineMeta, type PageBundle, type PageDetail } from '../../shared/search/types.ts';
import { chunkCount, chunkOf, structureOf } from '../../shared/search/pages.ts';
import { encodeNumbers } from '../../shared/varint.ts';
import { gzipText, type BuiltIndex } from './build-index.ts';
import { type PublishedFileRecord, type PublishedFileRecords, type PublishedFiles, writeOrLinkPublished } from '../contract/published-files.ts';

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
  return new Map([...indexEntries(index)].map((entry) => [entry.rel, bytesOf(entry)]));
}

/**
 * One file of the index before its bytes are made: JSON to gzip (the online files), an offline script's
 * text, or bytes already made (the shards, which the index gzipped to cost and identify them).
 */
interface IndexEntry {
  rel: string;
  text?: string;
  gzip?: boolean;
  bytes?: Buffer;
}

function bytesOf(entry: IndexEntry): Buffer {
  if (entry.bytes) return entry.bytes;
  return entry.gzip ? gzipText(entry.text!) : Buffer.from(entry.text!);
}

/**
 * What an entry's bytes are made from, as a digest: two entries with the same identity have the same bytes.
 * Gzipped text includes zlib's version, whose output for the same text may change between versions.
 */
function identityOf(entry: IndexEntry): string {
  const hash = crypto.createHash('sha256');
  if (entry.bytes) hash.update('bytes\0').update(entry.bytes);
  else hash.update(entry.gzip ? `gzip ${process.versions.zlib}\0` : 'text\0').update(entry.text!);
  return hash.digest('base64url');
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
  return Buffer.from(offlineScriptText(name, value));
}

function offlineScriptText(name: string, value: unknown): string {
  const g = `globalThis.${OFFLINE_GLOBAL}`;
  return `${g}=${g}||{};${g}[${JSON.stringify(name)}]=${JSON.stringify(value)};\n`;
}

const json = (rel: string, value: unknown): IndexEntry => ({ rel, text: JSON.stringify(value), gzip: true });
const script = (name: string, value: unknown): IndexEntry => ({ rel: offlineFile.path(name), text: offlineScriptText(name, value) });

/**
 * The files of the index one at a time, so the writer holds one file's bytes
 * at a time rather than the whole index (hundreds of MB on a large site).
 */
function* indexEntries(index: BuiltIndex): Generator<IndexEntry> {
  const { meta } = index;
  for (let n = 0; n < index.shards.length; n++) {
    yield { rel: dataFile.shard(n), bytes: index.shardFiles[n] };
    yield script(offlineFile.shard(n), index.shards[n]);
  }
  for (let n = 0; n < index.pages.length; n++) {
    const page = index.pages[n];
    yield json(dataFile.structure(n), structureOf(page));
    for (let k = 0; k < chunkCount(page.text, meta.chunkSize); k++) yield json(dataFile.chunk(n, k), chunkOf(page.text, k, meta.chunkSize));
  }
  const starts = bundleStarts(index.pages);
  for (let b = 0; b < starts.length; b++) {
    const bundle: PageBundle = { first: starts[b], pages: index.pages.slice(starts[b], starts[b + 1] ?? index.pages.length) };
    yield script(offlineFile.bundle(b), bundle);
  }
  for (let i = 0; i < index.cards.length; i++) yield json(dataFile.concept(i), index.cards[i]);
  yield script(offlineFile.concepts(), index.cards);
  yield json(
    dataFile.urls(),
    index.pages.map((p) => p.url),
  );
  const offline: OfflineMeta = { ...meta, bundles: encodeNumbers(starts) };
  yield script(offlineFile.meta(), offline);
  yield json(dataFile.meta(), meta);
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
  /** Files linked from the published index rather than written (see {@link IndexFileRecord}). */
  reused: number;
  /** Every file written, by identity: what the next build may reuse once this one is published. */
  records: IndexFileRecords;
}

/** A file of a written index (scripts/contract/published-files.ts). */
export type IndexFileRecord = PublishedFileRecord;

/** Records by identity (a digest of what the file's bytes are made from). */
export type IndexFileRecords = PublishedFileRecords;

/** The published index a build may link files from: the published site's folder and its records. */
export type PublishedIndex = PublishedFiles;

/**
 * Writes the index into siteDir (replacing an older one). With `published`, a file whose bytes the published
 * index already holds is hard-linked from it instead of made and written: on 2,019 documents, writing the
 * 34,900 files (gzip level 9, then one file each) took 8.2 of the search step's 12.1 CPU-seconds.
 */
export function writeIndex(siteDir: string, index: BuiltIndex, published?: PublishedIndex): WrittenIndex {
  fs.rmSync(path.join(siteDir, SEARCH_DATA_DIR), { recursive: true, force: true });
  fs.rmSync(path.join(siteDir, OFFLINE_INDEX_DIR), { recursive: true, force: true });
  const written: WrittenIndex = { online: 0, onlineFiles: 0, offline: 0, offlineFiles: 0, largestOffline: 0, reused: 0, records: {} };
  const folders = new Set<string>();
  for (const entry of indexEntries(index)) {
    const file = path.join(siteDir, entry.rel);
    const folder = path.dirname(file);
    if (!folders.has(folder)) fs.mkdirSync(folder, { recursive: true });
    folders.add(folder);
    const identity = identityOf(entry);
    const { stamp, linked } = writeOrLinkPublished(file, identity, () => bytesOf(entry), published);
    if (linked) written.reused++;
    written.records[identity] = { rel: entry.rel, ...stamp };
    const { size } = stamp;
    if (entry.rel.startsWith(`${OFFLINE_INDEX_DIR}/`)) {
      written.offline += size;
      written.offlineFiles++;
      written.largestOffline = Math.max(written.largestOffline, size);
    } else {
      written.online += size;
      written.onlineFiles++;
    }
  }
  return written;
}
