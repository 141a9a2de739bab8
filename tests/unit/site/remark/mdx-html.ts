/**
 * Test helper: writes MDX trees as compact HTML and back, so plugin fixtures
 * can be read and reviewed as HTML. Input HTML becomes the tree shape
 * scripts/site/mdx-tree.ts builds (JSX elements holding plain text nodes);
 * output trees are printed with mdast links as <a> carrying their hProperties,
 * and JSON-literal attribute values as their plain value.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent } from 'hast';
import type { Root, RootContent, PhrasingContent, Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

const INLINE = new Set(['a', 'mark', 'span', 'strong', 'em', 'code', 'button', 'abbr', 'b', 'i', 'q', 'small', 'sub', 'sup']);

function attributesOf(el: Element): MdxJsxFlowElement['attributes'] {
  return Object.entries(el.properties ?? {}).map(([key, value]) => {
    // hast property names back to attribute names: ariaLabelledBy → aria-labelledby, dataPagefindIgnore → data-pagefind-ignore.
    const name =
      key === 'className'
        ? 'class'
        : key.startsWith('aria')
          ? `aria-${key.slice(4).toLowerCase()}`
          : key.startsWith('data')
            ? `data${key.slice(4).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
            : key.toLowerCase();
    return { type: 'mdxJsxAttribute', name, value: Array.isArray(value) ? value.join(' ') : value === true ? '' : String(value) };
  });
}

function convert(node: ElementContent): Array<RootContent | PhrasingContent> {
  if (node.type === 'text') return node.value.trim() === '' && node.value.includes('\n') ? [] : [{ type: 'text', value: node.value }];
  if (node.type !== 'element') return [];
  const children = node.children.flatMap(convert);
  const type = INLINE.has(node.tagName) ? 'mdxJsxTextElement' : 'mdxJsxFlowElement';
  return [{ type, name: node.tagName, attributes: attributesOf(node), children } as MdxJsxFlowElement | MdxJsxTextElement];
}

/** Parses an HTML fragment into an MDX tree of JSX elements and text nodes. */
export function htmlToMdxTree(html: string): Root {
  const hast = fromHtml(html, { fragment: true });
  return { type: 'root', children: hast.children.flatMap((c) => convert(c as ElementContent)) as RootContent[] };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (name: string, value: string) => (value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value).replace(/"/g, '&quot;')}"`);

/** Prints an MDX tree as HTML, one top-level block per line. */
export function mdxTreeToHtml(tree: Root): string {
  const print = (node: Nodes): string => {
    switch (node.type) {
      case 'root':
        return node.children.map(print).join('\n');
      case 'text':
        return escapeHtml(node.value);
      case 'link': {
        const props = (node.data as { hProperties?: Record<string, string> } | undefined)?.hProperties ?? {};
        return `<a${attr('href', node.url)}${Object.entries(props)
          .map(([k, v]) => attr(k, v))
          .join('')}>${node.children.map(print).join('')}</a>`;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        // Attribute values are strings or JSON string literals ({"…"}); both print as plain values.
        const value = (v: (typeof node.attributes)[number]['value']) => (typeof v === 'object' && v !== null ? String(JSON.parse(v.value)) : String(v ?? ''));
        const attrs = node.attributes.map((a) => (a.type === 'mdxJsxAttribute' ? attr(a.name, value(a.value)) : '')).join('');
        return `<${node.name}${attrs}>${node.children.map((c) => print(c as Nodes)).join('')}</${node.name}>`;
      }
      default:
        return `<!-- ${node.type} -->`;
    }
  };
  return `${print(tree)}\n`;
}
