/**
 * remarkSafeText: the last remark step before MDX is serialised. It turns every
 * text node into an MDX expression holding a JSON string literal, and every
 * link into a JSX <a>.
 *
 * Why: MDX treats `{`, `<`, `import`/`export` at line start and Markdown
 * syntax in text as code or markup. A JSON string literal is data: whatever
 * the seed says, `{"…"}` is that exact string. write-mdx.ts then writes the
 * markup as HTML text (escaping `&` and `<` in text, `&` and `"` in attribute
 * values) inside JSON string literals too. Nothing in a seed can end a literal (JSON.stringify escapes
 * quotes, backslashes and control characters), so no seed text is ever parsed
 * as Markdown, JSX or JavaScript. Test: tests/unit/site/mdx.test.ts.
 */
import type { Root, Nodes, Parents, Link } from 'mdast';
import type { MdxTextExpression } from 'mdast-util-mdx-expression';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';

/** Returns the transformer; it has no options. */
export function remarkSafeText() {
  return (tree: Root) => {
    rewrite(tree);
  };
}

function rewrite(parent: Parents): void {
  parent.children = parent.children.map((child) => {
    const node = child as Nodes;
    if (node.type === 'text') return expression(node.value);
    if (node.type === 'link') return linkElement(node);
    if ('children' in node) rewrite(node as Parents);
    return node;
  }) as typeof parent.children;
}

/** A text node as `{"…"}`. */
export function expression(value: string): MdxTextExpression {
  return { type: 'mdxTextExpression', value: JSON.stringify(value) };
}

function linkElement(link: Link): MdxJsxTextElement {
  // Values as JSON string literals, like text (see the module comment).
  const literal = (name: string, value: string): MdxJsxTextElement['attributes'][number] => ({
    type: 'mdxJsxAttribute',
    name,
    value: { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(value) },
  });
  const attributes: MdxJsxTextElement['attributes'] = [literal('href', link.url)];
  if (link.title) attributes.push(literal('title', link.title));
  const data = link.data as { hProperties?: Record<string, string> } | undefined;
  for (const [name, value] of Object.entries(data?.hProperties ?? {})) attributes.push(literal(name, value));
  const element: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: 'a', attributes, children: [] };
  element.children = link.children as MdxJsxTextElement['children'];
  rewrite(element as unknown as Parents);
  return element;
}
