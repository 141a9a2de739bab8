/**
 * Document pages from a cache per document, so a build in which one document changed makes one page, not
 * all of them. Making the MDX text of every page (tree, remark plugins, serialisation) and the search record of
 * its final tree took 12.7 s of a 2,000-document build in which one document was added, and Astro waits for
 * the pages before it reads any.
 *
 * An entry holds what the page was made from only by its key: the document (all of it, as JSON), what its remark
 * plugins read of the collection (ConceptStage.pluginInputs: citation links, the paragraphs' concept mentions,
 * the glossary's link targets and the unit names of the whole collection), the site's URL (links hold its base
 * path), and the code of every module the page and its record come from. The one input read lazily, the
 * department slug of each unit name the page links to, is recorded in the entry with the slug it had; an entry
 * is used only when every one of them is still the same.
 */
import type { Root } from 'mdast';
import type { PluggableList } from 'unified';
import type { PolicyDocument } from '../ingest/model.ts';
import type { ExtractedPage } from '../search/extract.ts';
import type { MdxTreeContext } from '../site/mdx-tree.ts';
import { documentPage } from '../site/document-pages.ts';
import { siteConfig } from '../urls/config.ts';
import { documentDigest } from './document-digest.ts';
import { codeFingerprint, contentKey, type StepCache } from './cache.ts';
import { type SyncRecords, SyncRecordsSchema } from './sync-folder.ts';

/** The code a document's page and its search record come from (with package-lock.json and Node's version). */
export const DOCUMENT_PAGE_CODE = [
  'scripts/site',
  'scripts/concepts',
  'scripts/search',
  'scripts/urls',
  'scripts/relations',
  'scripts/html',
  'shared',
  // The entries' layout.
  'scripts/steps/document-page-cache.ts',
] as const;

/**
 * What the cache keeps of one document besides its MDX text. An entry is this as JSON (one line), a line
 * break, then the MDX text, which is decoded only when the page has to be written: in a build with one
 * document added the other pages are unchanged, and parsing every entry whole decoded 102 MB of MDX text
 * (of the entries' 148 MB at 2,019 documents) into strings nothing read. In profiles of one-added builds,
 * decoding the entries took 0.29 s before, 0.10 s after (JSON.parse of long strings is cheap; what is saved
 * is mostly the memory).
 */
interface PageEntry {
  /** The search record of the page's final tree; null when the build that wrote it asked for none. */
  record: ExtractedPage | null;
  /** Each unit name the page looked up, with the slug it got. */
  slugs: Array<[name: string, slug: string]>;
}

const LINE_BREAK = 10;

/** How the pages are made (the site step's functions). */
export interface DocumentPageMaker {
  departmentSlug(name: string): string;
  pluginsFor(doc: PolicyDocument): PluggableList;
  /** Everything pluginsFor(doc) reads besides the document and the code (ConceptStage.pluginInputs). */
  pluginInputs(doc: PolicyDocument): string;
  extrasFor(doc: PolicyDocument): MdxTreeContext['provisionExtras'];
  /** The search record of a page's final tree, when the build wants one. */
  recordOfTree?(doc: PolicyDocument, tree: Root): ExtractedPage;
}

/** One document's page. */
export interface MadePage {
  doc: PolicyDocument;
  /** The page's MDX text (read from the cache entry when first asked for). */
  mdx: () => string;
  record: ExtractedPage | null;
  /** What `mdx` is made from, as a digest: its cache key with the department slugs it looked up. */
  identity: string;
}

/** Each document's page and record, from `cache` where its key's entry is there and still valid, else made (and stored); `made` counts the latter. */
export function cachedDocumentPages(documents: readonly PolicyDocument[], maker: DocumentPageMaker, cache?: StepCache): { pages: MadePage[]; made: number } {
  let made = 0;
  const code = contentKey(codeFingerprint(DOCUMENT_PAGE_CODE), JSON.stringify(siteConfig()), maker.recordOfTree ? 'record' : 'no record');
  const pages = documents.map((doc): MadePage => {
    const key = contentKey(code, maker.pluginInputs(doc), documentDigest(doc));
    const cached = cache?.get(key);
    if (cached) {
      const at = cached.indexOf(LINE_BREAK);
      const entry = JSON.parse(cached.toString('utf8', 0, at)) as PageEntry;
      // The entry is this step's own output for the same key, so only its slugs are checked.
      if (entry.slugs.every(([name, slug]) => maker.departmentSlug(name) === slug)) {
        const mdx = cached.subarray(at + 1);
        return { doc, mdx: () => mdx.toString('utf8'), record: entry.record, identity: contentKey(key, JSON.stringify(entry.slugs)) };
      }
    }
    const slugs = new Map<string, string>();
    let record: ExtractedPage | null = null;
    const mdx = documentPage(doc, {
      departmentSlug: (name) => {
        const slug = maker.departmentSlug(name);
        slugs.set(name, slug);
        return slug;
      },
      provisionExtras: maker.extrasFor(doc),
      plugins: maker.pluginsFor(doc),
      onTree: maker.recordOfTree && ((tree) => (record = maker.recordOfTree!(doc, tree))),
    });
    const entry: PageEntry = { record, slugs: [...slugs] };
    // JSON.stringify writes no line break of its own: the first one ends the entry's JSON.
    cache?.set(key, `${JSON.stringify(entry)}\n${mdx}`);
    made++;
    return { doc, mdx: () => mdx, record, identity: contentKey(key, JSON.stringify(entry.slugs)) };
  });
  return { pages, made };
}

/** The cache's entry for the records of the pages as the site step last wrote them (not a page key: those are hex digests). */
const WRITTEN_PAGES = 'written-pages';

/** The records of the MDX pages as the site step last wrote them (scripts/steps/sync-folder.ts); none for a clean build, or when unreadable. */
export function readWrittenPages(cache: StepCache | undefined): SyncRecords | undefined {
  return cache?.getJson(WRITTEN_PAGES, SyncRecordsSchema);
}

/** Keeps the records of the MDX pages just written, for the next build. */
export function saveWrittenPages(cache: StepCache | undefined, records: SyncRecords): void {
  cache?.set(WRITTEN_PAGES, JSON.stringify(records));
}
