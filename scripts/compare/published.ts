/**
 * What the compare stage publishes for the pages: the shape of content/generated/compare.json and the compare URL of
 * two documents. Here, not in the build step that writes the file, so the Astro pages read it without importing a
 * build step (tests/unit/architecture/stages.ts).
 */
import type { CompareResult } from './run.ts';
import { paths } from '../urls/paths.ts';

/** compare.json: the compare result without the client payloads (those are separate files) and the hierarchy alignments (the relations stage's input). */
export type CompareData = Omit<CompareResult, 'client' | 'hierarchy'> & { generatedBy: string };

/** The compare URL for two documents: their pre-rendered page when there is one, else the compare page's query. */
export function compareHref(pairs: CompareResult['pairs'], a: string, b: string): string {
  const pre = pairs.find((p) => p.kind !== 'version' && ((p.a === a && p.b === b) || (p.a === b && p.b === a)));
  return pre ? paths.comparePair(pre.a, pre.b) : `${paths.compare()}?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
}
