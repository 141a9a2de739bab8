/**
 * Reads a JSX attribute of an MDX element as a string, whether it is written
 * quoted (id="x") or, as the MDX writer does, as a JSON string literal (id={"x"}).
 */
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

/** The attribute's string value, or undefined when it is absent or not a string literal. */
export function jsxAttribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute' || a.name !== name) continue;
    if (typeof a.value === 'string') return a.value;
    const literal = a.value?.value;
    if (literal?.startsWith('"')) return JSON.parse(literal) as string;
    return undefined;
  }
  return undefined;
}
