/**
 * remarkCitationLinks: links a title in 《…》 to its document page when the
 * cited document is in the collection. The citations are resolved once per
 * build (scripts/concepts/citations.ts); this plugin only finds them in the
 * page's text. Headings and existing links are left alone.
 */
import type { Root, Nodes, Parents, PhrasingContent, Text } from 'mdast';
import { normaliseTitle } from '../../concepts/citations.ts';

/** A cited title and the page it links to. */
export interface CitationLink {
  /** The title as written, without 《》. */
  title: string;
  url: string;
}

/** Options of {@link remarkCitationLinks}. */
export interface RemarkCitationLinksOptions {
  /** The in-collection citations of this page. */
  citations: readonly CitationLink[];
}

const TITLE = /《([^《》\n]{2,120})》/g;
const SKIP = new Set(['heading', 'link', 'linkReference', 'code', 'inlineCode', 'html']);
const SKIP_ELEMENTS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'button', 'code', 'pre']);

/** The plugin: returns the transformer (a no-op when the page cites nothing in the collection). */
export function remarkCitationLinks(options: RemarkCitationLinksOptions) {
  const byTitle = new Map(options.citations.map((c) => [normaliseTitle(c.title), c.url]));
  return (tree: Root) => {
    if (byTitle.size > 0) visit(tree, byTitle);
  };
}

function visit(parent: Parents, byTitle: Map<string, string>): void {
  const next: Nodes[] = [];
  for (const child of parent.children as Nodes[]) {
    if (child.type === 'text') {
      next.push(...split(child, byTitle));
      continue;
    }
    const skip = SKIP.has(child.type) || ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && SKIP_ELEMENTS.has(child.name ?? ''));
    if (!skip && 'children' in child) visit(child as Parents, byTitle);
    next.push(child);
  }
  parent.children = next as Parents['children'];
}

function split(node: Text, byTitle: Map<string, string>): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const m of node.value.matchAll(TITLE)) {
    const url = byTitle.get(normaliseTitle(m[1].trim()));
    if (!url) continue;
    const start = m.index! + 1;
    const end = start + m[1].length;
    out.push({ type: 'text', value: node.value.slice(at, start) });
    out.push({ type: 'link', url, children: [{ type: 'text', value: m[1] }], data: { hProperties: { class: 'cited-doc' } } as never });
    at = end;
  }
  if (at === 0) return [node];
  out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}
