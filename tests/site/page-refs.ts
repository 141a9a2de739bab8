/**
 * What one parsed HTML page links to and which fragment targets it offers.
 *
 * Pure functions over a hast tree; resolving the URLs is resolve-ref.ts's job.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** One URL found in an attribute, with where it was found. */
export interface PageRef {
  /** Tag name, e.g. `a`, `img`, `meta`. */
  element: string;
  /** HTML attribute name, e.g. `href`, `srcset`. */
  attribute: string;
  url: string;
  /** 1-based line and column of the element in the HTML file (built pages are often one long line). */
  line: number;
  column: number;
}

/** An id and every line it occurs on (more than one line means a duplicate). */
export interface IdUse {
  id: string;
  lines: number[];
}

/** Everything link checking needs from one page. */
export interface PageLinks {
  refs: PageRef[];
  /** Names a `#fragment` can target: every id, plus `<a name>` (HTML's legacy anchor). */
  anchors: Set<string>;
  /** The `<base href>` of the page, when it has one. */
  baseHref?: string;
}

// Attributes that hold one URL, by hast property name, per element. `use` and
// `image` are SVG (sprite icons); `meta` is handled separately (refresh).
const URL_ATTRIBUTES: Readonly<Record<string, ReadonlyArray<readonly [property: string, attribute: string]>>> = {
  a: [['href', 'href']],
  area: [['href', 'href']],
  link: [['href', 'href']],
  script: [['src', 'src']],
  img: [['src', 'src']],
  source: [['src', 'src']],
  track: [['src', 'src']],
  audio: [['src', 'src']],
  video: [
    ['src', 'src'],
    ['poster', 'poster'],
  ],
  iframe: [['src', 'src']],
  embed: [['src', 'src']],
  object: [['data', 'data']],
  form: [['action', 'action']],
  button: [['formAction', 'formaction']],
  input: [
    ['formAction', 'formaction'],
    ['src', 'src'],
  ],
  use: [
    ['href', 'href'],
    ['xLinkHref', 'xlink:href'],
  ],
  image: [
    ['href', 'href'],
    ['xLinkHref', 'xlink:href'],
  ],
};

// Link types that name an origin or a non-page resource, never a file of the site.
const ORIGIN_ONLY_RELS = new Set(['preconnect', 'dns-prefetch']);

// Open Graph properties whose content is a URL of the site.
const URL_META_PROPERTIES = new Set(['og:url', 'og:image']);

// `<meta http-equiv="refresh" content="0;url=/x/">`, as Astro writes for redirects.
const REFRESH_URL = /^\s*\d+(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?['"]?([^'"]*)/i;

/** Collects every URL a page refers to and every fragment target it defines. */
export function collectPageLinks(tree: Root): PageLinks {
  const refs: PageRef[] = [];
  const anchors = new Set<string>();
  let baseHref: string | undefined;
  visit(tree, 'element', (node: Element) => {
    const { tagName, properties } = node;
    const line = node.position?.start.line ?? 0;
    const column = node.position?.start.column ?? 0;
    if (typeof properties.id === 'string' && properties.id !== '') anchors.add(properties.id);
    if (tagName === 'a' && typeof properties.name === 'string' && properties.name !== '') anchors.add(properties.name);
    if (tagName === 'base' && typeof properties.href === 'string') baseHref ??= properties.href;
    if (tagName === 'link' && relsOf(node).some((rel) => ORIGIN_ONLY_RELS.has(rel))) return;
    for (const [property, attribute] of URL_ATTRIBUTES[tagName] ?? []) {
      const value = properties[property];
      if (typeof value === 'string') refs.push({ element: tagName, attribute, url: value, line, column });
    }
    if (typeof properties.srcSet === 'string') {
      for (const url of srcsetUrls(properties.srcSet)) refs.push({ element: tagName, attribute: 'srcset', url, line, column });
    }
    if (tagName === 'meta' && String(properties.httpEquiv ?? '').toLowerCase() === 'refresh') {
      const url = REFRESH_URL.exec(String(properties.content ?? ''))?.[1];
      if (url) refs.push({ element: 'meta', attribute: 'content', url, line, column });
    }
    if (tagName === 'meta' && URL_META_PROPERTIES.has(String(properties.property ?? '')) && typeof properties.content === 'string') {
      refs.push({ element: 'meta', attribute: 'content', url: properties.content, line, column });
    }
  });
  return { refs, anchors, baseHref };
}

/** Lists the ids used more than once on a page, with the lines of every use. */
export function duplicateIds(tree: Root): IdUse[] {
  const lines = new Map<string, number[]>();
  visit(tree, 'element', (node: Element) => {
    const id = node.properties.id;
    if (typeof id !== 'string') return;
    const seen = lines.get(id) ?? [];
    seen.push(node.position?.start.line ?? 0);
    lines.set(id, seen);
  });
  return [...lines].filter(([, at]) => at.length > 1).map(([id, at]) => ({ id, lines: at }));
}

/** The URLs of a srcset, split the way the HTML spec parses candidates (URLs may contain commas). */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && /[\s,]/.test(srcset[at]!)) at++;
    const start = at;
    while (at < srcset.length && !/\s/.test(srcset[at]!)) at++;
    let url = srcset.slice(start, at);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      // Skip the descriptors ("2x", "640w") up to the comma that ends this candidate.
      let depth = 0;
      while (at < srcset.length && !(srcset[at] === ',' && depth === 0)) {
        if (srcset[at] === '(') depth++;
        else if (srcset[at] === ')') depth--;
        at++;
      }
    }
    if (url !== '') urls.push(url);
  }
  return urls;
}

function relsOf(node: Element): string[] {
  const rel = node.properties.rel;
  return (Array.isArray(rel) ? rel : typeof rel === 'string' ? rel.split(/\s+/) : []).map((r) => String(r).toLowerCase());
}
