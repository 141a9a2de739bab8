/**
 * HTML reader for saved web pages: every block of text on the page becomes a line (a table row
 * becomes one line with its cells separated by tabs), each mapped to its element; then the page's
 * own document text is found and everything around it (site header, navigation, breadcrumbs,
 * share and print links, footer) is set aside: shown on the original-text page, never parsed.
 *
 * Finding the document text: the text a reader reads is plain (not link) Chinese text, and on a
 * government page the document holds nearly all of it. So the content element is the deepest
 * element holding at least `CONTENT_SHARE` of the page's plain text, and the document's title is the
 * heading (h1–h3, or an element named "title") just before it. Inside, lines made only of links (breadcrumbs, [打印] [关闭], share buttons) are set
 * aside too. This is @mozilla/readability's idea (text density, link density) in the small:
 * Readability 0.6.0 returns the article as new HTML and the title apart, so its lines could not
 * be mapped back to the page's elements, and it drops the title heading the parser needs.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import iconv from 'iconv-lite';
import type { Diagnostic, Normalisation } from '../model.ts';
import { unreadable, type ExtractedText, type LineOrigin } from './model.ts';
import { countHan } from '../../../shared/document/cjk.ts';

/** Largest saved page read, in bytes. */
export const MAX_HTML_BYTES = 16 * 1024 * 1024;
/** The content element holds at least this share of the page's plain (non-link) text. */
const CONTENT_SHARE = 0.6;
/** A page whose main text has fewer Chinese characters than this has no main text. */
const MIN_MAIN_TEXT = 20;
/** Elements whose text is not page text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'select',
  'button',
  'input',
  'textarea',
  'canvas',
  'video',
  'audio',
]);
/** Elements that start and end a line. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
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
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'ul',
  'title',
]);
const TITLE_HEADINGS = new Set(['h1', 'h2', 'h3']);

// ---------------------------------------------------------------------------
// Public API

/** Reads a saved web page into lines, setting aside what is not the document; refuses a page without main text. */
export function readHtml(file: string, bytes: Uint8Array): ExtractedText | { error: Diagnostic } {
  if (bytes.length > MAX_HTML_BYTES) {
    return {
      error: unreadable(
        file,
        'read/too-large',
        `page of ${(bytes.length / 1048576).toFixed(1)} MB; pages over ${MAX_HTML_BYTES / 1048576} MB are not read`,
        'Save the page without embedded images ("HTML only").',
      ),
    };
  }
  const { text: html, diagnostics } = decodeHtml(file, bytes);
  const dom = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const lines = collectLines(dom.children);
  const main = mainRegion(lines);
  const mainText = lines.filter((l) => main.has(l)).reduce((n, l) => n + l.plain, 0);
  if (lines.length === 0 || mainText < MIN_MAIN_TEXT) {
    return {
      error: unreadable(
        file,
        'read/html-no-main-text',
        `page has no main text (${mainText} Chinese characters outside links); only navigation or a list of links was found`,
        'Save the page that shows the document itself, not a list or index page.',
      ),
    };
  }
  const normalisations: Normalisation[] = [];
  const setAside: number[] = [];
  lines.forEach((line, i) => {
    if (main.has(line) && !line.onlyLinks) return;
    setAside.push(i + 1);
    if (line.text.trim() !== '') normalisations.push({ kind: 'site-navigation', line: i + 1, before: line.text, after: '' });
  });
  return {
    format: 'html',
    lines: lines.map((l) => l.text),
    origins: lines.map((l): LineOrigin => ({ type: 'html', path: l.path })),
    normalisations,
    setAside,
    diagnostics,
  };
}

// ---------------------------------------------------------------------------
// Decoding

/** Decodes by BOM, then the page's own <meta charset>, then by trying UTF-8; GBK pages are common on government sites. */
function decodeHtml(file: string, bytes: Uint8Array): { text: string; diagnostics: Diagnostic[] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), diagnostics: [] };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), diagnostics: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), diagnostics: [] };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
    // GB2312 and GBK pages use GB18030's superset freely; decode with the superset.
    const encoding = /^(gb2312|gbk|x-gbk|gb_2312-80)$/.test(declared) ? 'gb18030' : declared;
    return { text: iconv.decode(Buffer.from(bytes), encoding), diagnostics: [] };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), diagnostics: [] };
  } catch {
    if (declared) return { text: new TextDecoder('utf-8').decode(bytes), diagnostics: [lossy(file)] };
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), diagnostics: [] };
  }
}

function lossy(file: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'read/lossy-utf8',
    message: `${file}: page declares UTF-8 but has invalid bytes, replaced with U+FFFD`,
    file,
    line: 0,
    hint: 'Save the page again from the browser.',
  };
}

// ---------------------------------------------------------------------------
// Lines

interface PageLine {
  text: string;
  path: string;
  /** Elements the line sits in, outermost first. */
  ancestors: Element[];
  /** Chinese characters outside links (the document's text is Chinese; dates and separators are not text). */
  plain: number;
  /** True when every character of the line is link text. */
  onlyLinks: boolean;
}

