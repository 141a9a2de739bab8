/**
 * The site's Atom feeds by name: the whole collection, one per region (every
 * level of every document's region path) and one per concept. A name is the
 * feed's path under feeds/ without ".xml"; paths.feed(name) gives its URL.
 */
import { pinyinSlug } from './slug.ts';

/** The collection's feed. */
export const ALL_FEED = 'all';

/** The feed of a region, from its path (outermost first): ["山东省", "济南市"] → "regions/shandongsheng-jinanshi". */
export function regionFeed(region: readonly string[]): string {
  return `regions/${region.map((name) => pinyinSlug(name) || 'x').join('-')}`;
}

/** The id of the home page section of a region (the region feed's page). */
export function regionSectionId(region: readonly string[]): string {
  return regionFeed(region).replace('regions/', 'region-');
}

/** The feed of a concept, by its id. */
export function conceptFeed(id: string): string {
  return `concepts/${id}`;
}

/** Every prefix of a region path: ["山东省"], ["山东省", "济南市"], … (a document belongs to each region above it). */
export function regionPrefixes(region: readonly string[]): string[][] {
  return region.map((_, i) => region.slice(0, i + 1));
}
