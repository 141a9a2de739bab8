/**
 * URLs of the served site → URLs that work in the offline copy opened over
 * file://, where a folder does not serve its index.html and "/" is the root of
 * the disk: every link to the site becomes relative and names a file.
 */
import path from 'node:path';

/** The files of a built site, `/`-separated and relative to its root. */
export interface SiteFiles {
  files: ReadonlySet<string>;
  /** Every folder without a trailing slash; `''` is the root. */
  dirs: ReadonlySet<string>;
  /**
   * When given, every site path whose file is looked up in the index (fileFor) is added, so that a cached
   * rewrite of a page can be checked against a later site's index (scripts/offline/page-cache.ts).
   */
  asked?: Set<string>;
}

/** Where the site is served, to recognise its own URLs (absolute or root-relative). */
export interface SiteLocation {
  /** "https://example.org" (no trailing slash). */
  origin: string;
  /** "/" or "/policy-atlas/". */
  base: string;
}

/** A file of the site a URL points to, plus the URL's "?query#fragment" as written. */
export interface SiteTarget {
  file: string;
  suffix: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The URL path a page file is served at: `docs/x/index.html` → `docs/x/`, `404.html` → `404.html`. */
export function servedPath(file: string): string {
  return file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * The site file `url` (found on page `fromFile`) points to, or null when it
 * points elsewhere: another origin, outside the base path, a fragment of the
 * same page, or a scheme such as mailto: or data:.
 */
export function siteTarget(url: string, fromFile: string, site: SiteLocation, files: SiteFiles): SiteTarget | null {
  const raw = url.trim();
  // Root-relative and absolute URLs (most of a page's links) resolve the same from every page:
  // each is resolved once per site rather than once per link on every page.
  let resolved: Resolved | undefined;
  if (!raw.startsWith('/') && !/^https?:/i.test(raw)) resolved = resolveTarget(raw, fromFile, site, files);
  else {
    const cache = pageIndependentCache(files.files, site);
    resolved = cache.get(raw);
    if (resolved === undefined) cache.set(raw, (resolved = resolveTarget(raw, fromFile, site, files)));
  }
  if (resolved.asked !== null) files.asked?.add(resolved.asked);
  return resolved.target;
}

/** A URL's target, and the site path whose file was looked up in the index to find it (null: none was). */
interface Resolved {
  target: SiteTarget | null;
  asked: string | null;
}

// Per file index (one per site copy) and site location: page-independent URL → its target.
const pageIndependent = new WeakMap<ReadonlySet<string>, Map<string, Map<string, Resolved>>>();
// The last cache looked up: every link of a copy asks with the same index and location.
let lastCache: { files: ReadonlySet<string>; site: SiteLocation; cache: Map<string, Resolved> } | null = null;

/** The cache of page-independent URLs for this file index (keyed by its file set, which every page's view shares) and site. */
function pageIndependentCache(fileSet: ReadonlySet<string>, site: SiteLocation): Map<string, Resolved> {
  if (lastCache?.files === fileSet && lastCache.site === site) return lastCache.cache;
  let bySite = pageIndependent.get(fileSet);
  if (!bySite) pageIndependent.set(fileSet, (bySite = new Map()));
  const siteKey = `${site.origin}${site.base}`;
  let cache = bySite.get(siteKey);
  if (!cache) bySite.set(siteKey, (cache = new Map()));
  lastCache = { files: fileSet, site, cache };
  return cache;
}

const NOT_IN_SITE: Resolved = Object.freeze({ target: null, asked: null });

function resolveTarget(raw: string, fromFile: string, site: SiteLocation, files: SiteFiles): Resolved {
  if (raw === '' || raw.startsWith('#')) return NOT_IN_SITE;
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return NOT_IN_SITE;
  let resolved: URL;
  try {
    resolved = new URL(raw, new URL(site.base + encodePath(servedPath(fromFile)), site.origin));
  } catch {
    return NOT_IN_SITE;
  }
  if (resolved.origin !== new URL(site.origin).origin || !resolved.pathname.startsWith(site.base)) return NOT_IN_SITE;
  const relative = decode(resolved.pathname.slice(site.base.length));
  if (relative === null) return NOT_IN_SITE;
  const target = Object.freeze({ file: fileFor(relative, files), suffix: resolved.search + resolved.hash });
  return { target, asked: consultsIndex(relative) ? relative : null };
}

/** Whether fileFor looks `sitePath` up in the index (a folder path names its index.html whatever the index holds). */
function consultsIndex(sitePath: string): boolean {
  return sitePath !== '' && !sitePath.endsWith('/');
}

/** The file a static host would serve for a site path; a best guess when there is none (the link checker reports it). */
export function fileFor(sitePath: string, files: SiteFiles): string {
  if (!consultsIndex(sitePath)) return `${sitePath}index.html`;
  if (files.files.has(sitePath)) return sitePath;
  if (files.dirs.has(sitePath)) return `${sitePath}/index.html`;
  // Astro's build.format "file" writes /about as about.html.
  if (files.files.has(`${sitePath}.html`)) return `${sitePath}.html`;
  return sitePath;
}

/** A relative URL from page `fromFile` to `target`, segments percent-encoded (so no segment reads as a scheme). */
export function relativeUrl(fromFile: string, target: SiteTarget): string {
  return relativePath(fromFile, target.file) + target.suffix;
}

/**
 * The encoded relative path from the folder of `fromFile` to `file`, both normalised site files (as the
 * file index and fileFor give them). Segment by segment rather than with path.posix.relative, which
 * resolves both against the working folder first: on 2,000 documents (4,943 pages, most links resolved
 * here) that and encodePath were a fifth of the page workers' time. A path that is not plain (`.` or
 * `..` segments, empty segments) goes through path.posix.relative as before.
 */
function relativePath(fromFile: string, file: string): string {
  if (!isPlain(fromFile) || !isPlain(file)) return encodePath(path.posix.relative(path.posix.dirname(fromFile), file));
  const from = fromFile.split('/');
  from.pop();
  const to = file.split('/');
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  // `file` is a folder above the page (a link the file index could not place): path.posix gives `..` for it.
  if (common === to.length) return encodePath(path.posix.relative(path.posix.dirname(fromFile), file));
  const up = '../'.repeat(from.length - common);
  const down = to.slice(common).map(encodeSegment).join('/');
  return up + down;
}

/** No empty, `.` or `..` segment, no leading or trailing slash. */
function isPlain(file: string): boolean {
  return file !== '' && !/(?:^|\/)(?:\.\.?)?(?:\/|$)/.test(file);
}

/** Rewrites one URL found on `fromFile` for the offline copy; URLs that leave the site come back unchanged. */
export function offlineUrl(url: string, fromFile: string, site: SiteLocation, files: SiteFiles): string {
  const target = siteTarget(url, fromFile, site, files);
  return target === null ? url : relativeUrl(fromFile, target);
}

// Characters a path segment may hold as they are (RFC 3986 pchar) that encodeURIComponent escapes anyway.
// ":" stays escaped (a first segment "a:b" would read as a scheme), "," too (srcset splits on it).
const SEGMENT_SAFE = /%(?:40|24|26|2B|3B|3D)/g;

function encodePath(file: string): string {
  return file.split('/').map(encodeSegment).join('/');
}

function encodeSegment(segment: string): string {
  if (segment === '..' || segment === '.') return segment;
  // Most segments (ASCII slugs) need no escaping at all.
  return PLAIN_SEGMENT.test(segment) ? segment : encodeURIComponent(segment).replace(SEGMENT_SAFE, decodeURIComponent);
}

// Characters encodeURIComponent leaves as they are.
const PLAIN_SEGMENT = /^[A-Za-z0-9\-_.!~*'()]*$/;

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The file and folder index of a site's file list. */
export function siteFiles(list: readonly string[]): SiteFiles {
  const dirs = new Set<string>(['']);
  for (const file of list) {
    for (let at = file.indexOf('/'); at !== -1; at = file.indexOf('/', at + 1)) dirs.add(file.slice(0, at));
  }
  return { files: new Set(list), dirs };
}
