/**
 * The generated MDX tree (mdast with MDX JSX and JSON-literal expression nodes, as remarkSafeText leaves
 * it) as hast, the way the rendered page has it, for the search index (scripts/search/model-pages.ts), which
 * reads the text without parsing the built pages; hastscript builds the elements as the HTML parser would.
 * The page writer (write-mdx.ts) reads the same nodes with mdxLiteral and mdxAttributes and writes HTML text
 * directly.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';

/** The fields of the MDX tree's nodes this module reads (mdast with MDX JSX and expression nodes). */
export interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: unknown[];
  children?: MdxNode[];
  url?: string;
}

/** What a component (a capitalised JSX name) becomes; `where` names the page for error messages. */
export type ComponentHast = (node: MdxNode, props: Record<string, string | boolean>, where: string) => ElementContent[];

/** A JSON string literal as the build writes text and attribute values ({"…"}); '' for an empty or comment expression. */
export function mdxLiteral(source: string, where: string): string {
  const trimmed = source.trim();
  if (trimmed === '' || /^\/\*[\s\S]*\*\/$/.test(trimmed)) return '';
  const value: unknown = JSON.parse(trimmed);
  if (typeof value !== 'string') throw new Error(`${where}: expected a string literal in the MDX, got ${trimmed.slice(0, 40)}`);
  return value;
}

/** The attributes of an MDX JSX element as HTML attribute names and values. */
export function mdxAttributes(node: MdxNode, where: string): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const a of (node.attributes ?? []) as Array<{ type: string; name: string; value: unknown }>) {
    if (a.type !== 'mdxJsxAttribute') throw new Error(`${where}: spread attributes are not expected in generated MDX`);
    const v = a.value;
    if (v === null || v === undefined) out[a.name] = '';
    else if (typeof v === 'string') out[a.name] = v;
    else out[a.name] = mdxLiteral((v as { value: string }).value, where);
  }
  return out;
}

/** hast children for MDX nodes; components go through `component`. */
export function mdxToHast(nodes: readonly MdxNode[], where: string, component: ComponentHast): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ type: 'text', value: String(node.value) });
        break;
      case 'mdxTextExpression':
      case 'mdxFlowExpression': {
        const value = mdxLiteral(String(node.value), where);
        if (value) out.push({ type: 'text', value });
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name;
        if (!name) out.push(...mdxToHast(node.children ?? [], where, component));
        else if (/^[A-Z]/.test(name)) out.push(...component(node, mdxAttributes(node, where), where));
        else out.push(h(name, mdxAttributes(node, where), mdxToHast(node.children ?? [], where, component)) as Element);
        break;
      }
      case 'paragraph':
        out.push(h('p', mdxToHast(node.children ?? [], where, component)) as Element);
        break;
      case 'link':
        out.push(h('a', { href: node.url }, mdxToHast(node.children ?? [], where, component)) as Element);
        break;
      case 'break':
        out.push(h('br') as Element);
        break;
      default:
        throw new Error(`${where}: MDX node "${node.type}" is not expected in a generated page`);
    }
  }
  return out;
}
