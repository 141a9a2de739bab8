/**
 * The document page cache (scripts/steps/document-page-cache.ts): pages and search records from its entries
 * equal those made anew, and an entry is not used once anything the page was made from changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import { siteDataFrom } from '../../../scripts/site/site-data.ts';
import { conceptStage } from '../../../scripts/site/concept-stage.ts';
import { departmentSlugs, documentPages } from '../../../scripts/site/document-pages.ts';
import { similarExtras } from '../../../scripts/site/similar-tasks.ts';
import { loadGlossary } from '../../../scripts/concepts/glossary.ts';
import { documentPage as searchRecord } from '../../../scripts/search/model-pages.ts';
import { StepCache } from '../../../scripts/steps/cache.ts';
import { cachedDocumentPages, type DocumentPageMaker, readWrittenPages, saveWrittenPages } from '../../../scripts/steps/document-page-cache.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'page-cache-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const data = siteDataFrom(ingestDirectory('seeds', 'content/curated'));
const glossary = loadGlossary('content/curated/concepts.json');
const stage = conceptStage(data.documents, glossary);
const maker: DocumentPageMaker = {
  departmentSlug: departmentSlugs(data),
  pluginsFor: stage.pluginsFor,
  pluginInputs: stage.pluginInputs,
  extrasFor: similarExtras,
  recordOfTree: searchRecord,
};
const cacheDir = path.join(root, 'cache');
const cache = (read = true) => new StepCache('document-pages', read, cacheDir);

describe('the document page cache', () => {
  const first = cachedDocumentPages(data.documents, maker, cache());

  it('makes every page on a first build, as documentPages does', () => {
    expect(first.made).toBe(data.documents.length);
    const reference = documentPages(data, stage.pluginsFor, similarExtras);
    expect(new Map(first.pages.map((p) => [p.doc.id, p.mdx()]))).toEqual(reference);
    expect(first.pages.every((p) => p.record !== null)).toBe(true);
  });

  it('gives the same pages and records from its entries', () => {
    const second = cachedDocumentPages(data.documents, maker, cache());
    expect(second.made).toBe(0);
    expect(second.pages.map((p) => p.mdx())).toEqual(first.pages.map((p) => p.mdx()));
    expect(second.pages.map((p) => p.record)).toEqual(first.pages.map((p) => p.record));
  });

  it('names each page by what it is made from, the same whether made or from the cache', () => {
    const second = cachedDocumentPages(data.documents, maker, cache());
    expect(second.pages.map((p) => p.identity)).toEqual(first.pages.map((p) => p.identity));
    expect(new Set(first.pages.map((p) => p.identity)).size).toBe(first.pages.length);
    // A page whose department slugs changed has the same cache key but another identity (and other text).
    const renamed = cachedDocumentPages(data.documents, { ...maker, departmentSlug: (name) => `y-${maker.departmentSlug(name)}` });
    first.pages.forEach((page, i) => {
      if (renamed.pages[i].mdx() === page.mdx()) expect(renamed.pages[i].identity).toBe(page.identity);
      else expect(renamed.pages[i].identity).not.toBe(page.identity);
    });
  });

  it('keeps the records of the pages as last written, and none for a clean build', () => {
    const records = { 'a.mdx': { identity: first.pages[0].identity, ino: 1, size: 2, mtimeMs: 3 } };
    saveWrittenPages(cache(), records);
    expect(readWrittenPages(cache())).toEqual(records);
    expect(readWrittenPages(cache(false))).toBeUndefined();
    expect(readWrittenPages(undefined)).toBeUndefined();
  });

  it('reads no entry in a clean build', () => {
    expect(cachedDocumentPages(data.documents, maker, cache(false)).made).toBe(data.documents.length);
  });

  it('makes a page again when its document changed, and only that page', () => {
    const [doc, ...others] = data.documents;
    const edited = { ...doc, meta: { ...doc.meta, title: { ...doc.meta.title, value: `${doc.meta.title.value}（修订）` } } };
    const result = cachedDocumentPages([edited, ...others], maker, cache());
    expect(result.made).toBe(1);
    expect(result.pages[0].record?.title).toContain('（修订）');
  });

  it('makes a page again when a department it links to got another slug', () => {
    const renamed = first.pages.findIndex((p) => p.mdx().includes('/departments/'));
    expect(renamed).toBeGreaterThanOrEqual(0);
    const result = cachedDocumentPages(data.documents, { ...maker, departmentSlug: (name) => `x-${maker.departmentSlug(name)}` }, cache());
    expect(result.pages[renamed].mdx()).toContain('/departments/x-');
    // Pages that link to no department keep their entries.
    const linking = first.pages.filter((p) => p.mdx().includes('/departments/')).length;
    expect(result.made).toBe(linking);
  });

  it('makes every page again when the glossary changed (the concept links read it)', () => {
    const changed = { ...glossary, concepts: glossary.concepts.map((c, i) => (i === 0 ? { ...c, definition: `${c.definition}。` } : c)) };
    const other = conceptStage(data.documents, changed);
    const result = cachedDocumentPages(data.documents, { ...maker, pluginsFor: other.pluginsFor, pluginInputs: other.pluginInputs }, cache());
    expect(result.made).toBe(data.documents.length);
  });
});
