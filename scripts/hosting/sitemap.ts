/**
 * sitemap.xml and robots.txt for the hosted site, from the built pages: every
 * HTML page except the 404 page and pages marked noindex, as absolute URLs.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The URL path (relative to the base) a page file is served at: `docs/x/index.html` → `docs/x/`. */
export function pageUrlPath(file: string): string {
  return file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
}

/** True when a page asks not to be indexed (`<meta name="robots" content="noindex">`) or only redirects. */
export function isNoindex(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'meta') return;
    const name = String(node.properties.name ?? '').toLowerCase();
    const content = String(node.properties.content ?? '').toLowerCase();
    if (name === 'robots' && /\bnoindex\b/.test(content)) found = true;
    if (String(node.properties.httpEquiv ?? '').toLowerCase() === 'refresh') found = true;
  });
  return found;
}

/** The sitemap (sitemaps.org 0.9) listing `pages` (site files like `docs/x/index.html`) under `siteUrl` (ends in "/"). */
export function sitemapXml(pages: readonly string[], siteUrl: string): string {
  const urls = [...new Set(pages.map((file) => new URL(encodePath(pageUrlPath(file)), siteUrl).href))].sort();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt allowing everything and naming the sitemap (crawlers only read it at the host's root). */
export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}

function encodePath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
