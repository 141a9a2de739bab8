/**
 * hast → DOM for the compare page's client: elements by createElement,
 * attributes by setAttribute, text by text nodes — never innerHTML, so seed
 * text stays text. Property names follow hast (className, ariaLabel, dataA);
 * only the ones the compare views use need mapping.
 */
import type { ElementContent, Element } from 'hast';

/** The HTML attribute name of a hast property name. */
export function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (/^(aria|data)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

/** A DOM node for a hast node (comments and raw nodes are not produced by the views and are dropped). */
export function toDom(node: ElementContent | Element, doc: Document = document): Node {
  if (node.type === 'text') return doc.createTextNode(node.value);
  if (node.type !== 'element') return doc.createTextNode('');
  const el = doc.createElement(node.tagName);
  for (const [key, value] of Object.entries(node.properties ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    el.setAttribute(attributeName(key), Array.isArray(value) ? value.join(' ') : value === true ? '' : String(value));
  }
  for (const child of node.children) el.append(toDom(child, doc));
  return el;
}
