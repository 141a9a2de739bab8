/**
 * Turns one built page into its offline-copy form. Links to the site become
 * relative file URLs, module scripts become classic scripts (Chromium blocks
 * module scripts over file://), things that only make sense on the hosted site
 * are dropped, and a "离线版" banner is added.
 *
 * The page is tokenized (htmlparser2), not parsed into a tree and serialised
 * again: only the start tags that change are written anew, and every other
 * byte of the page is copied as Astro wrote it. That keeps the text exactly as
 * built, and is several times faster than a tree round trip, which was most of
 * the offline copy's time on a large site.
 */
import { Parser } from 'htmlparser2';
import { offlineUrl, siteTarget, relativeUrl, type SiteFiles, type SiteLocation } from './site-urls.ts';

/** Options for {@link offlinePage}. */
export interface OfflinePageOptions {
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

/** A start tag: its name and attributes as written (names keep their case; values are decoded). */
interface StartTag {
  name: string;
  attributes: Array<[string, string]>;
}

/** Attributes holding one URL; `data` only on <object>. `data-href` is the copy-citation target of page.ts. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'xlink:href', 'data-href']);

// The tags and attributes rewriteTag has a rule for; a tag with none of them is kept as written.
const TAGS_WITH_RULES = new Set(['link', 'meta', 'script', 'object']);
const ATTRIBUTES_WITH_RULES = new Set([...URL_ATTRIBUTES, 'srcset', 'crossorigin']);

// `<meta http-equiv="refresh" content="0;url=/x/">`, as Astro writes for redirects.
const REFRESH = /^(\s*\d+(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?['"]?)([^'"]*)(.*)$/is;

/** One replacement of the page's text: [start, end) becomes `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Rewrites a page for the offline copy (see the module comment); pure apart from `classicScript`. */
export function offlinePage(html: string, options: OfflinePageOptions): string {
  const edits: Edit[] = [];
  /** Open elements: name (lower case), where the start tag began, whether the element is dropped. */
  const open: Array<{ name: string; start: number; dropped: boolean }> = [];
  let dropping = 0;
  let attributes: Array<[string, string]> = [];
  let headEnd = -1;
  let bodyContentStart = -1;
  let headerEnd = -1;
  let htmlTag: Edit | undefined;

  const parser = new Parser(
    {
      onattribute(name, value) {
        // The first of repeated attributes is the one that counts, as in the HTML spec.
        if (!attributes.some(([n]) => n.toLowerCase() === name.toLowerCase())) attributes.push([name, value]);
      },
      onopentag(name) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        const tag: StartTag = { name, attributes };
        attributes = [];
        const lower = name.toLowerCase();
        let dropped = false;
        if (dropping === 0) {
          const outcome = rewriteTag(tag, options);
          if (outcome === 'drop') {
            dropped = true;
            dropping += 1;
          } else if (outcome === 'changed') {
            const edit = { start, end, text: startTagHtml(tag, html.slice(start, end)) };
            if (lower === 'html') htmlTag = edit;
            else edits.push(edit);
          } else if (lower === 'html') {
            htmlTag = { start, end, text: html.slice(start, end) };
          }
          if (lower === 'body' && open.length === 1) bodyContentStart = end;
        }
        open.push({ name: lower, start, dropped });
      },
      onclosetag(_name, isImplied) {
        const element = open.pop();
        if (!element) return;
        if (element.dropped) {
          dropping -= 1;
          // A void element ends with its start tag, any other with its end tag: either way where the parser is.
          edits.push({ start: element.start, end: parser.endIndex + 1, text: '' });
          return;
        }
        if (dropping > 0 || isImplied) return;
        const parent = open[open.length - 1];
        if (element.name === 'head' && parent?.name === 'html') headEnd = parser.startIndex;
        if (element.name === 'header' && parent?.name === 'body' && headerEnd < 0) headerEnd = parser.endIndex + 1;
      },
    },
    { lowerCaseTags: false, lowerCaseAttributeNames: false, recognizeSelfClosing: true },
  );
  parser.end(html);

  if (options.bannerStylesheet !== undefined && htmlTag && headEnd >= 0 && bodyContentStart >= 0) {
    htmlTag.text = htmlTag.text.replace(/\/?>$/, (close) => ` data-offline="true"${close}`);
    const href = relativeUrl(options.file, { file: options.bannerStylesheet, suffix: '' });
    edits.push({ start: headEnd, end: headEnd, text: `<link rel="stylesheet" href="${escapeAttribute(href)}">` });
    // Outside the sticky header, so it scrolls away and anchors are not hidden under it.
    const at = headerEnd >= 0 ? headerEnd : bodyContentStart;
    edits.push({ start: at, end: at, text: bannerHtml(options) });
  }
  if (htmlTag) edits.push(htmlTag);
  return applyEdits(html, edits);
}

/**
 * Decides what becomes of one start tag: dropped with its element, changed in
 * place (`tag` is modified), or kept as written.
 */
