/**
 * Reads every built page that search indexes (those with data-pagefind-body),
 * in URL order so page numbers are stable from one build to the next.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractPage, type ExtractedPage } from './extract.ts';

/** Site-relative URL of an HTML file: "docs/x/index.html" → "docs/x/". */
export function urlOf(relativeFile: string): string {
  const posix = relativeFile.split(path.sep).join('/');
  return posix === 'index.html' ? '' : posix.replace(/(^|\/)index\.html$/, '$1');
}

function htmlFiles(dir: string, root: string, out: string[]): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // Pagefind's and our own index folders hold no pages.
    if (entry.isDirectory() && !(dir === root && (entry.name === 'pagefind' || entry.name === 'search-data'))) htmlFiles(full, root, out);
    else if (entry.isFile() && entry.name.endsWith('.html')) out.push(path.relative(root, full));
  }
  return out;
}

/** Extracts the indexed pages of a built site, sorted by URL. */
export function collectPages(siteDir: string): ExtractedPage[] {
  const pages: ExtractedPage[] = [];
  for (const file of htmlFiles(siteDir, siteDir, []).sort()) {
    const page = extractPage(fs.readFileSync(path.join(siteDir, file), 'utf8'), urlOf(file));
    if (page) pages.push(page);
  }
  return pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
