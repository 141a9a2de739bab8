/**
 * Serialises a page's MDX tree to an MDX file's text. The remark plugins
 * run here, in the build script, not in Astro: Astro 7's default (Sätteri)
 * processor does not run remark plugins, and switching Astro to the unified
 * processor was measured here at ~60% more build time on 2,000 pages. Doing the
 * remark work once, before Astro, keeps Astro on its fast path.
 *
 * The page's markup is written as HTML text, `<Fragment set:html={"…"} />`, with
 * only the components that need the site's data at render time (<SimilarTasks>)
 * left as JSX between the chunks. Why: written as JSX, every element and text of a
 * document became a node of its compiled page module, and Astro bundled and ran
 * thousands of them per page. On 2,000 documents (one build each, same machine)
 * Astro took 57.9 s instead of 70.8 s, with peak memory 2.4 GB instead of 3.6 GB.
 */
import { unified, type PluggableList } from 'unified';
import type { Root } from 'mdast';
import { remarkSafeText } from './remark/remark-safe-text.ts';
import { mdxAttributes, mdxLiteral, type MdxNode } from './mdx-hast.ts';

/**
 * Runs `plugins` (then remarkSafeText, always last) over `tree` and returns MDX text;
 * `inspect` sees the final tree, what the MDX file says (the search index reads it there).
 */
export function serialiseMdx(tree: Root, plugins: PluggableList = [], inspect?: (final: Root) => void): string {
  const processor = unified().use(plugins).use(remarkSafeText);
  const transformed = processor.runSync(tree) as Root;
  inspect?.(transformed);
  return htmlChunksMdx(transformed);
}

/** Elements without an end tag. */
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'wbr']);

const escapeText = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The MDX text of a final tree: its markup as HTML chunks, its components as JSX with string-literal props.
 *
 * Written here rather than through hast and hast-util-to-html: the tree holds only elements this
 * project's code names, text and attribute values, and those need only `&`, `<` (text) and `&`, `"`
 * (attribute values) escaped. On 2,000 documents the detour through hast took the page writing from
 * 5.9 to 8.8 s (one run each, same machine).
 */
export function htmlChunksMdx(tree: Root): string {
  const out: string[] = [];
  let html = '';
  const flush = (): void => {
    if (html) out.push(`<Fragment set:html={${JSON.stringify(html)}} />`);
    html = '';
  };
  const where = 'generated page';
  const visit = (nodes: readonly MdxNode[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          html += escapeText(String(node.value));
          break;
        case 'mdxTextExpression':
        case 'mdxFlowExpression':
          html += escapeText(mdxLiteral(String(node.value), where));
          break;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const name = node.name ?? '';
          const attributes = Object.entries(mdxAttributes(node, where));
          if (/^[A-Z]/.test(name)) {
            // A component the page renders with the site's data: JSX, its props as JSON string literals.
            flush();
            out.push(`<${name}${attributes.map(([key, value]) => ` ${key}={${JSON.stringify(value)}}`).join('')} />`);
            break;
          }
          if (!/^[a-z][a-z0-9]*$/.test(name)) throw new Error(`${where}: element <${name}> is not expected in a generated page`);
          // Empty values (popover, data-pagefind-ignore) are written bare, as the HTML spec prefers for them.
          html += `<${name}${attributes.map(([key, value]) => (value === '' || value === true ? ` ${key}` : ` ${key}="${escapeAttribute(String(value))}"`)).join('')}>`;
          if (VOID_ELEMENTS.has(name)) break;
          visit(node.children ?? []);
          html += `</${name}>`;
          break;
        }
        default:
          throw new Error(`${where}: MDX node "${node.type}" is not expected in a generated page`);
      }
    }
  };
  visit(tree.children as unknown as MdxNode[]);
  flush();
  return `${out.join('\n\n')}\n`;
}
