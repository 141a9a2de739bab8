/**
 * Build step: the site's own search index (see scripts/search/build-index.ts
 * for why it is not Pagefind's) and the search page's client script.
 *
 * The index is made from the document model while Astro renders: the site
 * step hands over each document's final MDX tree (SearchSources, through its
 * hooks), the index is written to a staging folder during Astro, and moved
 * into the site after. Measured on 2,000 documents against reading the built
 * pages after Astro: see README, Search.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { PolicyDocument } from '../ingest/model.ts';
import type { ConceptsData } from '../concepts/model.ts';
import type { SiteData } from '../site/site-model.ts';
import type { SiteStepHooks } from './site-step.ts';
import type { ExtractedPage } from '../search/extract.ts';
import { buildIndex, type ConceptSource, type PagePostingsStore } from '../search/build-index.ts';
import { packPagePostings, unpackPagePostings } from '../../shared/search/build-postings.ts';
import { codeFingerprint, contentKey } from './cache.ts';
import type { PackCache } from './pack-cache.ts';
import { conceptSources, departmentPage, documentPage, facetFilters, type Standing } from '../search/model-pages.ts';
import { readGeneratedJson } from '../contract/generated-file.ts';
import { RelationsDataSchema } from '../contract/relations-data.ts';
import { RELATIONS_FILE } from './relations-step.ts';
import { OFFLINE_INDEX_DIR, type PublishedIndex, SEARCH_DATA_DIR, writeIndex, type WrittenIndex } from '../search/write-index.ts';
import { bundleSearchClient } from '../search/bundle-client.ts';
import { versionClientReferences } from '../search/version-client.ts';

/** The documents' standings as the relations stage wrote them (relations.json), which the pages read too. */
export function readStandings(file = RELATIONS_FILE): Record<string, Standing> {
  return readGeneratedJson(file, RelationsDataSchema, 'the relations stage (scripts/steps/relations-step.ts)').standing;
}

/** Collects what search indexes as the site step writes the pages (pass it as the site step's hooks). */
export class SearchSources implements SiteStepHooks {
  readonly documents: Array<{ doc: PolicyDocument; page: ExtractedPage }> = [];
  concepts: ConceptSource[] = [];
  #pages: ExtractedPage[] | undefined;

  readonly recordOfTree = (doc: PolicyDocument, tree: Root): ExtractedPage => documentPage(doc, tree);

  readonly onDocumentRecord = (doc: PolicyDocument, page: ExtractedPage): void => {
    this.documents.push({ doc, page });
  };

  /** Both of the above at once (for callers that make the pages themselves). */
  readonly onDocumentTree = (doc: PolicyDocument, tree: Root): void => this.onDocumentRecord(doc, this.recordOfTree(doc, tree));

  readonly onConcepts = (data: ConceptsData): void => {
    this.concepts = conceptSources(data);
  };

  /**
   * Every page the index holds: the documents and the departments of the site. The documents'
   * filters take their standing (status, years in force) from the relations stage, which finishes
   * after the pages are written; `standings` defaults to the relations.json it wrote.
   */
  pages(site: Pick<SiteData, 'departments'>, standings: () => Record<string, Standing> = readStandings): ExtractedPage[] {
    if (!this.#pages) {
      const standing = standings();
      this.#pages = [
        ...this.documents.map(({ doc, page }) => ({ ...page, filters: facetFilters(doc, standing[doc.id]) })),
        ...site.departments.map(departmentPage),
      ];
    }
    return this.#pages;
  }
}

/** What the step wrote, for the build log. */
export interface SearchStepReport extends WrittenIndex {
  pages: number;
  shards: number;
}

/** What a page's postings depend on besides its folded text and headings: the code that encodes them. */
const POSTINGS_CODE = ['shared/search/build-postings.ts', 'shared/varint.ts'];

/** The pages' postings kept in `cache` (one pack file: 2,786 entries, 76 MB at 2,019 documents). */
export function pagePostingsStore(cache: PackCache): PagePostingsStore {
  const code = codeFingerprint(POSTINGS_CODE);
  const keyOf = (folded: string, headings: readonly number[]) => contentKey(code, folded, headings.join(','));
  return {
    get(folded, headings) {
      const bytes = cache.get(keyOf(folded, headings));
      return bytes && unpackPagePostings(bytes);
    },
    set: (folded, headings, parts) => cache.set(keyOf(folded, headings), packPagePostings(parts)),
  };
}

/**
 * Builds the index of `pages` and the glossary's concepts and writes its files into `dir` (a site, or a staging
 * folder), linking the files `published` already holds; `postings`: the cache of pages' postings, if any.
 */
export function writeSearchIndex(
  dir: string,
  pages: ExtractedPage[],
  concepts: readonly ConceptSource[],
  published?: PublishedIndex,
  postings?: PackCache,
): SearchStepReport {
  const index = buildIndex(pages, concepts, { postings: postings && pagePostingsStore(postings) });
  const written = writeIndex(dir, index, published);
  return { ...written, pages: index.pages.length, shards: index.shards.length };
}

/** Moves the index written to `stagingDir` into `siteDir`, then writes the search client and versions the search page's reference to it; returns the client's bytes. */
export async function publishSearchIndex(stagingDir: string, siteDir: string): Promise<number> {
  for (const folder of [SEARCH_DATA_DIR, OFFLINE_INDEX_DIR]) {
    fs.rmSync(path.join(siteDir, folder), { recursive: true, force: true });
    fs.renameSync(path.join(stagingDir, folder), path.join(siteDir, folder));
  }
  const clientBytes = await bundleSearchClient(path.join(siteDir, 'search', 'search.js'));
  // The search page is the one page that loads the client.
  versionClientReferences(siteDir, 'search/search.js', ['search/index.html']);
  return clientBytes;
}
