/**
 * What the compare stage publishes for the pages: the shape of content/generated/compare.json (and the 相似任务
 * lists beside it) and the compare URL of two documents. Here, not in the build step that writes the file, so the Astro pages read it without importing a
 * build step (tests/unit/architecture/stages.ts).
 */
import type { CompareResult } from './run.ts';
import { paths } from '../urls/paths.ts';

/** What the compare stage publishes: its result without the client payloads (those are separate files) and the hierarchy alignments (the relations stage's input). */
export type CompareData = Omit<CompareResult, 'client' | 'hierarchy'> & { generatedBy: string };

/** A document's 相似任务 lists as written beside compare.json: the file (relative to its folder), the sha256 of its bytes, the other documents the lists name (sorted). */
export interface SimilarRef {
  file: string;
  digest: string;
  others: string[];
}

/** compare.json as written (scripts/compare/compare-files.ts): each document's 相似任务 lists in a file of their own, named here. */
export type CompareFile = Omit<CompareData, 'similar'> & { similar: Record<string, SimilarRef> };

/** One document's 相似任务 lists file: per task eid. */
export interface SimilarLists {
  similar: CompareResult['similar'][string];
}

/** The compare URL for two documents: their pre-rendered page when there is one, else the compare page's query. */
export function compareHref(pairs: CompareResult['pairs'], a: string, b: string): string {
  const pre = pairs.find((p) => p.kind !== 'version' && ((p.a === a && p.b === b) || (p.a === b && p.b === a)));
  return pre ? paths.comparePair(pre.a, pre.b) : `${paths.compare()}?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
}
