/**
 * remarkConceptLinks: links the first mention of each glossary concept in
 * every task (provision section) to the concept's page, with the concept's
 * definition as a tooltip.
 *
 * Runs in the build script on the MDX tree of a page, before remarkSafeText
 * (which turns all text into JSON literals). Mentions come from the build's
 * occurrence finder when given (`paragraphMentions`), else from one scan of
 * each text with the trie matcher, longest term first (链主企业 before 链主).
 * Never links inside links, code, table header cells, unit chips, the
 * original-text view, or to the page's own concept; a task's heading gets a
 * link only for a concept the task's text does not mention (so a concept named
 * only in a heading is still linked there). Mentions with a key that is no
 * concept of the glossary (organisation names compiled into the matcher so that
 * 济南能源互联网产业发展促进中心 is not cut at 能源互联网) are never linked.
 *
 * Markup per mention, as small as it can be, because every element and
 * character costs serialisation time (scripts/bench/concepts.ts):
 *   <a href="/concepts/x/" aria-describedby="cdef-x">term</a>
 *   <button type="button" popovertarget="cdef-x" aria-labelledby="cdef-x">?</button>
 * and once per page and concept, at the end: <span id="cdef-x" popover>name：definition</span>.
 * No JavaScript: CSS (src/styles/concepts.css and the per-concept rules
 * scripts/site/tip-css.ts generates) shows the definition under the
 * link while it is hovered or keyboard-focused; on touch screens the "?"
 * button is visible and opens the definition popover. Screen readers get
 * the definition from aria-describedby.
 */
import { jsxAttribute } from './jsx-attribute.ts';
import type { Root, Nodes, Parents, PhrasingContent, Text } from 'mdast';
import type { MdxJsxTextElement, MdxJsxFlowElement, MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { compileMatcher, type Matcher, type Mention } from '../../concepts/matcher.ts';

/** A concept a page may link to. */
export interface ConceptLinkTarget {
  id: string;
  name: string;
  /** The concept page's URL. */
  url: string;
  /** Shown in the tooltip. */
  definition: string;
  /** Written forms (name and aliases) that link here. */
  terms: readonly string[];
}

/** Options of {@link remarkConceptLinks}. */
export interface RemarkConceptLinksOptions {
  /** The glossary: every concept that may be linked. */
  concepts: readonly ConceptLinkTarget[];
  /** A matcher compiled from the same concepts (keys = concept ids); compiled from `concepts` when absent. */
  matcher?: Matcher;
  /**
   * The mentions already found in a paragraph (`<p data-lines="12-…">`) by the build's
   * occurrence finder, so the page is not scanned again: given the paragraph's first
   * line and a way to get its text, return its mentions (offsets into that text), or
   * undefined to let the plugin scan it.
   */
  paragraphMentions?: (line: number, text: () => string) => readonly Mention[] | undefined;
  /** The concept whose own page this is: never linked. */
  currentConcept?: string;
  /** Element names whose text is never linked. Default {@link DEFAULT_SKIP_ELEMENTS}. */
  skipElements?: readonly string[];
  /** Class names whose element's text is never linked. Default {@link DEFAULT_SKIP_CLASSES}. */
  skipClasses?: readonly string[];
  /** Class names of elements that start a "first mention" scope (a task). Default ["prov", "box"]. */
  scopeClasses?: readonly string[];
}

/** Headings, links, code, header cells, form controls. */
export const DEFAULT_SKIP_ELEMENTS: readonly string[] = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'code',
  'pre',
  'kbd',
  'th',
  'button',
  'script',
  'style',
  'abbr',
  'dfn',
];
/** The original-text view, task tools, unit chips, the definitions block, and an opt-out class. */
export const DEFAULT_SKIP_CLASSES: readonly string[] = ['source-lines', 'prov-tools', 'units', 'concept-tips', 'no-concept-links'];
/** mdast node types whose text is never linked. */
const SKIP_TYPES = new Set(['heading', 'link', 'linkReference', 'code', 'inlineCode', 'html', 'definition']);

/** The id of a concept's definition popover on a page. */
export const tipId = (conceptId: string) => `cdef-${conceptId}`;

interface Settings {
  targets: Map<string, ConceptLinkTarget>;
  matcher: Matcher;
  paragraphMentions?: RemarkConceptLinksOptions['paragraphMentions'];
  currentConcept?: string;
  skipElements: Set<string>;
  skipClasses: Set<string>;
  scopeClasses: Set<string>;
}

/** The concepts linked so far in one "first mention" scope (a task section, a box, or a top-level block). */
type Scope = Set<string>;

