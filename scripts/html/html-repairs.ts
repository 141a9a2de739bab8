/**
 * Where parse5 would repair markup that htmlparser2 takes as written: the
 * cases of the HTML tree-construction algorithm (HTML § 13.2.6) that move,
 * wrap or close elements even when every end tag is present. parse-html.ts
 * hands a page to parse5 when any of them occurs, so the rules may be stricter
 * than parse5 (a needless re-parse) but must never miss a repair.
 *
 * Cases htmlparser2 itself reports (an element closed by another tag, an end
 * tag that opens an element) and the document skeleton are checked in
 * parse-html.ts.
 */

const SCRIPTING = ['script', 'style', 'template'];

/** Parents that accept only these children: anything else is foster-parented, wrapped or dropped. */
const ONLY_CHILDREN = new Map<string, ReadonlySet<string>>([
  ['head', new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'noframes', 'noscript', 'script', 'style', 'template', 'title'])],
  ['table', new Set(['caption', 'colgroup', 'thead', 'tbody', 'tfoot', ...SCRIPTING])],
  ['thead', new Set(['tr', ...SCRIPTING])],
  ['tbody', new Set(['tr', ...SCRIPTING])],
  ['tfoot', new Set(['tr', ...SCRIPTING])],
  ['tr', new Set(['td', 'th', ...SCRIPTING])],
  ['colgroup', new Set(['col', 'template'])],
  ['select', new Set(['option', 'optgroup', 'hr', 'script', 'template'])],
  ['optgroup', new Set(['option', 'script', 'template'])],
]);

/** Children that parse5 only keeps under these parents (elsewhere the start tag is ignored or a parent inserted). */
const ONLY_PARENTS = new Map<string, ReadonlySet<string>>([
  ['td', new Set(['tr'])],
  ['th', new Set(['tr'])],
  ['tr', new Set(['thead', 'tbody', 'tfoot'])],
  ['thead', new Set(['table'])],
  ['tbody', new Set(['table'])],
  ['tfoot', new Set(['table'])],
  ['caption', new Set(['table'])],
  ['colgroup', new Set(['table'])],
  ['col', new Set(['colgroup'])],
]);

/** Children of <noscript> in head, which parse5 parses in the "in head noscript" mode (scripting is off in fromHtml). */
const HEAD_NOSCRIPT_CHILDREN: ReadonlySet<string> = new Set(['basefont', 'bgsound', 'link', 'meta', 'noframes', 'style']);

/** Start tags that close an open <p> in parse5 (htmlparser2 only closes a <p> that is the current element). */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'plaintext',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'ul',
  'xmp',
]);

/** Start tags that close an open element of the same kind further up (list items up to their list). */
const CLOSES_OPEN = new Map<string, { closes: ReadonlySet<string>; until: ReadonlySet<string> }>([
  ['li', { closes: new Set(['li']), until: new Set(['ol', 'ul', 'menu']) }],
  ['dd', { closes: new Set(['dd', 'dt']), until: new Set(['dl']) }],
  ['dt', { closes: new Set(['dd', 'dt']), until: new Set(['dl']) }],
  // The adoption agency algorithm and button scope: these never nest in parse5's tree.
  ['a', { closes: new Set(['a']), until: new Set() }],
  ['button', { closes: new Set(['button']), until: new Set() }],
  ['nobr', { closes: new Set(['nobr']), until: new Set() }],
]);

/** HTML start tags that make parse5 leave SVG content (HTML § 13.2.6.5). */
const BREAKS_OUT_OF_SVG = new Set([
  'b',
  'big',
  'blockquote',
  'body',
  'br',
  'center',
  'code',
  'dd',
  'div',
  'dl',
  'dt',
  'em',
  'embed',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'hr',
  'i',
  'img',
  'li',
  'listing',
  'menu',
  'meta',
  'nobr',
  'ol',
  'p',
  'pre',
  'ruby',
  's',
  'small',
  'span',
  'strong',
  'strike',
  'sub',
  'sup',
  'table',
  'tt',
  'u',
  'ul',
  'var',
]);

/** Parents in which parse5 does not keep text that is not whitespace. */
const WHITESPACE_TEXT_ONLY = new Set(['head', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup']);

const WHITESPACE_ONLY = /^[\t\n\f\r ]*$/;

/**
 * Why parse5 would not put a `name` element where htmlparser2 does, or
 * undefined. `open` lists the open elements' tag names, outermost first;
 * `inSvg` is true inside SVG content (not in an HTML integration point).
 */
export function repairOfElement(name: string, open: readonly string[], inSvg: boolean): string | undefined {
  const parent = open[open.length - 1];
  if (inSvg) return BREAKS_OUT_OF_SVG.has(name) ? `<${name}> inside <svg>` : undefined;
  if (name === 'math') return 'MathML (parse5 adjusts its attribute names)';
  if (ONLY_CHILDREN.get(parent)?.has(name) === false) return `<${name}> directly in <${parent}>`;
  if (ONLY_PARENTS.get(name)?.has(parent) === false) return `<${name}> in <${parent}>`;
  if (parent === 'noscript' && open[open.length - 2] === 'head' && !HEAD_NOSCRIPT_CHILDREN.has(name)) return `<${name}> in <noscript> in head`;
  if (CLOSES_P.has(name) && open.includes('p')) return `<${name}> inside <p>`;
  const closing = CLOSES_OPEN.get(name);
  if (closing) {
    for (let i = open.length - 1; i >= 0 && !closing.until.has(open[i]); i--) {
      if (closing.closes.has(open[i])) return `<${name}> inside <${open[i]}>`;
    }
  }
  return undefined;
}

/** Why parse5 would not keep `text` in the innermost of the `open` elements (foster-parenting it, or closing the head), or undefined. */
export function repairOfText(text: string, open: readonly string[]): string | undefined {
  const parent = open[open.length - 1];
  const headNoscript = parent === 'noscript' && open[open.length - 2] === 'head';
  return (WHITESPACE_TEXT_ONLY.has(parent) || headNoscript) && !WHITESPACE_ONLY.test(text) ? `text directly in <${parent}>` : undefined;
}
