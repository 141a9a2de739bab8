/**
 * rehype plugin: turns one built page into its offline-copy form. Links to
 * the site become relative file URLs, module scripts become classic scripts
 * (Chromium blocks module scripts over file://), things that only make sense
 * on the hosted site are dropped, and a "离线版" banner is added.
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { offlineUrl, siteTarget, relativeUrl, type SiteFiles, type SiteLocation } from './site-urls.ts';

/** Options for {@link rehypeOffline}. */
export interface RehypeOfflineOptions {
  /** The page being rewritten, relative to the site root, e.g. `docs/x/index.html`. */
  file: string;
  site: SiteLocation;
  files: SiteFiles;
  /** The site file of the classic script that replaces a module script (given as a site file); throws when there is none. */
  classicScript: (moduleFile: string, page: string) => string;
  /** Keep `<link rel=canonical>`/`og:url` pointing at the hosted site; false when the site URL is only a local preview. */
  keepCanonical: boolean;
  /** Site file of the banner's stylesheet, linked from every page; no banner when undefined. */
  bannerStylesheet?: string;
  /** Site files left out of the copy: links to them go to the hosted site, or are removed when there is none. */
  isExcluded?: (file: string) => boolean;
}

/** hast properties holding one URL; `data` only on <object>. `dataHref` is the copy-citation target of page.ts. */
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'poster', 'cite', 'xLinkHref', 'dataHref'] as const;

// `<meta http-equiv="refresh" content="0;url=/x/">`, as Astro writes for redirects.
const REFRESH = /^(\s*\d+(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?['"]?)([^'"]*)(.*)$/is;

/** Rewrites a page tree for the offline copy (see the module comment). */
export function rehypeOffline(options: RehypeOfflineOptions) {
  const rewrite = (url: string): string => offlineUrl(url, options.file, options.site, options.files);
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (parent && index !== undefined && (isDropped(node, options) || !retargetExcluded(node, options))) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.tagName === 'script') toClassicScript(node, options);
      const { properties } = node;
      // Canonical links and links sent to the hosted site stay absolute.
      const absolute = properties.dataOnline !== undefined || (node.tagName === 'link' && isCanonical(node));
      for (const name of URL_PROPERTIES) {
        const value = properties[name];
        if (typeof value === 'string' && !absolute) properties[name] = rewrite(value);
      }
      if (node.tagName === 'object' && typeof properties.data === 'string') properties.data = rewrite(properties.data);
      if (typeof properties.srcSet === 'string') properties.srcSet = rewriteSrcset(properties.srcSet, rewrite);
      if (node.tagName === 'meta' && String(properties.httpEquiv ?? '').toLowerCase() === 'refresh') {
        properties.content = String(properties.content ?? '').replace(REFRESH, (_, head: string, url: string, tail: string) => head + rewrite(url) + tail);
      }
      // A crossorigin fetch from a file:// page (origin null) always fails.
      delete properties.crossOrigin;
      return undefined;
    });
    if (options.bannerStylesheet !== undefined) addBanner(tree, options);
  };
}

/** Elements that cannot work or mean nothing in a copy on disk. */
function isDropped(node: Element, options: RehypeOfflineOptions): boolean {
  if (node.tagName === 'link') {
    // Module preloads are CORS fetches, blocked from file://; the scripts they preload are classic now.
    if (relsOf(node).includes('modulepreload')) return true;
    if (isCanonical(node)) return !options.keepCanonical;
  }
  if (node.tagName === 'meta' && node.properties.property === 'og:url') return !options.keepCanonical;
  return false;
}

/**
 * Points a link to a file left out of the copy (the zip itself, Pagefind) at
 * the hosted site. Returns false when the element should be removed instead:
 * there is no hosted site, or it is not a link a reader follows.
 */