const compiled = new WeakMap<readonly ConceptLinkTarget[], Matcher>();

/** The plugin: returns the transformer for one page's tree. */
export function remarkConceptLinks(options: RemarkConceptLinksOptions) {
  const settings = normalise(options);
  return (tree: Root) => {
    const used = new Set<string>();
    const next: Root['children'] = [];
    for (const child of tree.children) {
      // Outside tasks, each top-level block (notice, preamble, footer) is a scope of its own.
      const own = scopeOf(child as Nodes, settings);
      const scope = own ?? new Set<string>();
      const linked = child.type === 'text' ? linkText(child, scope, settings, used) : null;
      if (linked) next.push(...(linked as Root['children']));
      else {
        if (child.type !== 'text' && !skipped(child as Nodes, settings)) visit(child as Nodes, scope, settings, used);
        if (own) linkHeading(child as Nodes, own, settings, used);
        next.push(child);
      }
    }
    if (used.size > 0) next.push(definitions([...used].map((id) => settings.targets.get(id)!)));
    tree.children = next;
  };
}

function normalise(options: RemarkConceptLinksOptions): Settings {
  let matcher = options.matcher ?? compiled.get(options.concepts);
  if (!matcher) {
    matcher = compileMatcher(options.concepts.flatMap((c) => c.terms.map((term) => ({ term, key: c.id }))));
    compiled.set(options.concepts, matcher);
  }
  return {
    targets: new Map(options.concepts.map((c) => [c.id, c])),
    matcher,
    paragraphMentions: options.paragraphMentions,
    currentConcept: options.currentConcept,
    skipElements: new Set(options.skipElements ?? DEFAULT_SKIP_ELEMENTS),
    skipClasses: new Set(options.skipClasses ?? DEFAULT_SKIP_CLASSES),
    scopeClasses: new Set(options.scopeClasses ?? ['prov', 'box']),
  };
}

function isJsx(node: Nodes): node is MdxJsxFlowElement | MdxJsxTextElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

function hasClass(node: MdxJsxFlowElement | MdxJsxTextElement, wanted: Set<string>): boolean {
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute' || (a.name !== 'class' && a.name !== 'className')) continue;
    // A quoted value, or a JSON string literal as this plugin writes them (class={"x"}).
    const value = typeof a.value === 'string' ? a.value : a.value?.value.startsWith('"') ? (JSON.parse(a.value.value) as string) : '';
    return value.split(' ').some((c) => wanted.has(c));
  }
  return false;
}

function skipped(node: Nodes, s: Settings): boolean {
  if (SKIP_TYPES.has(node.type)) return true;
  if (!isJsx(node)) return false;
  return (node.name !== null && s.skipElements.has(node.name)) || hasClass(node, s.skipClasses);
}

/** A new scope when `node` is a task section or box. */
function scopeOf(node: Nodes, s: Settings): Scope | undefined {
  return isJsx(node) && hasClass(node, s.scopeClasses) ? new Set() : undefined;
}

/** Links text under `parent`; `used` collects the concepts linked on the page. */
function visit(parent: Nodes, scope: Scope, s: Settings, used: Set<string>): void {
  if (!('children' in parent)) return;
  const children = (parent as Parents).children as Nodes[];
  // The children array is only rebuilt when a text node gains a link (most do not).
  let next: Nodes[] | undefined;
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index];
    if (child.type === 'text') {
      const linked = linkText(child, scope, s, used);
      if (linked) {
        next ??= children.slice(0, index);
        next.push(...linked);
        continue;
      }
    } else if (!skipped(child, s)) {
      const known = knownMentions(child, s);
      if (known) linkParagraph(child as Parents, known, scope, s, used);
      else if (child.type === 'table') {
        // A Markdown table's first row is its header row.
        for (const row of child.children.slice(1)) visit(row, scope, s, used);
      } else {
        const own = scopeOf(child, s);
        visit(child, own ?? scope, s, used);
        if (own) linkHeading(child, own, s, used);
      }
    }
    next?.push(child);
  }
  if (next) (parent as Parents).children = next as Parents['children'];
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Links, in a task's (or box's) own heading, the concepts its text did not
 * mention: after the task's text, so the text keeps the first link of a concept
 * it names and the heading links only what would otherwise go unlinked.
 */
function linkHeading(scopeNode: Nodes, scope: Scope, s: Settings, used: Set<string>): void {
  if (!('children' in scopeNode)) return;
  const heading = (scopeNode.children as Nodes[]).find((c) => isJsx(c) && c.name !== null && HEADINGS.has(c.name));
  if (!heading || !('children' in heading)) return;
  const children = heading.children as Nodes[];
  const next: Nodes[] = [];
  for (const child of children) {
    const linked = child.type === 'text' ? linkText(child, scope, s, used) : null;
    if (linked) next.push(...(linked as Nodes[]));
    else next.push(child);
  }
  (heading as Parents).children = next as Parents['children'];
}

