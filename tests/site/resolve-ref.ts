/**
 * Decides what one URL on one page of a static site points to.
 *
 * Two ways of opening a site are modelled: served over HTTP under a base path
 * (a folder URL serves its index.html, `/about` may serve about.html), and an
 * offline copy opened from disk over file://, where neither happens and a
 * root-relative link points at the root of the file system.
 */

/** The files of a site, as `/`-separated paths relative to its root folder. */
export interface SiteIndex {
  files: ReadonlySet<string>;
  /** Every folder, without a trailing slash; `''` is the root. */
  dirs: ReadonlySet<string>;
}

/** How the site is opened. */
export interface ResolveOptions {
  /** Base path the site is served under, normalised (`/` or `/x/`). Ignored offline. */
  base: string;
  /** True for an offline copy opened over file://. */
  offline: boolean;
  /** Deployed site URL (Astro `site`, may include the base), so absolute links to it count as internal. */
  site?: string;
}

/** What a URL resolved to. */
export type Resolution =
  /** Nothing to check: an empty href, `data:` and the like. */
  | { kind: 'skip' }
  /** Another origin or a non-web scheme (mailto:, tel:): listed, never fetched. */
  | { kind: 'external'; url: string }
  /** A file of the site, plus the decoded fragment ('' when none). */
  | { kind: 'internal'; target: string; fragment: string }
  | { kind: 'problem'; code: string; message: string; hint: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const INERT_SCHEMES = new Set(['data', 'blob', 'about']);
// Hosts that only exist on the machine that built the site.
const LOCAL_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;
// A private origin for resolving relative URLs; it never leaves this module.
const HTTP_ROOT = 'http://site.invalid';
const FILE_ROOT = 'file:///site/';

/** Resolves `url`, found on page `fromFile` (whose `<base href>` is `baseHref`), against the site. */
export function resolveRef(url: string, fromFile: string, baseHref: string | undefined, index: SiteIndex, options: ResolveOptions): Resolution {
  // HTML strips leading and trailing ASCII whitespace from URL attributes.
  const raw = url.trim();
  if (raw === '') return { kind: 'skip' };
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'javascript') {
    return problem('link/javascript', `"${raw}" runs script from a link`, 'use a <button> and attach the behaviour in a bundled script');
  }
  if (scheme !== undefined && INERT_SCHEMES.has(scheme)) return { kind: 'skip' };
  const absolute = scheme !== undefined || raw.startsWith('//');
  if (absolute) {
    const onSite = isOnSite(raw, options);
    // Offline, a link to the deployed site leaves the copy, like any other origin.
    if (onSite && options.offline) return { kind: 'external', url: raw };
    if (!onSite && isLocalUrl(raw)) {
      return problem(
        'link/localhost',
        `"${raw}" points at a server on the build machine; it breaks once the site is deployed`,
        'set SITE_URL for the build (Astro `site`), or make the link relative',
      );
    }
    if (!onSite) return { kind: 'external', url: raw };
  }
  return options.offline ? resolveOffline(raw, fromFile, baseHref, index) : resolveServed(raw, fromFile, baseHref, index, options);
}

function resolveServed(raw: string, fromFile: string, baseHref: string | undefined, index: SiteIndex, options: ResolveOptions): Resolution {
  const { base } = options;
  const page = new URL(base + encodePath(fromFile), HTTP_ROOT);
  const resolved = onSiteUrl(raw, options) ?? new URL(raw, baseHref === undefined ? page : new URL(baseHref, page));
  if (resolved.origin !== HTTP_ROOT) return { kind: 'external', url: raw };
  const { pathname } = resolved;
  if (!pathname.startsWith(base)) {
    return problem(
      'link/outside-base',
      `"${raw}" points to ${pathname}, outside the base path ${base}`,
      `prefix it with the base (import.meta.env.BASE_URL in Astro) or make it relative`,
    );
  }
  const relative = decode(pathname.slice(base.length));
  if (relative === null) return badEncoding(raw);
  const target = servedFile(relative, index);
  if (typeof target !== 'string')
    return problem('link/missing', `"${raw}": ${target.missing}`, 'fix the link or build the page it names (paths are case-sensitive)');
  return internal(target, resolved.hash);
}