function collectLines(nodes: ChildNode[]): PageLine[] {
  const lines: PageLine[] = [];
  let text = '';
  let plain = 0;
  let linked = 0;
  let owner: Element[] = [];
  const flush = () => {
    const trimmed = text.replace(/^[ \n\r\t\f]+|[ \n\r\t\f]+$/g, '');
    if (trimmed !== '' && owner.length > 0) {
      lines.push({ text: trimmed, path: pathOf(owner), ancestors: owner, plain, onlyLinks: plain === 0 && linked > 0 });
    }
    text = '';
    plain = 0;
    linked = 0;
  };
  const walk = (list: ChildNode[], stack: Element[], inLink: boolean, pre: boolean) => {
    for (const node of list) {
      if (node.type === 'text') {
        const data = pre ? node.data : node.data.replace(/[ \n\r\t\f]+/g, ' ');
        if (data === '' || (data === ' ' && (text === '' || text.endsWith(' ')))) continue;
        if (text === '') owner = stack;
        text += data;
        const count = countHan(data);
        if (inLink) linked += count;
        else plain += count;
        continue;
      }
      if (node.type !== 'tag' && node.type !== 'root') continue;
      const el = node as Element;
      const name = el.name;
      if (SKIPPED.has(name)) continue;
      const inner = [...stack, el];
      if (name === 'br') {
        flush();
        continue;
      }
      if (name === 'tr') {
        flush();
        owner = inner;
        const cells = el.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
        const texts = cells.map((cell) => cellText(cell));
        const row = texts.map((t) => t.text).join('\t');
        if (row.replace(/\s/g, '') !== '') {
          const rowPlain = texts.reduce((n, t) => n + t.plain, 0);
          const rowLinked = texts.reduce((n, t) => n + t.linked, 0);
          lines.push({ text: row, path: pathOf(inner), ancestors: inner, plain: rowPlain, onlyLinks: rowPlain === 0 && rowLinked > 0 });
        }
        continue;
      }
      const block = BLOCKS.has(name) || name === 'td' || name === 'th';
      if (block) flush();
      walk(el.children, inner, inLink || name === 'a', pre || name === 'pre');
      if (block) flush();
    }
  };
  walk(nodes, [], false, false);
  flush();
  return lines;
}

/** A table cell's text on one line (its own blocks run together), with its plain and link character counts. */
function cellText(cell: Element): { text: string; plain: number; linked: number } {
  let text = '';
  let plain = 0;
  let linked = 0;
  const walk = (list: ChildNode[], inLink: boolean) => {
    for (const node of list) {
      if (node.type === 'text') {
        const data = node.data.replace(/[ \n\r\t\f]+/g, ' ');
        text += data;
        const count = countHan(data);
        if (inLink) linked += count;
        else plain += count;
      } else if (node.type === 'tag' && !SKIPPED.has((node as Element).name)) walk((node as Element).children, inLink || (node as Element).name === 'a');
    }
  };
  walk(cell.children, false);
  return { text: text.replace(/^ +| +$/g, ''), plain, linked };
}

/** A CSS-like path from <body>: `div#content > p:nth-of-type(3)`; ids and the first class name make it readable. */
function pathOf(stack: Element[]): string {
  const start = stack.findIndex((el) => el.name === 'body');
  return stack
    .slice(start < 0 ? 0 : start + 1)
    .map((el) => {
      const id = el.attribs.id ? `#${el.attribs.id}` : '';
      const cls = !id && el.attribs.class ? `.${el.attribs.class.trim().split(/\s+/)[0]}` : '';
      const parent = el.parent as Element | null;
      const same = parent ? parent.children.filter((c) => c.type === 'tag' && (c as Element).name === el.name) : [el];
      const nth = same.length > 1 && !id ? `:nth-of-type(${same.indexOf(el) + 1})` : '';
      return `${el.name}${id}${cls}${nth}`;
    })
    .join(' > ');
}

// ---------------------------------------------------------------------------
// Main region

/** The lines that are the document: the title heading before the content element, then the content element's lines. */
function mainRegion(lines: PageLine[]): Set<PageLine> {
  const total = lines.reduce((n, l) => n + l.plain, 0);
  const weight = new Map<Element, number>();
  for (const line of lines) for (const el of new Set(line.ancestors)) weight.set(el, (weight.get(el) ?? 0) + line.plain);
  let content: Element | null = null;
  let depth = -1;
  for (const line of lines) {
    line.ancestors.forEach((el, d) => {
      if (d > depth && (weight.get(el) ?? 0) >= CONTENT_SHARE * total && !isTableInner(el)) {
        content = el;
        depth = d;
      }
    });
  }
  if (!content) return new Set();
  const region: Element = content;
  const inContent = lines.filter((l) => l.ancestors.includes(region));
  const first = lines.indexOf(inContent[0]);
  // The title heading just before the content (h1–h3 or an element named "title"); what lies
  // between the two (date, source, font size and print links) is the site's, not the document's.
  const titleLine = lines
    .slice(0, first)
    .reverse()
    .find((l) => l.plain > 0 && l.ancestors.some(isTitleElement));
  const heading = titleLine?.ancestors.findLast(isTitleElement);
  const title = heading ? lines.slice(0, first).filter((l) => l.ancestors.includes(heading)) : [];
  // A page heading that the content repeats (the document prints its own title) is the site's copy.
  const head = titleKey(
    inContent
      .slice(0, 8)
      .map((l) => l.text)
      .join(''),
  );
  const repeated = title.length > 0 && head.includes(titleKey(title.map((l) => l.text).join('')));
  return new Set([...(repeated ? [] : title), ...inContent]);
}

/** A title's words: no spaces, no trailing bracketed document number "(发改运行〔2020〕1784号)". */
function titleKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/[（(][^（）()]*[）)]$/, '');
}

function isTableInner(el: Element): boolean {
  return el.name === 'tr' || el.name === 'td' || el.name === 'th' || el.name === 'tbody' || el.name === 'thead';
}

function isTitleElement(el: Element): boolean {
  if (TITLE_HEADINGS.has(el.name)) return true;
  const named = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase();
  return /(^|[\s_-])(title|biaoti|bt)([\s_-]|$)/.test(named);
}
