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
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { h } from 'hastscript';
import type { PolicyDocument } from '../ingest/model.ts';
import type { DocumentStanding } from '../relations/model.ts';
import type { ConceptsData } from '../concepts/model.ts';
import { searchFacets } from '../../shared/search/facets-of.ts';
import { extractTree, type ExtractedPage } from './extract.ts';
import type { ConceptSource } from './build-index.ts';

/** Components of the MDX body and what the page renders for them: SimilarTasks and ProvTools are data-pagefind-ignore, so nothing. */
const IGNORED_COMPONENTS = new Set(['SimilarTasks', 'ProvTools']);

/** The fields of the MDX tree's nodes this module reads (mdast with MDX JSX and expression nodes). */
interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: unknown[];
  children?: MdxNode[];
  url?: string;
}

/** A JSON string literal as the build writes text and attribute values ({"…"}); '' for an empty or comment expression. */
function literal(source: string, where: string): string {
  const trimmed = source.trim();
  if (trimmed === '' || /^\/\*[\s\S]*\*\/$/.test(trimmed)) return '';
  const value: unknown = JSON.parse(trimmed);
  if (typeof value !== 'string') throw new Error(`search index: ${where}: expected a string literal in the MDX, got ${trimmed.slice(0, 40)}`);
  return value;
}

/** The attributes of an MDX JSX element as HTML attribute names and values. */
function attributesOf(node: MdxNode, where: string): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const a of (node.attributes ?? []) as Array<{ type: string; name: string; value: unknown }>) {
    if (a.type !== 'mdxJsxAttribute') throw new Error(`search index: ${where}: spread attributes are not expected in generated MDX`);
    const v = a.value;
    if (v === null || v === undefined) out[a.name] = '';
    else if (typeof v === 'string') out[a.name] = v;
    else out[a.name] = literal((v as { value: string }).value, where);
  }
  return out;
}

/** hast children for MDX nodes, the way the rendered page has them. */
function toHast(nodes: readonly MdxNode[], where: string): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ type: 'text', value: String(node.value) });
        break;
      case 'mdxTextExpression':
      case 'mdxFlowExpression': {
        const value = literal(String(node.value), where);
        if (value) out.push({ type: 'text', value });
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name;
        if (!name) out.push(...toHast(node.children ?? [], where));
        else if (/^[A-Z]/.test(name)) {
          if (!IGNORED_COMPONENTS.has(name)) throw new Error(`search index: ${where}: component <${name}> in the MDX; say in model-pages.ts what it renders`);
        } else out.push(h(name, attributesOf(node, where), toHast(node.children ?? [], where)) as Element);
        break;
      }
      case 'paragraph':
        out.push(h('p', toHast(node.children ?? [], where)) as Element);
        break;
      case 'link':
        out.push(h('a', { href: node.url }, toHast(node.children ?? [], where)) as Element);
        break;
      case 'break':
        out.push(h('br') as Element);
        break;
      default:
        throw new Error(`search index: ${where}: MDX node "${node.type}" is not expected in a document page`);
    }
  }
  return out;
}

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
  const where = `docs/${doc.id}`;
  // The parts of src/pages/docs/[id]/index.astro that search reads; the ignored ones are left out.
  const article = h('article', { 'data-pagefind-body': '', 'data-pagefind-meta': `doc:${doc.id}` }, [
    h('h1', { 'data-pagefind-meta': 'title' }, [m.title.value]),
    h('div', { hidden: '', 'data-pagefind-ignore': '' }, [
      ...searchFacets(doc, standing).map(([key, value]) => h('span', { 'data-pagefind-filter': key }, [value])),
      ...(m.date.value ? [h('span', { 'data-pagefind-sort': 'date' }, [m.date.value])] : []),
    ]),
    ...toHast(body.children as unknown as MdxNode[], where),
  ]);
  const tree: HastRoot = { type: 'root', children: [h('html', { 'data-page': 'document' }, [h('body', [article])])] };
  const page = extractTree(tree, `docs/${doc.id}/`);
  if (!page) throw new Error(`search index: ${where}: no searchable body`);
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
