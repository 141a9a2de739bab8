/** Checks an Atom document against RFC 4287: its RELAX NG schema (tests/support/atom.rng, by libxml2) and the rules the schema leaves to Schematron. */
import fs from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { validateXML } from 'xmllint-wasm';

type Element = NonNullable<ReturnType<typeof DomUtils.findOne>>;

const SCHEMA = fs.readFileSync(path.join(import.meta.dirname, 'atom.rng'), 'utf8');

/** The problems of each file, by RFC 4287's schema; an empty list when all are valid. */
export async function atomSchemaErrors(files: Array<{ fileName: string; contents: string }>): Promise<string[]> {
  const result = await validateXML({ xml: files, schema: [SCHEMA], extension: 'relaxng', maxMemoryPages: 4096 });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

/** A parsed feed: its own fields and its entries. */
export interface ParsedFeed {
  id: string;
  title: string;
  updated: string;
  links: Array<{ rel: string; href: string; type?: string }>;
  authors: string[];
  entries: Array<{
    id: string;
    title: string;
    updated: string;
    published?: string;
    links: Array<{ rel: string; href: string; type?: string }>;
    authors: string[];
    summary: string;
    categories: string[];
  }>;
}

const isElement = (node: Element['children'][number], name: string): node is Element => node.type === 'tag' && (node as Element).name === name;
const child = (el: Element, name: string) => el.children.find((c): c is Element => isElement(c, name));
const children = (el: Element, name: string) => el.children.filter((c): c is Element => isElement(c, name));
const text = (el: Element | undefined) => (el ? DomUtils.textContent(el) : '');
const links = (el: Element) => children(el, 'link').map((l) => ({ rel: l.attribs.rel ?? 'alternate', href: l.attribs.href, type: l.attribs.type }));
const authors = (el: Element) => children(el, 'author').map((a) => text(child(a, 'name')));

/** Parses an Atom feed (XML mode: CDATA sections read as text). */
export function parseAtom(xml: string): ParsedFeed {
  const doc = parseDocument(xml, { xmlMode: true });
  const feed = DomUtils.findOne((e) => e.name === 'feed', doc.children, true);
  if (!feed) throw new Error('not an Atom feed: no <feed> element');
  return {
    id: text(child(feed, 'id')),
    title: text(child(feed, 'title')),
    updated: text(child(feed, 'updated')),
    links: links(feed),
    authors: authors(feed),
    entries: children(feed, 'entry').map((e) => ({
      id: text(child(e, 'id')),
      title: text(child(e, 'title')),
      updated: text(child(e, 'updated')),
      published: child(e, 'published') ? text(child(e, 'published')) : undefined,
      links: links(e),
      authors: authors(e),
      summary: text(child(e, 'summary')),
      categories: children(e, 'category').map((c) => c.attribs.term),
    })),
  };
}

/** RFC 4287's rules outside the schema: an author for the feed or for every entry; at most one alternate link per type; an alternate link on every entry (they have no content). */
export function atomRuleErrors(feed: ParsedFeed): string[] {
  const errors: string[] = [];
  if (feed.authors.length === 0 && feed.entries.some((e) => e.authors.length === 0))
    errors.push('atom:feed has no atom:author and an entry has none either (RFC 4287 4.1.1)');
  const alternates = (ls: ParsedFeed['links']) => ls.filter((l) => l.rel === 'alternate').map((l) => l.type ?? '');
  const duplicated = (types: string[]) => types.length !== new Set(types).size;
  if (duplicated(alternates(feed.links))) errors.push('atom:feed has two alternate links of one type (RFC 4287 4.1.1)');
  for (const e of feed.entries) {
    if (alternates(e.links).length === 0) errors.push(`entry ${e.id} has no alternate link and no content (RFC 4287 4.1.2)`);
    if (duplicated(alternates(e.links))) errors.push(`entry ${e.id} has two alternate links of one type (RFC 4287 4.1.2)`);
  }
  return errors;
}
