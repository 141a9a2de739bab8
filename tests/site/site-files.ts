/**
 * Reads a folder of static HTML: its file list and every page parsed with a
 * real HTML parser (hast-util-from-html, i.e. parse5), positions kept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { SiteIndex } from './resolve-ref.ts';

/** One HTML page of the site. */
export interface SitePage {
  /** Path relative to the site root, `/`-separated, e.g. `docs/x/index.html`. */
  file: string;
  html: string;
  tree: Root;
}

/** Lists every file and folder under `root` (sorted, `/`-separated, relative). */
export function indexSite(root: string): SiteIndex & { list: string[] } {
  const list: string[] = [];
  const dirs = new Set<string>(['']);
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (entry.isDirectory()) dirs.add(relative);
    else if (entry.isFile()) list.push(relative);
  }
  list.sort();
  return { list, files: new Set(list), dirs };
}

/** Parses every `.html` file under `root`. */
export function loadPages(root: string, files: readonly string[] = indexSite(root).list): SitePage[] {
  return files
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(path.join(root, file), 'utf8');
      return { file, html, tree: fromHtml(html) };
    });
}

/** The URL path (relative to the base) a page is served at: `docs/x/index.html` → `docs/x/`. */
export function pagePath(file: string): string {
  return file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
}
