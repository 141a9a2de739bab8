import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { parseHtml, parseRegularHtml } from '../../../scripts/html/parse-html.ts';
import { withoutPositions } from '../../support/hast.ts';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/parse-html');
const cases = (kind: 'regular' | 'repaired') =>
  fs.readdirSync(path.join(FIXTURES, kind)).map((file) => [file.replace(/\.html$/, ''), fs.readFileSync(path.join(FIXTURES, kind, file), 'utf8')]);

/** The first element with this tag name, in document order. */
function find(node: Root | Element, tagName: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) return child;
    const found = find(child, tagName);
    if (found) return found;
  }
  return undefined;
}

describe('parseRegularHtml on well-formed pages', () => {
  it.each(cases('regular'))('%s: builds the tree fromHtml builds', (_, html) => {
    const tree = parseRegularHtml(html);
    expect(tree.type === 'irregular' ? tree.reason : 'regular').toBe('regular');
    expect(tree).toEqual(withoutPositions(fromHtml(html)));
  });
});

describe('parseRegularHtml on markup parse5 repairs', () => {
  it.each(cases('repaired'))('%s: reports why, and parseHtml falls back to fromHtml', (_, html) => {
    const tree = parseRegularHtml(html);
    expect(tree.type).toBe('irregular');
    expect(withoutPositions(parseHtml(html))).toEqual(withoutPositions(fromHtml(html)));
  });
});

describe('parseHtml properties', () => {
  const [, page] = cases('regular').find(([name]) => name === 'astro-page')!;
  const tree = parseHtml(page);

  it('names properties as hast does: class as a className list, data-* attributes camel-cased', () => {
    expect(find(tree, 'a')!.properties).toEqual({ className: ['skip-link', 'visually-hidden'], href: '#main' });
    expect(find(tree, 'article')!.properties).toEqual({ dataPagefindBody: '' });
    expect(find(tree, 'h1')!.properties).toEqual({ dataPagefindMeta: 'title' });
  });
  it('reads boolean attributes as true and space-separated lists as arrays', () => {
    expect(find(tree, 'div')!.properties).toEqual({ hidden: true, dataPagefindIgnore: '' });
    expect(find(tree, 'input')!.properties).toEqual({ type: 'search', required: true, disabled: true, name: 'q' });
    expect(find(tree, 'link')!.properties).toEqual({ rel: ['canonical', 'alternate'], href: 'http://127.0.0.1:4321/' });
  });
  it('reads numbers as numbers and keeps enumerated values as strings', () => {
    expect(find(tree, 'img')!.properties).toEqual({ src: '/a.png', alt: '', width: 10, height: 20 });
    expect(find(tree, 'button')!.properties).toEqual({ type: 'button', popover: 'auto', ariaPressed: 'false', tabIndex: 0 });
  });
  it('decodes entities in text but keeps script and style text raw', () => {
    expect(find(tree, 'p')!.children).toEqual([{ type: 'text', value: '甲&乙\u00a0丙一一<tag>' }]);
    expect(find(tree, 'script')!.children).toEqual([{ type: 'text', value: 'if (a < b && c > d) {}' }]);
    expect(find(tree, 'style')!.children).toEqual([{ type: 'text', value: 'a>b{content:"&amp;"}' }]);
  });
  it('gives void elements no children', () => {
    for (const tagName of ['meta', 'input', 'img', 'br', 'hr']) expect(find(tree, tagName)!.children).toEqual([]);
  });
  it('marks a document with <!DOCTYPE html> as not in quirks mode', () => {
    expect(tree.children[0]).toEqual({ type: 'doctype' });
    expect(tree.data).toEqual({ quirksMode: false });
  });
});
