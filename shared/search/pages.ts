/**
 * A page's text as the index serves it: its structure in one piece and its
 * text in fixed-size chunks, cut the same way by the build (files fetched
 * online) and by the offline store (from the page bundles of search-index/).
 */
import type { PageDetail, PageStructure } from './types.ts';

/** Chunk size in UTF-16 units: ~3 KB of Chinese before gzip, a line or two of context around a match. */
export const CHUNK_SIZE = 512;

/** The structure of a page (everything but its text). */
export function structureOf(detail: PageDetail): PageStructure {
  return { url: detail.url, title: detail.title, length: detail.text.length, sections: detail.sections, segments: detail.segments };
}

/** Chunk k of a text. */
export function chunkOf(text: string, k: number, chunkSize: number): string {
  return text.slice(k * chunkSize, (k + 1) * chunkSize);
}

/** How many chunks a text has. */
export function chunkCount(text: string, chunkSize: number): number {
  return Math.ceil(text.length / chunkSize);
}
