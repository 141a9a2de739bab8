/**
 * A tiny hast builder for the compare views. The same trees become HTML in the
 * build (hast-util-to-html, which escapes every text and attribute) and DOM in
 * the browser (dom.ts, which sets text with textContent), so seed text is
 * never parsed as markup on either path.
 */
import type { Element, ElementContent, Properties, Text } from 'hast';

/** Children as written in view code: nodes, strings, or nothing (skipped). */
export type Child = ElementContent | string | null | undefined | false | Child[];

/** Properties with hast's names (className as an array, ariaLabel, dataFoo…); undefined/false are dropped. */
export type Props = Record<string, string | number | boolean | string[] | null | undefined>;

function content(children: Child[], out: ElementContent[] = []): ElementContent[] {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) content(c, out);
    else if (typeof c === 'string') {
      if (c !== '') out.push({ type: 'text', value: c } satisfies Text);
    } else out.push(c);
  }
  return out;
}

/** An element: h('a', { href: '/x/' }, 'text'). */
export function h(tagName: string, props: Props = {}, ...children: Child[]): Element {
  const properties: Properties = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined && v !== null && v !== false) properties[k] = v;
  return { type: 'element', tagName, properties, children: content(children) };
}