function retargetExcluded(node: Element, options: RehypeOfflineOptions): boolean {
  const { isExcluded } = options;
  if (isExcluded === undefined) return true;
  for (const name of URL_PROPERTIES) {
    const value = node.properties[name];
    if (typeof value !== 'string') continue;
    const target = siteTarget(value, options.file, options.site, options.files);
    if (target === null || !isExcluded(target.file)) continue;
    if (!options.keepCanonical || (node.tagName !== 'a' && node.tagName !== 'area')) return false;
    const online = new URL(options.site.base + target.file.replace(/(^|\/)index\.html$/, '$1'), options.site.origin);
    // data-online tells the relative rewrite below to leave this URL alone.
    node.properties[name] = online.href + target.suffix;
    node.properties.dataOnline = 'true';
  }
  return true;
}

function toClassicScript(node: Element, options: RehypeOfflineOptions): void {
  const { properties } = node;
  if (String(properties.type ?? '').toLowerCase() !== 'module' || typeof properties.src !== 'string') return;
  const target = siteTarget(properties.src, options.file, options.site, options.files);
  if (target === null) {
    throw new Error(
      `offline copy: ${options.file} loads the module script "${properties.src}" from outside the site; ` +
        'module scripts are blocked over file://, so every one must be a site file that can be bundled (see scripts/offline/classic-scripts.ts)',
    );
  }
  const classic = options.classicScript(target.file, options.file);
  delete properties.type;
  // Module scripts run after parsing, in order; `defer` keeps that for classic ones.
  properties.defer = true;
  properties.src = relativeUrl(options.file, { file: classic, suffix: '' });
}

/** Adds `<link rel=stylesheet>` for the banner and the banner itself right after the site header (or first in body). */
function addBanner(tree: Root, options: RehypeOfflineOptions): void {
  const html = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  const head = html?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'head');
  const body = html?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'body');
  if (!html || !head || !body) return;
  html.properties.dataOffline = 'true';
  const href = relativeUrl(options.file, { file: options.bannerStylesheet!, suffix: '' });
  head.children.push(element('link', { rel: ['stylesheet'], href }, []));
  const online = options.keepCanonical ? options.site.origin + options.site.base : undefined;
  const text = element('p', {}, [
    element('strong', {}, [{ type: 'text', value: '离线版' }]),
    { type: 'text', value: '：从本机文件打开，无需网络；内容为生成时的版本。' },
    ...(online
      ? [{ type: 'text', value: '在线版：' } as const, element('a', { href: online }, [{ type: 'text', value: online }])]
      : []),
  ]);
  // A labelled landmark of its own, outside the sticky header so it scrolls away and anchors are not hidden under it.
  const banner = element('aside', { className: ['offline-banner'], ariaLabel: '离线版说明' }, [text]);
  const header = body.children.findIndex((node) => node.type === 'element' && node.tagName === 'header');
  body.children.splice(header + 1, 0, banner);
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** `<link rel=canonical>` or `rel=alternate`: URLs of the hosted site, meaningful only as absolute URLs. */
function isCanonical(node: Element): boolean {
  const rels = relsOf(node);
  return rels.includes('canonical') || rels.includes('alternate');
}

function relsOf(node: Element): string[] {
  const rel = node.properties.rel;
  return (Array.isArray(rel) ? rel : typeof rel === 'string' ? rel.split(/\s+/) : []).map((r) => String(r).toLowerCase());
}

/** Rewrites each URL of a srcset, keeping its descriptors ("2x", "640w"); candidates split as the HTML spec parses them. */
export function rewriteSrcset(srcset: string, rewrite: (url: string) => string): string {
  const candidates: string[] = [];
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && /[\s,]/.test(srcset[at]!)) at++;
    const start = at;
    while (at < srcset.length && !/\s/.test(srcset[at]!)) at++;
    let url = srcset.slice(start, at);
    let descriptors = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      // Descriptors run to the next comma outside parentheses.
      const from = at;
      let depth = 0;
      while (at < srcset.length && !(srcset[at] === ',' && depth === 0)) {
        if (srcset[at] === '(') depth++;
        else if (srcset[at] === ')') depth--;
        at++;
      }
      descriptors = srcset.slice(from, at).trim();
    }
    if (url !== '') candidates.push(descriptors === '' ? rewrite(url) : `${rewrite(url)} ${descriptors}`);
  }
  return candidates.join(', ');
}
