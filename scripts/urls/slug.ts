/**
 * ASCII slugs from Chinese names, via pinyin (pinyin-pro). Slugs are derived
 * from names only — never from positions — so they survive seed reordering.
 */
import { pinyin } from 'pinyin-pro';

/** Full toneless pinyin of `text`, syllables joined, non-letters dropped: "区财政局" → "qucaizhengju". */
export function pinyinSlug(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return syllables
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Pinyin initials of `text`: "新型工业化" → "xxgyh". */
export function pinyinInitials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Makes slugs unique deterministically: names are sorted (by code point) before
 * numbering collisions, so the result does not depend on input order.
 */
export function uniqueSlugs(names: string[], slugOf: (name: string) => string): Map<string, string> {
  const result = new Map<string, string>();
  const used = new Map<string, number>();
  for (const name of [...new Set(names)].sort()) {
    const slug = slugOf(name) || 'x';
    const count = used.get(slug) ?? 0;
    used.set(slug, count + 1);
    result.set(name, count === 0 ? slug : `${slug}-${count + 1}`);
  }
  return result;
}

/** Compares two Chinese strings by pinyin, for indexes sorted "by pinyin". */
export function comparePinyin(a: string, b: string): number {
  const ka = pinyinSlug(a);
  const kb = pinyinSlug(b);
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
