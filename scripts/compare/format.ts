/**
 * Plain-text formatting shared by the compare views. Kept free of Node and
 * site imports so the compare page's client can bundle it.
 */
import type { Target } from '../ingest/model.ts';

/** Reads a comparator the way a Chinese reader writes it (as scripts/site/mdx-tree.ts does on document pages). */
export function comparatorText(c: Target['comparator']): string {
  return { eq: '', gte: '≥', gt: '>', lte: '≤', lt: '<', approx: '约' }[c];
}

/** A target as "≥350亿元（2026年）". */
export function targetText(t: Target): string {
  return `${comparatorText(t.comparator)}${t.value}${t.unit}${t.year ? `（${t.year}年）` : ''}`;
}