function rewriteTag(tag: StartTag, options: OfflinePageOptions): 'drop' | 'changed' | 'kept' {
  const name = tag.name.toLowerCase();
  // Most tags of a page (paragraphs, headings, spans) hold no URL: nothing below applies to them.
  if (!TAGS_WITH_RULES.has(name) && !tag.attributes.some(([n]) => ATTRIBUTES_WITH_RULES.has(n.toLowerCase()))) return 'kept';
  const get = (attribute: string) => tag.attributes.find(([n]) => n.toLowerCase() === attribute)?.[1];
  const rels = (get('rel') ?? '').toLowerCase().split(/\s+/);
  const canonical = name === 'link' && (rels.includes('canonical') || rels.includes('alternate'));
  // Module preloads are CORS fetches, blocked from file://; the scripts they preload are classic now.
  if (name === 'link' && rels.includes('modulepreload')) return 'drop';
  if (canonical && !options.keepCanonical) return 'drop';
  if (name === 'meta' && get('property') === 'og:url' && !options.keepCanonical) return 'drop';

  let changed = false;
  const set = (attribute: string, value: string) => {
    const at = tag.attributes.findIndex(([n]) => n.toLowerCase() === attribute);
    if (at >= 0 && tag.attributes[at][1] === value) return;
    if (at >= 0) tag.attributes[at] = [tag.attributes[at][0], value];
    else tag.attributes.push([attribute, value]);
    changed = true;
  };
  const remove = (attribute: string) => {
    const before = tag.attributes.length;
    tag.attributes = tag.attributes.filter(([n]) => n.toLowerCase() !== attribute);
    if (tag.attributes.length !== before) changed = true;
  };

  // Links to files left out of the copy (the zip itself, Pagefind) go to the hosted site, or go.
  if (options.isExcluded) {
    for (const [attribute, value] of [...tag.attributes]) {
      if (!URL_ATTRIBUTES.has(attribute.toLowerCase())) continue;
      const target = siteTarget(value, options.file, options.site, options.files);
      if (target === null || !options.isExcluded(target.file)) continue;
      if (!options.keepCanonical || (name !== 'a' && name !== 'area')) return 'drop';
      const online = new URL(options.site.base + target.file.replace(/(^|\/)index\.html$/, '$1'), options.site.origin);
      set(attribute.toLowerCase(), online.href + target.suffix);
      // data-online tells the relative rewrite below to leave this URL alone.
      set('data-online', 'true');
    }
  }

  if (name === 'script' && (get('type') ?? '').toLowerCase() === 'module' && get('src') !== undefined) {
    const target = siteTarget(get('src')!, options.file, options.site, options.files);
    if (target === null) {
      throw new Error(
        `offline copy: ${options.file} loads the module script "${get('src')}" from outside the site; ` +
          'module scripts are blocked over file://, so every one must be a site file that can be bundled (see scripts/offline/classic-scripts.ts)',
      );
    }
    const classic = options.classicScript(target.file, options.file);
    remove('type');
    set('src', relativeUrl(options.file, { file: classic, suffix: '' }));
    // Module scripts run after parsing, in order; `defer` keeps that for classic ones.
    set('defer', '');
  } else {
    const rewrite = (url: string): string => offlineUrl(url, options.file, options.site, options.files);
    // Canonical links and links sent to the hosted site stay absolute.
    const absolute = get('data-online') !== undefined || canonical;
    for (const [attribute, value] of [...tag.attributes]) {
      const lower = attribute.toLowerCase();
      if (!absolute && (URL_ATTRIBUTES.has(lower) || (lower === 'data' && name === 'object'))) set(lower, rewrite(value));
      else if (lower === 'srcset') set(lower, rewriteSrcset(value, rewrite));
    }
    if (name === 'meta' && (get('http-equiv') ?? '').toLowerCase() === 'refresh') {
      set(
        'content',
        (get('content') ?? '').replace(REFRESH, (_, head: string, url: string, tail: string) => head + rewrite(url) + tail),
      );
    }
  }
  // A crossorigin fetch from a file:// page (origin null) always fails.
  remove('crossorigin');
  return changed ? 'changed' : 'kept';
}

/** A start tag as HTML; attributes with an empty value are written bare (`defer`), as Astro writes them. */
function startTagHtml(tag: StartTag, original: string): string {
  const attributes = tag.attributes.map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join('');
  return `<${tag.name}${attributes}${original.endsWith('/>') ? '/>' : '>'}`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** The banner: a labelled landmark of its own, with the hosted site's address when there is one. */
function bannerHtml(options: OfflinePageOptions): string {
  const online = options.keepCanonical ? options.site.origin + options.site.base : undefined;
  const link = online ? `在线版：<a href="${escapeAttribute(online)}">${escapeText(online)}</a>` : '';
  return `<aside class="offline-banner" aria-label="离线版说明"><p><strong>离线版</strong>：从本机文件打开，无需网络；内容为生成时的版本。${link}</p></aside>`;
}

/** Applies non-overlapping edits; insertions at one position keep the order they were made in. */
function applyEdits(html: string, edits: Edit[]): string {
  const sorted = edits.map((edit, order) => ({ ...edit, order })).sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue; // inside a dropped element
    out += html.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + html.slice(at);
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
