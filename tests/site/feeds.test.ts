/**
 * The Atom feeds of the built site: every file valid against RFC 4287 (its RELAX NG schema, by
 * libxml2, and the rules outside it), parsed by a feed parser too, with absolute URLs from
 * SITE_URL, every entry's link a page of the site, and each page's <link rel="alternate"> a feed
 * that exists. The same under a subpath is checked by hosting.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { atomRuleErrors, atomSchemaErrors, parseAtom } from '../support/atom.ts';
import { indexSite, loadPages } from './site-files.ts';
import { siteUnderTest } from './site-under-test.ts';

const site = siteUnderTest();
const { list, files } = indexSite(site.dir);
const feedFiles = list.filter((f) => f.startsWith('feeds/') && f.endsWith('.xml'));
const read = (file: string) => readFileSync(path.join(site.dir, file), 'utf8');
const root = site.site + site.base;
/** The site file an absolute URL of the site names (a folder URL serves its index.html). */
const fileOf = (url: string) => {
  expect(url.startsWith(root), `${url} is under ${root}`).toBe(true);
  const rest = decodeURI(new URL(url).pathname).slice(site.base.length);
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
};
const documents = JSON.parse(read('data/documents.json')) as Array<{ id: string; url: string; date: string | null }>;

describe('Atom feeds', () => {
  it('exist for the collection, each region and each concept in use', () => {
    expect(feedFiles).toContain('feeds/all.xml');
    expect(feedFiles.some((f) => f.startsWith('feeds/regions/'))).toBe(true);
    expect(feedFiles.some((f) => f.startsWith('feeds/concepts/'))).toBe(true);
  });

  it('validate against RFC 4287 (schema and rules) and parse as Atom feeds', async () => {
    expect(await atomSchemaErrors(feedFiles.map((f) => ({ fileName: f, contents: read(f) })))).toEqual([]);
    for (const f of feedFiles) {
      expect(atomRuleErrors(parseAtom(read(f))), f).toEqual([]);
      const parsed = parseFeed(read(f), { xmlMode: true });
      expect(parsed?.type, f).toBe('atom');
      expect(parsed!.items.length, f).toBeGreaterThan(0);
    }
  });

  it('name themselves, their page and every entry by absolute URLs of the site, each entry a page that exists', () => {
    for (const f of feedFiles) {
      const feed = parseAtom(read(f));
      expect(feed.id).toBe(root + f);
      expect(feed.links.find((l) => l.rel === 'self')?.href).toBe(root + f);
      expect(files.has(fileOf(feed.links.find((l) => l.rel === 'alternate')!.href)), f).toBe(true);
      for (const e of feed.entries) {
        expect(e.id).toBe(e.links[0].href);
        expect(files.has(fileOf(e.links[0].href)), `${f}: ${e.links[0].href}`).toBe(true);
      }
    }
  });

  it('list every document in the collection feed, newest first', () => {
    const feed = parseAtom(read('feeds/all.xml'));
    expect(feed.entries.map((e) => e.id).sort()).toEqual(documents.map((d) => d.url).sort());
    const updated = feed.entries.map((e) => e.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    const dated = documents.filter((d) => d.date).sort((a, b) => b.date!.localeCompare(a.date!) || (a.id < b.id ? -1 : 1));
    expect(feed.entries.filter((e) => e.published).map((e) => e.id)).toEqual(dated.map((d) => d.url));
  });

  it('are linked from the pages they belong to by <link rel="alternate">, each link a feed of the site', () => {
    const pages = loadPages(
      site.dir,
      list.filter((f) => f === 'index.html' || /^(docs|concepts)\/[^/]+\/index\.html$/.test(f)),
    );
    let linked = 0;
    for (const page of pages) {
      const hrefs = [...page.html.matchAll(/<link rel="alternate" type="application\/atom\+xml" title="[^"]*" href="([^"]+)"/g)].map((m) => m[1]);
      expect(hrefs[0], `${page.file} links the collection feed`).toBe(`${root}feeds/all.xml`);
      for (const href of hrefs) expect(files.has(fileOf(href)), `${page.file}: ${href}`).toBe(true);
      linked += hrefs.length - 1;
    }
    // Document pages link the feed of each region level; concept pages their concept's.
    expect(linked).toBeGreaterThan(pages.length / 2);
    const home = read('index.html');
    for (const [, href] of home.matchAll(/<a class="feed-link" href="([^"]+)"/g)) expect(files.has(href.slice(site.base.length)), href).toBe(true);
  });
});
