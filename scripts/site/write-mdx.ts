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
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { remarkSafeText } from './remark/remark-safe-text.ts';
import { mdxToHast, type MdxNode } from './mdx-hast.ts';

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

/**
 * Where a component stands in the HTML text: a comment no text can make (the serialiser escapes `<`
 * in text and attribute values), so splitting on it cuts only between the chunks.
 */
const COMPONENT_MARK = '<!--policy-atlas:component-->';

/** The MDX text of a final tree: its markup as HTML chunks, its components as JSX with string-literal props. */
export function htmlChunksMdx(tree: Root): string {
  const components: string[] = [];
  const hast = mdxToHast(tree.children as unknown as MdxNode[], 'generated page', (node, props) => {
    const attributes = Object.entries(props).map(([name, value]) => `${name}={${JSON.stringify(value)}}`);
    components.push(`<${node.name}${attributes.map((a) => ` ${a}`).join('')} />`);
    return [{ type: 'comment', value: COMPONENT_MARK.slice(4, -3) } as ElementContent];
  });
  bareEmptyAttributes(hast);
  const chunks = toHtml({ type: 'root', children: hast }).split(COMPONENT_MARK);
  const out: string[] = [];
  chunks.forEach((chunk, i) => {
    if (chunk) out.push(`<Fragment set:html={${JSON.stringify(chunk)}} />`);
    if (i < components.length) out.push(components[i]);
  });
  return `${out.join('\n\n')}\n`;
}

/** Empty attribute values (popover, data-pagefind-ignore) written bare, as the HTML spec prefers for them. */
function bareEmptyAttributes(nodes: readonly ElementContent[]): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    for (const [key, value] of Object.entries(node.properties)) if (value === '') node.properties[key] = true;
    bareEmptyAttributes(node.children);
  }
}
