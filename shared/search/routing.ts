/**
 * Which postings shard holds a bigram. Bigrams are grouped by their first
 * character, so a one-character query reads the shards of that character
 * only; a character whose bigrams would make a shard heavier than the build's
 * target (产, 发, 1 … on a large site) is split over several shards by the
 * bigram's second character, so a query that needs one of its bigrams fetches
 * a part, not all of it. The build chooses the splits (scripts/search/shard-plan.ts);
 * the manifest carries them.
 */
import { decodeNumbers, encodeNumbers } from '../varint.ts';

/** The routing as the manifest stores it. */
export interface PackedRouting {
  /** Shards for characters that are not split (shards 0 … base − 1). */
  base: number;
  /** The split characters, one UTF-16 unit each, in the order their shards follow the base ones. */
  split: string;
  /** How many shards each split character has (encoded numbers, same order). */
  parts: string;
}

/** The routing ready to use: split characters with their first shard and shard count. */
export interface ShardRouting {
  base: number;
  split: ReadonlyMap<string, { first: number; count: number }>;
  /** Total number of shards. */
  shards: number;
}

/** A stable hash of one UTF-16 unit into [0, n). */
export function unitHash(unit: string, n: number): number {
  return (Math.imul(unit.charCodeAt(0), 0x9e3779b1) >>> 0) % n;
}

/** Unpacks the manifest's routing. */
export function unpackRouting(packed: PackedRouting): ShardRouting {
  const parts = decodeNumbers(packed.parts, "the search index's routing");
  if (parts.length !== packed.split.length) throw new Error('search index: routing lists do not match');
  const split = new Map<string, { first: number; count: number }>();
  let next = packed.base;
  for (let i = 0; i < parts.length; i++) {
    split.set(packed.split[i], { first: next, count: parts[i] });
    next += parts[i];
  }
  return { base: packed.base, split, shards: next };
}

/** Packs a routing for the manifest (the inverse of {@link unpackRouting}). */
export function packRouting(base: number, split: ReadonlyArray<readonly [string, number]>): PackedRouting {
  return { base, split: split.map(([unit]) => unit).join(''), parts: encodeNumbers(split.map(([, count]) => count)) };
}

/** The shard of a bigram (two UTF-16 units; the second may be the block break). */
export function shardOfKey(key: string, routing: ShardRouting): number {
  const part = routing.split.get(key[0]);
  return part ? part.first + unitHash(key[1], part.count) : unitHash(key[0], routing.base);
}

/** Every shard holding a bigram that starts with `unit` (what a one-character query reads). */
export function shardsOfUnit(unit: string, routing: ShardRouting): number[] {
  const part = routing.split.get(unit);
  if (!part) return [unitHash(unit, routing.base)];
  return Array.from({ length: part.count }, (_, i) => part.first + i);
}
