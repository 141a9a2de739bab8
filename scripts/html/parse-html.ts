/**
 * Parses a built page into a hast tree, the same tree `fromHtml`
 * (hast-util-from-html: parse5, then hast-util-from-parse5) gives, in about
 * 40% of the time (5.8 s against 13.8 s for the 4,942 pages of a
 * 2,000-document site): htmlparser2 tokenizes, and every element goes through
 * hastscript's `h` / `s` exactly as in hast-util-from-parse5, so property
 * names and values (className lists, booleans, data-* as dataX: '') follow
 * the very same rules.
 *
 * htmlparser2 builds the tree the markup spells out; parse5 runs the HTML
 * tree-construction algorithm, which repairs markup (an implied tbody, a <p>
 * closed by a <div>, whitespace moved around head and body). On well-formed
 * documents such as Astro's output the two agree. So the fast tree is only
 * used when nothing needed repairing: <!DOCTYPE html> or none, explicit
 * html > head + body, every element closed by its own end tag (or void, or
 * self-closed inside SVG) and none of the cases in html-repairs.ts. Any other
 * page is parsed with `fromHtml` instead, so the result never depends on
 * which parser ran.
 *
 * Differences from fromHtml that no user of the tree reads: nodes carry no
 * `position`, and U+0000 is kept (parse5 replaces it in some places).
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h, s } from 'hastscript';
import { Parser, type Handler } from 'htmlparser2';
import { repairOfElement, repairOfText } from './html-repairs.ts';

/** Why a page was not parsed with htmlparser2: the first thing parse5 would have built differently. */
export interface Irregular {
  type: 'irregular';
  reason: string;
}

/** Parses a page into hast: with htmlparser2 when the page is regular, else with fromHtml. */
export function parseHtml(html: string): Root {
  const tree = parseRegularHtml(html);
  return tree.type === 'root' ? tree : fromHtml(html);
}

/** The hast tree of a regular page (see the module comment), or why the page is not regular. */
export function parseRegularHtml(html: string): Root | Irregular {
  // parse5 normalises newlines before tokenizing (HTML § 13.2.3.5); htmlparser2 does not.
  const source = html.includes('\r') ? html.replace(/\r\n?/g, '\n') : html;
  const builder = new TreeBuilder(source);
  const parser = new Parser(builder, { decodeEntities: true });
  builder.parser = parser;
  parser.end(source);
  return builder.irregular ?? builder.root;
}

/** Elements without content or end tag, which htmlparser2 reports as closed implicitly. */
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** SVG elements whose children are HTML again (HTML integration points). */
const SVG_INTEGRATION_POINTS = new Set(['foreignObject', 'desc', 'title']);

/** Elements whose newline right after the start tag parse5 drops. */
const LEADING_NEWLINE_DROPPED = new Set(['pre', 'textarea', 'listing']);

const WHITESPACE_ONLY = /^[\t\n\f\r ]*$/;
const HTML_DOCTYPE = /^!doctype\s+html\s*$/i;

/** An open element: where its children go and whether SVG property rules apply inside it. */
interface Open {
  name: string;
  children: RootContent[];
  inSvg: boolean;
}

/** Builds hast from htmlparser2's events and notes the first thing parse5 would have built differently. */
class TreeBuilder implements Partial<Handler> {
  readonly root: Root = { type: 'root', children: [], data: { quirksMode: true } };
  irregular: Irregular | undefined;
  parser: Parser | undefined;
  readonly #source: string;
  readonly #stack: Open[] = [{ name: '#root', children: this.root.children, inSvg: false }];
  /** Tag names of the open elements, outermost first (for html-repairs.ts). */
  readonly #names: string[] = [];
  /** Text not yet added: htmlparser2 reports a text in pieces (around every entity); parse5 gives one node. */
  readonly #pendingText: string[] = [];
  #html: Element | undefined;
  #head: Element | undefined;
  #body: Element | undefined;

  constructor(source: string) {
    this.#source = source;
  }