/** The build's mentions for a <p data-lines> element, when it has them. */
function knownMentions(node: Nodes, s: Settings): readonly Mention[] | undefined {
  if (!s.paragraphMentions || node.type !== 'mdxJsxFlowElement' || node.name !== 'p') return undefined;
  const lines = jsxAttribute(node, 'data-lines');
  return typeof lines === 'string' ? s.paragraphMentions(Number.parseInt(lines, 10), () => plainText(node)) : undefined;
}

function plainText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : '';
}

/**
 * Links a paragraph from known mentions: walks its text nodes (also inside
 * <mark>) keeping the offset into the paragraph's text, and links the
 * mentions that fall inside one text node; text in skipped elements only
 * moves the offset.
 */
function linkParagraph(paragraph: Parents, mentions: readonly Mention[], scope: Scope, s: Settings, used: Set<string>): void {
  if (mentions.length === 0) return;
  let offset = 0;
  const walk = (parent: Parents, skip: boolean) => {
    const children = parent.children as Nodes[];
    let next: Nodes[] | undefined;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index];
      if (child.type === 'text') {
        const from = offset;
        offset += child.value.length;
        const inside = skip ? [] : mentions.filter((m) => m.start >= from && m.end <= offset).map((m) => ({ ...m, start: m.start - from, end: m.end - from }));
        const linked = inside.length > 0 ? linkText(child, scope, s, used, inside) : null;
        if (linked) {
          next ??= children.slice(0, index);
          next.push(...linked);
          continue;
        }
      } else if ('children' in child) walk(child as Parents, skip || skipped(child, s));
      next?.push(child);
    }
    if (next) parent.children = next as Parents['children'];
  };
  walk(paragraph, false);
}

/** Splits a text node around the first unlinked mention of each concept in this scope; null when nothing is linked. */
function linkText(
  node: Text,
  scope: Scope,
  s: Settings,
  used: Set<string>,
  mentions: readonly Mention[] = s.matcher.match(node.value),
): PhrasingContent[] | null {
  let out: PhrasingContent[] | null = null;
  let at = 0;
  for (const m of mentions) {
    const target = s.targets.get(m.key);
    if (!target || m.key === s.currentConcept || scope.has(m.key)) continue;
    scope.add(m.key);
    used.add(m.key);
    out ??= [];
    if (m.start > at) out.push({ type: 'text', value: node.value.slice(at, m.start) });
    out.push(...conceptLink(target, m.text));
    at = m.end;
  }
  if (out && at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}

/**
 * JSX attributes whose values are JSON string literals (href={"/concepts/x/"}):
 * the same safety as remarkSafeText's text, and far cheaper to serialise than
 * quoted values, which mdast-util-mdx-jsx runs through an entity encoder that
 * compiles a new regular expression for every attribute.
 */
const literalAttrs = (attrs: Record<string, string>): MdxJsxAttribute[] =>
  Object.entries(attrs).map(([name, value]) => ({
    type: 'mdxJsxAttribute',
    name,
    value: { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(value) },
  }));

const element = (name: string, attrs: Record<string, string>, children: PhrasingContent[]): MdxJsxTextElement => ({
  type: 'mdxJsxTextElement',
  name,
  attributes: literalAttrs(attrs),
  children,
});

/** The link and its "?" button (named by the definition popover it opens). */
function conceptLink(target: ConceptLinkTarget, text: string): PhrasingContent[] {
  const id = tipId(target.id);
  return [
    element('a', { href: target.url, 'aria-describedby': id }, [{ type: 'text', value: text }]),
    element('button', { type: 'button', popovertarget: id, 'aria-labelledby': id }, [{ type: 'text', value: '?' }]),
  ];
}

/** The page's definitions, one popover per linked concept (unstyled browsers show them as a list at the end). */
function definitions(targets: ConceptLinkTarget[]): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: 'div',
    attributes: literalAttrs({ class: 'concept-tips', 'data-pagefind-ignore': '' }),
    // Inline popovers directly in a block, as JSX allows (serialised one per line).
    children: targets.map((t) =>
      element('span', { id: tipId(t.id), popover: '' }, [
        element('strong', {}, [{ type: 'text', value: t.name }]),
        { type: 'text', value: `：${t.definition}` },
      ]),
    ) as unknown as MdxJsxFlowElement['children'],
  };
}
