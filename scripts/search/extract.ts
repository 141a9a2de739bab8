/**
 * Reads what search indexes from one built HTML page, with Pagefind's
 * attribute conventions so both indexes see the same content:
 * only elements marked data-pagefind-body (and not data-pagefind-ignore or
 * hidden), filters from data-pagefind-filter, sort keys from
 * data-pagefind-sort, the title from data-pagefind-meta="title" or the h1.
 *
 * Text is split into blocks (paragraphs, headings, list items, table cells)
 * joined by "\n" so a match never spans two blocks, and every block is tied to
 * the section whose heading has an id — the anchor a result links to.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { SectionInfo } from '../../shared/search/types.ts';
import { parseHtml } from '../html/parse-html.ts';
import { BlockText } from './block-text.ts';

/** Everything search keeps from one page. */
export interface ExtractedPage {
  /** Path relative to the site base ("docs/x/"). */
  url: string;
  type: string;
  title: string;
  text: string;
  sections: SectionInfo[];
  /** Flat [start, section index | -1, …] pairs, as in PageDetail. */
  segments: number[];
  /** Flat [start, end, …] pairs: the text of every heading (h1–h6), the title included (for ranking, see rank.ts). */
  headings: number[];
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'button', 'input', 'select', 'textarea']);
const HEADING = /^h[1-6]$/;

const attr = (el: Element, name: string): string | undefined => {
  const v = el.properties?.[name];
  if (v === undefined || v === null || v === false) return undefined;
  return Array.isArray(v) ? v.join(' ') : String(v);
};
const has = (el: Element, name: string) => attr(el, name) !== undefined;

/** Every element under `node`, in document order (a plain list: nested generators cost a step per level per element). */
function elements(node: Root | Element, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    out.push(child);
    elements(child, out);
  }
  return out;
}

/** The visible text of an element, skipping ignored and hidden parts, whitespace collapsed. */
export function textOf(node: Element): string {
  let out = '';
  const walk = (n: ElementContent) => {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'element' && !SKIPPED.has(n.tagName) && !has(n, 'dataPagefindIgnore') && !has(n, 'hidden')) {
      n.children.forEach(walk);
    }
  };
  node.children.forEach(walk);
  return out.replace(/\s+/g, ' ').trim();
}

/** The heading that names a sectioning element: its first child heading, if that has an id. */
function sectionHeading(el: Element): Element | undefined {
  if (el.tagName !== 'section' && el.tagName !== 'aside' && el.tagName !== 'article') return undefined;
  const first = el.children.find((c): c is Element => c.type === 'element' && HEADING.test(c.tagName));
  return first && has(first, 'id') ? first : undefined;
}

/** Parses Pagefind's "key:value, key2:value2" attribute syntax (a bare key takes the element's text). */
export function parseKeyValues(spec: string, el: Element): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const part of spec.split(/(?<!\\),/)) {
    const item = part.replace(/\\,/g, ',').trim();
    if (!item) continue;
    const colon = item.indexOf(':');
    if (colon < 0) out.push([item, textOf(el)]);
    else out.push([item.slice(0, colon).trim(), item.slice(colon + 1).trim()]);
  }
  return out.filter(([k, v]) => k && v);
}

// Attribute names are case-insensitive in HTML.
const BODY_ATTRIBUTE = /data-pagefind-body/i;

/** Ranges cut to the text's length (the last block's break is not part of the text), empty ones dropped. */
function clampRanges(ranges: number[], length: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ranges.length; i += 2) {
    const end = Math.min(ranges[i + 1], length);
    if (end > ranges[i]) out.push(ranges[i], end);
  }
  return out;
}

/** Extracts the searchable content of a page, or null when it has no data-pagefind-body. */
export function extractPage(html: string, url: string): ExtractedPage | null {
  // Most pages of a large site (original texts, comparisons) are not indexed: no need to parse them.
  if (!BODY_ATTRIBUTE.test(html)) return null;
  return extractTree(parseHtml(html), url);
}

/** Extracts the searchable content of a parsed page (see {@link extractPage}). */
export function extractTree(tree: Root, url: string): ExtractedPage | null {
  const all = elements(tree);
  const bodies = all.filter((el) => has(el, 'dataPagefindBody'));
  if (bodies.length === 0) return null;

  const filters: Record<string, string[]> = {};
  const sort: Record<string, string> = {};
  let title = '';
  for (const el of all) {
    const f = attr(el, 'dataPagefindFilter');
    if (f) for (const [k, v] of parseKeyValues(f, el)) (filters[k] ??= []).includes(v) || filters[k].push(v);
    const s = attr(el, 'dataPagefindSort');
    if (s) for (const [k, v] of parseKeyValues(s, el)) sort[k] = v;
    const m = attr(el, 'dataPagefindMeta');
    if (m && !title) for (const [k, v] of parseKeyValues(m, el)) if (k === 'title') title = v;
  }
  const h1 = bodies.flatMap((b) => elements(b)).find((el) => el.tagName === 'h1');
  const htmlEl = all.find((el) => el.tagName === 'html');
  const titleEl = all.find((el) => el.tagName === 'title');
  title ||= (h1 && textOf(h1)) || (titleEl ? textOf(titleEl).replace(/ · 政策图谱$/, '') : url);

  const sections: SectionInfo[] = [];
  const segments: number[] = [];
  const headings: number[] = [];
  const text = new BlockText();
  let current = -1;
  const enter = (section: number) => {
    if (segments.length >= 2 && segments[segments.length - 2] === text.length) segments[segments.length - 1] = section;
    else if (segments[segments.length - 1] !== section) segments.push(text.length, section);
    current = section;
  };
  const addSection = (heading: Element): number => {
    const headingText = textOf(heading);
    sections.push({ id: attr(heading, 'id')!, label: attr(heading, 'dataLabel') ?? '', heading: headingText });
    return sections.length - 1;
  };
  const namingHeadings = new Set<Element>();
  for (const el of all) {
    const h = sectionHeading(el);
    if (h) namingHeadings.add(h);
  }
  const walk = (node: ElementContent) => {
    if (node.type === 'text') {
      const value = node.value.replace(/\s+/g, ' ');
      text.append(text.atBlockStart && value.startsWith(' ') ? value.slice(1) : value);
      return;
    }
    if (node.type !== 'element' || SKIPPED.has(node.tagName) || has(node, 'dataPagefindIgnore') || has(node, 'hidden')) return;
    const block = BLOCKS.has(node.tagName);
    if (block) text.breakBlock();
    const headingStart = HEADING.test(node.tagName) ? text.length : -1;
    const named = sectionHeading(node);
    const outer = current;
    if (named) enter(addSection(named));
    // A heading with an id outside a section element starts a section that runs to the next such heading.
    else if (HEADING.test(node.tagName) && has(node, 'id') && !namingHeadings.has(node)) enter(addSection(node));
    node.children.forEach(walk);
    if (named) enter(outer);
    if (block) text.breakBlock();
    if (headingStart >= 0 && text.length > headingStart) headings.push(headingStart, text.length);
  };
  enter(-1);
  for (const body of bodies) {
    body.children.forEach(walk);
    text.breakBlock();
  }
  const pageText = text.toString();
  // Drop segments that start at or after the end (sections with no text of their own).
  while (segments.length > 2 && segments[segments.length - 2] >= pageText.length) segments.splice(-2);
  return {
    url,
    type: (htmlEl && attr(htmlEl, 'dataPage')) || 'page',
    title,
    text: pageText,
    sections,
    segments,
    headings: clampRanges(headings, pageText.length),
    filters,
    sort,
  };
}
