/**
 * Where the site is served. One environment variable, SITE_URL, gives both the
 * origin (for canonical URLs, sitemap, Open Graph) and the base path, e.g.
 * SITE_URL=https://example.org/policy-atlas/ serves every page under /policy-atlas/.
 */
export interface SiteConfig {
  /** Origin without trailing slash: "https://example.org". */
  origin: string;
  /** Base path with leading and trailing slash: "/" or "/policy-atlas/". */
  base: string;
}

/** The default when SITE_URL is unset: the local preview server. */
export const DEFAULT_SITE_URL = 'http://127.0.0.1:4321/';

/** Reads SITE_URL (or the given value) into origin and base; throws on a malformed URL. */
export function siteConfig(siteUrl: string = process.env.SITE_URL || DEFAULT_SITE_URL): SiteConfig {
  let parsed: URL;
  try {
    parsed = new URL(siteUrl);
  } catch (cause) {
    throw new Error(`SITE_URL is not a URL: "${siteUrl}". Example: SITE_URL=https://example.org/policy-atlas/`, {
      cause,
    });
  }
  const path = parsed.pathname.endsWith('/') ? parsed.pathname : `${parsed.pathname}/`;
  return { origin: parsed.origin, base: path };
}