/** The file a static host serves for a path, or why there is none. */
function servedFile(relative: string, index: SiteIndex): string | { missing: string } {
  const folder = relative === '' || relative.endsWith('/') ? relative.replace(/\/$/, '') : null;
  if (folder !== null) {
    const file = folder === '' ? 'index.html' : `${folder}/index.html`;
    if (index.files.has(file)) return file;
    return { missing: index.dirs.has(folder) ? `the folder ${folder}/ has no index.html` : `${file} does not exist` };
  }
  if (index.files.has(relative)) return relative;
  // A folder named without its slash: hosts redirect to the slash form.
  if (index.dirs.has(relative) && index.files.has(`${relative}/index.html`)) return `${relative}/index.html`;
  // Astro's build.format "file" writes /about as about.html.
  if (index.files.has(`${relative}.html`)) return `${relative}.html`;
  return { missing: `${relative} does not exist` };
}

function resolveOffline(raw: string, fromFile: string, baseHref: string | undefined, index: SiteIndex): Resolution {
  if (raw.startsWith('/')) {
    return problem(
      'offline/absolute',
      `"${raw}" is root-relative; opened from disk it points at the root of the file system`,
      'make the link relative to the page (e.g. ../x/index.html)',
    );
  }
  const page = new URL(encodePath(fromFile), FILE_ROOT);
  const resolved = new URL(raw, baseHref === undefined ? page : new URL(baseHref, page));
  if (resolved.protocol !== 'file:' || !resolved.pathname.startsWith(new URL(FILE_ROOT).pathname)) {
    return problem('offline/outside', `"${raw}" climbs out of the offline copy`, 'remove the extra ../ so the link stays inside the copy');
  }
  const relative = decode(resolved.pathname.slice(new URL(FILE_ROOT).pathname.length));
  if (relative === null) return badEncoding(raw);
  if (relative === '' || relative.endsWith('/') || index.dirs.has(relative)) {
    const folder = relative.replace(/\/$/, '');
    return problem(
      'offline/folder',
      `"${raw}" names a folder; file:// shows a folder listing, not its index.html`,
      `link to ${folder === '' ? '' : `${folder}/`}index.html instead`,
    );
  }
  if (!index.files.has(relative))
    return problem('link/missing', `"${raw}": ${relative} does not exist in the offline copy`, 'fix the link or copy the file it names');
  return internal(relative, resolved.hash);
}

function isLocalUrl(raw: string): boolean {
  try {
    const url = new URL(raw, 'http://site.invalid');
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOST.test(url.hostname);
  } catch {
    return false;
  }
}

function isOnSite(raw: string, options: ResolveOptions): boolean {
  return onSiteUrl(raw, options) !== null;
}

/** An absolute URL on the deployed site, re-rooted on the private origin; null otherwise. */
function onSiteUrl(raw: string, options: ResolveOptions): URL | null {
  if (options.site === undefined || !(SCHEME.test(raw) || raw.startsWith('//'))) return null;
  const site = new URL(options.site);
  const url = new URL(raw, site);
  if (url.origin !== site.origin) return null;
  return new URL(url.pathname + url.search + url.hash, HTTP_ROOT);
}

function internal(target: string, hash: string): Resolution {
  const fragment = hash === '' ? '' : (decode(hash.slice(1)) ?? hash.slice(1));
  return { kind: 'internal', target, fragment };
}

function badEncoding(raw: string): Resolution {
  return problem('link/bad-encoding', `"${raw}" has a broken %-escape`, 'percent-encode the path with encodeURIComponent, segment by segment');
}

function problem(code: string, message: string, hint: string): Resolution {
  return { kind: 'problem', code, message, hint };
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function encodePath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
