/**
 * Build step (after Astro): files for static hosts — sitemap.xml and
 * robots.txt with absolute URLs from SITE_URL, and .nojekyll so GitHub Pages
 * serves the _astro/ folder (Jekyll skips folders starting with "_").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { isNoindex, robotsTxt, sitemapXml } from '../hosting/sitemap.ts';
import { listFiles } from '../offline/list-files.ts';
import { PAGEFIND_DIR } from '../offline/offline-copy.ts';
import { siteConfig } from '../urls/config.ts';

/** Writes sitemap.xml, robots.txt and .nojekyll into `siteDir`; returns how many pages the sitemap lists. */
export function writeHostingFiles(siteDir: string): { sitemapPages: number } {
  const { origin, base } = siteConfig();
  const siteUrl = origin + base;
  // pagefind/ holds no pages, and Pagefind may be writing it while this step runs.
  const pages = listFiles(siteDir, (folder) => folder === PAGEFIND_DIR)
    .filter((file) => file.endsWith('.html') && file !== '404.html')
    .filter((file) => !isNoindex(fromHtml(metaTagsOf(readFileSync(path.join(siteDir, file), 'utf8')))));
  writeFileSync(path.join(siteDir, 'sitemap.xml'), sitemapXml(pages, siteUrl));
  writeFileSync(path.join(siteDir, 'robots.txt'), robotsTxt(new URL('sitemap.xml', siteUrl).href));
  writeFileSync(path.join(siteDir, '.nojekyll'), '');
  return { sitemapPages: pages.length };
}

// A <meta> start tag, its quoted attribute values allowed to hold ">".
const META_TAG = /<meta\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/**
 * The <meta> tags of the page's <head>: robots and refresh live there, and parsing only them keeps
 * the step fast (a page's head is some kilobytes, its <meta> tags a few hundred bytes).
 */
export function metaTagsOf(html: string): string {
  const end = html.indexOf('</head>');
  return (end === -1 ? html : html.slice(0, end)).match(META_TAG)?.join('') ?? '';
}
