/**
 * Build step (after Astro): files for static hosts — sitemap.xml and
 * robots.txt with absolute URLs from SITE_URL, and .nojekyll so GitHub Pages
 * serves the _astro/ folder (Jekyll skips folders starting with "_").
 */
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
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
    .filter((file) => !asksNotToIndex(metaTagsOf(readHead(path.join(siteDir, file)))));
  writeFileSync(path.join(siteDir, 'sitemap.xml'), sitemapXml(pages, siteUrl));
  writeFileSync(path.join(siteDir, 'robots.txt'), robotsTxt(new URL('sitemap.xml', siteUrl).href));
  writeFileSync(path.join(siteDir, '.nojekyll'), '');
  return { sitemapPages: pages.length };
}

/**
 * Whether the page's <meta> tags ask not to index it. Only tags that name robots or refresh can (or hide a
 * name behind a character reference), so only those are parsed: on 2,019 documents (4,943 pages) parsing
 * every page's tags took 1.0–1.7 s after Astro, parsing these 0.02–0.03 s (two runs each, in turns).
 */
function asksNotToIndex(metaTags: string): boolean {
  return /robots|refresh|&/i.test(metaTags) && isNoindex(fromHtml(metaTags));
}

// A <meta> start tag, its quoted attribute values allowed to hold ">".
const META_TAG = /<meta\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

const HEAD_END = Buffer.from('</head>');
const CHUNK = 16 * 1024;

/**
 * A page's text up to and including `</head>` (all of it when there is none): the only part
 * metaTagsOf reads. Reading whole pages was the step's cost: on 2,019 documents (4,943 pages,
 * 208 M characters) whole files took 19.0–27.0 s wall and 3.3–4.6 CPU-seconds, their first
 * 8 KB 3.3–5.3 s and 1.1–1.3 CPU-seconds (two runs each, in turns, on a loaded machine).
 */
export function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    let buffer = Buffer.alloc(0);
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const read = readSync(fd, chunk, 0, CHUNK, buffer.length);
      // Search from where a `</head>` split over two chunks could start.
      const from = Math.max(0, buffer.length - HEAD_END.length);
      buffer = Buffer.concat([buffer, chunk.subarray(0, read)]);
      const end = buffer.indexOf(HEAD_END, from);
      if (end !== -1) return buffer.toString('utf8', 0, end + HEAD_END.length);
      if (read === 0) return buffer.toString('utf8');
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The <meta> tags of the page's <head>: robots and refresh live there, and parsing only them keeps
 * the step fast (a page's head is some kilobytes, its <meta> tags a few hundred bytes).
 */
export function metaTagsOf(html: string): string {
  const end = html.indexOf('</head>');
  return (end === -1 ? html : html.slice(0, end)).match(META_TAG)?.join('') ?? '';
}
