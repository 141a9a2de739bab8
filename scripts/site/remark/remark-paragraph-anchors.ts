/**
 * remarkParagraphAnchors: gives every paragraph and table outside a task an
 * id derived from its first source line ("para-12"), so that concept and
 * citation listings can link to text in a notice, preamble or news article,
 * which has no task heading to point at. Tasks keep their eId anchors.
 *
 * The id comes from the element's data-lines attribute (set by
 * scripts/site/mdx-tree.ts) through paragraphAnchor(), the same function the
 * occurrence finder uses, so listing and page always agree.
 */
import { jsxAttribute } from './jsx-attribute.ts';
import type { Root, Nodes, Parents } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { paragraphAnchor } from '../../concepts/text-units.ts';

/** Options of {@link remarkParagraphAnchors}. */
export interface RemarkParagraphAnchorsOptions {
  /** Class names of the task containers whose paragraphs are not anchored. Default ["prov", "box"]. */
  scopeClasses?: readonly string[];
}

/** The plugin: returns the transformer. */
export function remarkParagraphAnchors(options: RemarkParagraphAnchorsOptions = {}) {
  const scopes = new Set(options.scopeClasses ?? ['prov', 'box']);
  return (tree: Root) => {
    walk(tree, scopes);
  };
}

type Element = MdxJsxFlowElement | MdxJsxTextElement;

function value(node: Element, name: string): string | undefined {
  return jsxAttribute(node, name);
}

function walk(parent: Parents, scopes: Set<string>): void {
  for (const child of parent.children as Nodes[]) {
    if (child.type !== 'mdxJsxFlowElement' && child.type !== 'mdxJsxTextElement') continue;
    if ((value(child, 'class') ?? '').split(/\s+/).some((c) => scopes.has(c))) continue;
    const lines = value(child, 'data-lines');
    if (lines && value(child, 'id') === undefined) {
      // A JSON literal value, as remarkConceptLinks does: cheaper to serialise than a quoted one.
      const id = paragraphAnchor(Number.parseInt(lines, 10));
      child.attributes.push({ type: 'mdxJsxAttribute', name: 'id', value: { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(id) } });
    } else walk(child, scopes);
  }
}
