/**
 * The extended search (扩展检索) over Pagefind's own index, as pure functions:
 * the filters it is asked with, its HTML excerpts turned into text parts, and
 * its results reduced to the pages the exact search did not already list.
 * Pagefind segments words, so these pages may not contain the query at all;
 * the exact bigram search stays the primary list (see scripts/search/build-index.ts).
 */
import { passes, type Selection } from './filters.ts';
import type { ExcerptPart } from './sections.ts';
import type { PageInfo } from './page-table.ts';

/** A sub-result of a Pagefind page: a heading section (with anchor) or the page start. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string };
  weighted_locations?: Array<{ balanced_score: number }>;
}

/** What `result.data()` resolves to (the fields used here). */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: PagefindSubResult[];
}

/** One extra result, ready to show. */
export interface ExtraResult {
  /** The page's position in the exact index. */
  page: number;
  info: PageInfo;
  /** Site-relative URL of the page. */
  url: string;
  /** Path relative to the site base: the best sub-result's anchor, or the page. */
  href: string;
  title: string;
  /** The heading of the best sub-result, when it has an anchor. */
  heading: string;
  excerpt: ExcerptPart[];
}

/** A Pagefind filter value: any of the chosen values (our filters are OR within a key). */
export type PagefindFilters = Record<string, { any: string[] }>;

/**
 * The reader's selection as Pagefind filters. "type" is not a Pagefind filter
 * (it comes from html[data-page]), so it is applied afterwards by {@link extraResults}.
 */
export function pagefindFilters(selection: Selection): PagefindFilters {
  const out: PagefindFilters = {};
  for (const [key, values] of Object.entries(selection)) if (key !== 'type' && values.length > 0) out[key] = { any: [...values] };
  return out;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the character references Pagefind writes into excerpts. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A Pagefind excerpt ("…<mark>链</mark>…") as text parts; any other tag is dropped, never rendered. */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of html.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) mark = true;
    else if (/^<\/mark>$/i.test(piece)) mark = false;
    else {
      const text = decodeEntities(piece.replace(/<[^>]*>/g, ''));
      if (!text) continue;
      const last = parts[parts.length - 1];
      if (last && last.mark === mark) last.text += text;
      else parts.push({ text, mark });
    }
  }
  return parts;
}

/** The site-relative path of a Pagefind URL, or null when it is not under `basePath` ("/" or "/sub/"). */
export function sitePath(url: string, basePath: string): string | null {
  return url.startsWith(basePath) ? url.slice(basePath.length) : null;
}

/** The sub-result with the highest score that has an anchor, if any. */
export function bestSubResult(data: PagefindData): PagefindSubResult | undefined {
  const score = (s: PagefindSubResult) => (s.weighted_locations ?? []).reduce((sum, w) => sum + w.balanced_score, 0);
  let best: PagefindSubResult | undefined;
  for (const sub of data.sub_results) if (sub.anchor && (!best || score(sub) > score(best))) best = sub;
  return best;
}

/** The exact index's pages as the extended search needs them: URLs and infos in index order. */
export interface IndexPages {
  urls: readonly string[];
  pages: readonly PageInfo[];
}

/**
 * Pagefind pages reduced to the extra results: pages the site's index knows,
 * passing the selection, not in `shown` (page indexes: the exact results and
 * extra results listed before) and not repeated.
 */
export function extraResults(found: PagefindData[], index: IndexPages, shown: ReadonlySet<number>, selection: Selection, basePath: string): ExtraResult[] {
  const byUrl = new Map(index.urls.map((url, page) => [url, page]));
  const seen = new Set<number>();
  const out: ExtraResult[] = [];
  for (const data of found) {
    const path = sitePath(data.url, basePath);
    const page = path === null ? undefined : byUrl.get(path);
    if (page === undefined || shown.has(page) || seen.has(page) || !passes(index.pages[page], selection)) continue;
    seen.add(page);
    const url = index.urls[page];
    const best = bestSubResult(data);
    const bestPath = best ? sitePath(best.url, basePath) : null;
    out.push({
      page,
      info: index.pages[page],
      url,
      href: best && bestPath ? bestPath : url,
      title: data.meta.title || url,
      heading: best ? best.title : '',
      excerpt: excerptParts(best ? best.excerpt : data.excerpt),
    });
  }
  return out;
}