  onprocessinginstruction(name: string, data: string): void {
    this.#flushText();
    if (name !== '!doctype' || !HTML_DOCTYPE.test(data)) return this.#fail(`<${data}> (parse5 may choose quirks mode)`);
    if (this.#stack.length > 1 || this.root.children.some((node) => node.type !== 'comment')) return this.#fail('a doctype after content');
    this.root.data = { quirksMode: false };
    this.root.children.push({ type: 'doctype' });
  }

  onopentag(name: string, attributes: Record<string, string>, isImplied: boolean): void {
    this.#flushText();
    const parent = this.#stack[this.#stack.length - 1];
    if (isImplied) this.#fail(`<${name}> opened by an end tag`);
    else if (this.irregular === undefined) this.#fail(this.#checkSkeleton(name) ?? repairOfElement(name, this.#names, parent.inSvg));
    const properties: Record<string, string> = {};
    // hast-util-from-parse5 skips attributes named like Object.prototype members (`constructor`, `toString`, …).
    for (const key in attributes) if (!Object.hasOwn(Object.prototype, key)) properties[key] = attributes[key];
    const inSvg = parent.inSvg || name === 'svg';
    const element = (inSvg ? s : h)(name, properties);
    parent.children.push(element);
    // `h` moves a template's children into `content`, a root; parse5's template content root has quirksMode data.
    const content = !inSvg && name === 'template' ? element.content : undefined;
    if (content) content.data = { quirksMode: false };
    this.#stack.push({ name, children: content ? content.children : element.children, inSvg: inSvg && !SVG_INTEGRATION_POINTS.has(name) });
    this.#names.push(name);
    if (name === 'html') this.#html ??= element;
    else if (name === 'head') this.#head ??= element;
    else if (name === 'body') this.#body ??= element;
  }

  onclosetag(name: string, isImplied: boolean): void {
    this.#flushText();
    const open = this.#stack.pop()!;
    this.#names.pop();
    if (isImplied && !VOID.has(name) && !this.#selfClosed(open)) this.#fail(`<${name}> not closed by its own end tag`);
  }

  ontext(data: string): void {
    this.#pendingText.push(data);
  }

  oncomment(data: string): void {
    this.#flushText();
    this.#stack[this.#stack.length - 1].children.push({ type: 'comment', value: data });
  }

  onend(): void {
    this.#flushText();
    if (!this.#body) this.#fail('no explicit <html>, <head> and <body>');
  }

  #fail(reason: string | undefined): void {
    if (reason !== undefined) this.irregular ??= { type: 'irregular', reason };
  }

  /** Why parse5 would place `name` elsewhere in the document skeleton (html > head + body), or undefined. */
  #checkSkeleton(name: string): string | undefined {
    const parent = this.#names[this.#names.length - 1];
    if (name === 'html') return parent === undefined && !this.#html ? undefined : '<html> out of place';
    if (name === 'head') return parent === 'html' && !this.#head ? undefined : '<head> out of place';
    if (name === 'body') return parent === 'html' && this.#head && !this.#body ? undefined : '<body> out of place';
    // parse5 moves content after </body> or </html> into body.
    return parent === undefined || parent === 'html' ? `<${name}> outside head and body` : undefined;
  }

  /** True when `open` was just closed by "/>" in SVG, which parse5 honours there (htmlparser2 reports it as implied). */
  #selfClosed(open: Open): boolean {
    const end = this.parser!.endIndex;
    return open.children.length === 0 && this.#source.charCodeAt(end) === 62 && this.#source.charCodeAt(end - 1) === 47;
  }

  /** Adds the pending text as one node, where parse5 would put it. */
  #flushText(): void {
    if (this.#pendingText.length === 0) return;
    let value = this.#pendingText.length === 1 ? this.#pendingText[0] : this.#pendingText.join('');
    this.#pendingText.length = 0;
    const open = this.#stack[this.#stack.length - 1];
    if (LEADING_NEWLINE_DROPPED.has(open.name) && open.children.length === 0 && value.startsWith('\n')) value = value.slice(1);
    if (value === '') return;
    if (open.name === '#root' || open.name === 'html') {
      // parse5 drops whitespace before <head>, keeps it between </head> and <body>, and moves it into body after </body>.
      if (!WHITESPACE_ONLY.test(value)) return this.#fail('text outside head and body');
      if (this.#body) return appendText(this.#body.children, value);
      if (!this.#head || open.name === '#root') return;
    } else {
      this.#fail(repairOfText(value, this.#names));
    }
    appendText(open.children, value);
  }
}

function appendText(children: RootContent[], value: string): void {
  const last = children[children.length - 1];
  if (last?.type === 'text') last.value += value;
  else children.push({ type: 'text', value });
}
