/**
 * Builds the postings shards from the pages' folded texts (pure). Run at build
 * time to write the online shards, and in the browser by the offline store,
 * which ships page texts only and rebuilds the very same shards from them.
 */
import { bigramAt, shardOf } from './bigrams.ts';
import { foldText, type FoldMap } from './fold.ts';
import { encodePostings, type PagePostings } from './postings.ts';
import type { PageDetail, Shard } from './types.ts';

/** Every bigram's encoded postings, pages ascending and positions ascending. */
export function encodedPostings(folded: string[]): Map<string, string> {
  const postings = new Map<string, PagePostings[]>();
  folded.forEach((text, page) => {
    for (let i = 0; i < text.length; i++) {
      const key = bigramAt(text, i);
      if (key === null) continue;
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      const last = list[list.length - 1];
      if (last && last.page === page) last.positions.push(i);
      else list.push({ page, positions: [i] });
    }
  });
  return new Map([...postings].map(([key, list]) => [key, encodePostings(list)]));
}

/** Distributes encoded postings over `shardCount` shards by the first character of each bigram. */
export function shardPostings(encoded: Map<string, string>, shardCount: number): Shard[] {
  const shards: Shard[] = Array.from({ length: shardCount }, () => ({}));
  for (const key of [...encoded.keys()].sort()) shards[shardOf(key, shardCount)][key] = encoded.get(key)!;
  return shards;
}

/** The shards of a set of pages, folded with the index's map (what the offline store does). */
export function shardsFromPages(pages: PageDetail[], fold: FoldMap, shardCount: number): Shard[] {
  return shardPostings(encodedPostings(pages.map((p) => foldText(p.text, fold))), shardCount);
}
