/**
 * The search index is made from the document model while Astro renders
 * (scripts/search/model-pages.ts, through the site step's hooks); this checks
 * it against the reference, the same extractor reading the pages Astro wrote:
 * every document's record (text, sections, segments, headings, title, filters
 * with the relations stage's status and years in force, sort) and every
 * department's name are identical, and so is the whole index built from them,
 * which is the index the build wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ingestDirectory } from '../../scripts/ingest/index.ts';
import { documentPages } from '../../scripts/site/document-pages.ts';
import { siteDataFrom } from '../../scripts/site/site-data.ts';
import { conceptStage } from '../../scripts/site/concept-stage.ts';
import { similarExtras } from '../../scripts/site/similar-tasks.ts';
import { SearchSources } from '../../scripts/steps/search-step.ts';
import { loadGlossary } from '../../scripts/concepts/glossary.ts';
import { buildIndex, indexOrder } from '../../scripts/search/build-index.ts';
import { collectPages } from '../../scripts/search/collect.ts';
import { siteUnderTest } from './site-under-test.ts';

const site = siteUnderTest();
const built =
  fs.existsSync(path.join(site.dir, 'docs')) && fs.existsSync(path.join(site.dir, 'search-data')) && fs.existsSync('content/generated/relations.json');

describe.skipIf(!built)('search index from the model', () => {
  const corpus = ingestDirectory('seeds', 'content/curated');
  const data = siteDataFrom(corpus);
  const stage = conceptStage(data.documents, loadGlossary('content/curated/concepts.json'));
  const sources = new SearchSources();
  documentPages(data, stage.pluginsFor, similarExtras, sources.onDocumentTree);
  sources.onConcepts(stage.data);
  const model = sources.pages(data);
  const pages = collectPages(site.dir);

  it('gives every document page the record the built page gives', () => {
    const fromPages = new Map(pages.filter((p) => p.type === 'document').map((p) => [p.url, p]));
    const documents = model.filter((p) => p.type === 'document');
    expect(documents.map((p) => p.url).sort()).toEqual([...fromPages.keys()].sort());
    for (const page of documents) expect(page, page.url).toEqual(fromPages.get(page.url));
  });

  it('names every department as its page does', () => {
    const fromPages = pages.filter((p) => p.type === 'department').map((p) => [p.url, p.title]);
    const fromModel = model.filter((p) => p.type === 'department').map((p) => [p.url, p.title]);
    expect(fromModel.sort()).toEqual(fromPages.sort());
  });

  it('builds the same index either way, and the build wrote that index', () => {
    const a = buildIndex(model, sources.concepts);
    const b = buildIndex(pages, sources.concepts);
    expect(indexOrder(model).map((p) => p.url)).toEqual(indexOrder(pages).map((p) => p.url));
    expect(a.meta).toEqual(b.meta);
    expect(a.shards).toEqual(b.shards);
    expect(a.pages).toEqual(b.pages);
    const written = JSON.parse(gunzipSync(fs.readFileSync(path.join(site.dir, 'search-data/meta.json.gz'))).toString('utf8')) as unknown;
    expect(written).toEqual(a.meta);
  });
});
