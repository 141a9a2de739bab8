/**
 * What search indexes, taken from the document model while Astro renders,
 * instead of parsing the written pages afterwards (which was 41 of the 79
 * seconds the search step took on 2,000 documents, after Astro).
 *
 * A document page's searchable text is its title and the MDX body the build
 * wrote (after the remark plugins: concept links, paragraph anchors); the
 * rest of the article (metadata card, panels, 相似任务) is data-pagefind-ignore.
 * So the final MDX tree, turned into hast with hastscript as the HTML parser
 * does (scripts/html/parse-html.ts), and wrapped like the page template wraps it
 * (src/pages/docs/[id]/index.astro), goes through the very extractor that
 * reads built pages (extract.ts). tests/unit/search/model-pages.test.ts checks
 * on every seed page that both give the same record.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { h } from 'hastscript';
import { mdxToHast, type ComponentHast, type MdxNode } from '../site/mdx-hast.ts';
import type { PolicyDocument } from '../ingest/model.ts';
import type { DocumentStanding } from '../relations/model.ts';
import type { ConceptsData } from '../concepts/model.ts';
import { searchFacets } from '../../shared/search/facets-of.ts';
import { extractTree, type ExtractedPage } from './extract.ts';
import type { ConceptSource } from './build-index.ts';

/** Components of the MDX body and what the page renders for them: SimilarTasks is data-pagefind-ignore, so nothing. */
const IGNORED_COMPONENTS = new Set(['SimilarTasks']);

/** The body's components as search reads them: nothing, or an error for one this module does not know. */
const searchComponent: ComponentHast = (node, _props, where) => {
  if (!IGNORED_COMPONENTS.has(node.name ?? '')) throw new Error(`${where}: component <${node.name}> in the MDX; say in model-pages.ts what it renders`);
  return [];
};

/** A document's standing as its page's filters read it (status, years in force). */
export type Standing = Pick<DocumentStanding, 'status' | 'inForce'>;

/**
 * The filters of a document's page: its facets (searchFacets) as the page's
 * data-pagefind-filter elements give them to the extractor — text with
 * whitespace collapsed, empty values dropped, each value once per key.
 */
export function facetFilters(doc: PolicyDocument, standing?: Standing): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const [key, raw] of searchFacets(doc, standing)) {
    const value = raw.replace(/\s+/g, ' ').trim();
    if (!value) continue;
    const values = (filters[key] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  return filters;
}

/**
 * The searchable record of a document page, from its final MDX tree (see the module comment).
 * Without `standing` (the relations stage runs after the pages are written), status is the
 * document's own and no year in force is listed; SearchSources sets the filters from the standing later.
 */
export function documentPage(doc: PolicyDocument, body: MdastRoot, standing?: Standing): ExtractedPage {
  const m = doc.meta;
  const where = `search index: docs/${doc.id}`;
  // The parts of src/pages/docs/[id]/index.astro that search reads; the ignored ones are left out.
  const article = h('article', { 'data-pagefind-body': '', 'data-pagefind-meta': `doc:${doc.id}` }, [
    h('h1', { 'data-pagefind-meta': 'title' }, [m.title.value]),
    h('div', { hidden: '', 'data-pagefind-ignore': '' }, [
      ...searchFacets(doc, standing).map(([key, value]) => h('span', { 'data-pagefind-filter': key }, [value])),
      ...(m.date.value ? [h('span', { 'data-pagefind-sort': 'date' }, [m.date.value])] : []),
    ]),
    ...mdxToHast(body.children as unknown as MdxNode[], where, searchComponent),
  ]);
  const tree: HastRoot = { type: 'root', children: [h('html', { 'data-page': 'document' }, [h('body', [article])])] };
  const page = extractTree(tree, `docs/${doc.id}/`);
  if (!page) throw new Error(`${where}: no searchable body`);
  return page;
}

/** The record of a department page: its name (the index keeps departments by name only, see build-index.ts). */
export function departmentPage(department: { name: string; slug: string }): ExtractedPage {
  const { name } = department;
  return {
    url: `departments/${department.slug}/`,
    type: 'department',
    title: name,
    text: name,
    sections: [],
    segments: [0, -1],
    headings: name ? [0, name.length] : [],
    filters: {},
    sort: {},
  };
}

/** The glossary's concepts as the index lists them. */
export function conceptSources(data: Pick<ConceptsData, 'concepts'>): ConceptSource[] {
  return data.concepts.map((c) => ({ id: c.id, name: c.name, aliases: c.aliases, definition: c.definition, documents: c.documents.length }));
}
