/**
 * The site's Atom feeds (pure): which feeds there are and what each lists, and
 * the Atom text of one, written by the `feed` library (it builds the XML and
 * escapes it; we never write XML by hand). Entries are newest first: a
 * document's date (成文日期), else the start of its period, else the newest
 * date of the collection (an undated document still reaches readers once, and
 * a rebuild gives the same feed: nothing here reads the clock).
 */
import { Feed, type FeedOptions, type Item } from 'feed';
import type { PolicyDocument } from '../ingest/model.ts';
import type { DocumentStanding } from '../relations/model.ts';
import { textUnits } from '../concepts/text-units.ts';
import { sentenceBounds } from '../relations/sentences.ts';
import { paths } from '../urls/paths.ts';
import { ALL_FEED, conceptFeed, regionFeed, regionPrefixes, regionSectionId } from '../urls/feed-names.ts';

/** A feed of the site: its name (see scripts/urls/feed-names.ts), titles, the page it belongs to, and its documents. */
export interface SiteFeed {
  name: string;
  title: string;
  subtitle: string;
  /** Site path (with base) of the page the feed belongs to. */
  page: string;
  documents: PolicyDocument[];
}

/** A concept as the feeds need it. */
export interface FeedConcept {
  id: string;
  name: string;
  /** Ids of the documents that use it. */
  documents: string[];
}

/** What the entries say beyond the document: status and period per document id. */
export interface FeedContext {
  /** Origin without trailing slash ("https://example.org"); with paths' base it makes absolute URLs. */
  origin: string;
  standing: Readonly<Record<string, DocumentStanding>>;
  /**
   * Each document's {@link entrySummary} by id, made once for all feeds: a document is an entry of about
   * ten feeds (the collection, its regions, its concepts). Made here when absent.
   */
  summaries?: ReadonlyMap<string, string>;
}

/** What the library is given for a feed: plain data, so its JSON says everything the feed's text is made from. */
export interface AtomInput {
  options: FeedOptions;
  items: Item[];
}

const SITE_NAME = '政策图谱 Policy Atlas';

/** Every feed of the site: the collection, each region at every level, each concept used by a document. */
export function siteFeeds(documents: readonly PolicyDocument[], concepts: readonly FeedConcept[]): SiteFeed[] {
  const feeds: SiteFeed[] = [
    { name: ALL_FEED, title: '政策图谱 · 新收录文件', subtitle: '本站收录的全部政策文件，按成文日期由新到旧。', page: paths.home(), documents: [...documents] },
  ];
  const regions = new Map<string, { region: string[]; documents: PolicyDocument[] }>();
  for (const doc of documents) {
    for (const region of regionPrefixes(doc.meta.region.value)) {
      const name = regionFeed(region);
      const entry = regions.get(name) ?? { region, documents: [] };
      entry.documents.push(doc);
      regions.set(name, entry);
    }
  }
  for (const [name, { region, documents: list }] of [...regions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const place = region.join(' › ');
    feeds.push({
      name,
      title: `政策图谱 · ${place}`,
      subtitle: `${place}及下辖地区的政策文件，按成文日期由新到旧。`,
      page: `${paths.home()}#${regionSectionId(region)}`,
      documents: list,
    });
  }
  const byId = new Map(documents.map((d) => [d.id, d]));
  for (const concept of concepts) {
    const list = concept.documents.map((id) => byId.get(id)).filter((d): d is PolicyDocument => d !== undefined);
    if (list.length === 0) continue;
    feeds.push({
      name: conceptFeed(concept.id),
      title: `政策图谱 · 概念：${concept.name}`,
      subtitle: `使用“${concept.name}”的政策文件，按成文日期由新到旧。`,
      page: paths.concept(concept.id),
      documents: list,
    });
  }
  return feeds;
}

/** The day an entry is dated by: its date, else the start of its period, else `fallback`. */
export function entryDay(doc: PolicyDocument, standing: DocumentStanding | undefined, fallback: string): string {
  return doc.meta.date.value ?? standing?.validity?.from ?? fallback;
}

/** The newest date of the collection (document dates and period starts); 1970-01-01 for a collection with none. */
export function newestDay(documents: readonly PolicyDocument[], standing: FeedContext['standing']): string {
  const days = documents.map((d) => d.meta.date.value ?? standing[d.id]?.validity?.from ?? '').filter(Boolean);
  return days.length > 0 ? days.reduce((a, b) => (a > b ? a : b)) : '1970-01-01';
}

/** The Atom text of a feed. */
export function atomFeed(feed: SiteFeed, context: FeedContext, collectionNewest: string): string {
  return atomText(atomInput(feed, context, collectionNewest));
}

/** What the library is given for a feed (see {@link atomText}). */
export function atomInput(feed: SiteFeed, context: FeedContext, collectionNewest: string): AtomInput {
  const url = (path: string) => context.origin + path;
  const dayOf = (doc: PolicyDocument) => entryDay(doc, context.standing[doc.id], collectionNewest);
  const entries = [...feed.documents].sort((a, b) => (dayOf(a) < dayOf(b) ? 1 : dayOf(a) > dayOf(b) ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const updated = entries.length > 0 ? dayOf(entries[0]) : collectionNewest;
  const self = url(paths.feed(feed.name));
  const options: FeedOptions = {
    id: self,
    title: xmlText(feed.title),
    description: xmlText(feed.subtitle),
    link: url(feed.page),
    feedLinks: { atom: self },
    updated: utcDate(updated),
    generator: SITE_NAME,
    author: { name: SITE_NAME, link: url(paths.home()) },
  };
  const items = entries.map((doc): Item => {
    const m = doc.meta;
    const link = url(paths.doc(doc.id));
    return {
      id: link,
      link,
      // The library writes titles and summaries as type="html": escaped, a seed's "<" stays text.
      title: escapeHtml(m.title.value),
      date: utcDate(dayOf(doc)),
      ...(m.date.value ? { published: utcDate(m.date.value) } : {}),
      description: context.summaries?.get(doc.id) ?? entrySummary(doc, context.standing[doc.id]),
      author: (m.issuer.value ?? '')
        .split('、')
        .filter(Boolean)
        .map((name) => ({ name: xmlText(name) })),
      category: [m.kind.value, context.standing[doc.id]?.status ?? m.status.value, ...m.region.value].map((term) => ({ term: xmlText(term) })),
    };
  });
  return { options, items };
}

/** The Atom text the library writes of `input`. */
export function atomText(input: AtomInput): string {
  const atom = new Feed(input.options);
  for (const item of input.items) atom.addItem(item);
  return atom.atom1();
}

/** The entry's summary as HTML: issuer, 文号, date, status, period, and the document's first sentence. */
export function entrySummary(doc: PolicyDocument, standing: DocumentStanding | undefined): string {
  const m = doc.meta;
  const facts = [
    ['发文机关', m.issuer.value ?? '未注明'],
    ['发文字号', m.number.value],
    ['成文日期', m.date.value ? chineseDate(m.date.value) : '未注明'],
    ['状态', standing?.status ?? m.status.value],
    ['实施期限', standing?.validity?.text ?? null],
  ].filter((f): f is [string, string] => f[1] !== null);
  const lead = firstSentence(doc);
  return `<p>${facts.map(([k, v]) => `${k}：${escapeHtml(v)}`).join('；')}</p>${lead ? `<p>${escapeHtml(lead)}</p>` : ''}`;
}

/** The first sentence of the document's own text (its preamble, else its body): what it is for. */
function firstSentence(doc: PolicyDocument): string | null {
  const unit = textUnits(doc).find((u) => (u.region === 'preamble' || u.region === 'body') && u.part === 'text' && u.text.trim().length > 0);
  if (!unit) return null;
  const [start, end] = sentenceBounds(unit.text, 0);
  return unit.text.slice(start, end);
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Escapes text for the HTML of a type="html" Atom element. */
export function escapeHtml(text: string): string {
  return xmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text XML 1.0 can carry: control characters and lone surrogates (which no well-formed feed may hold) become U+FFFD. */
export function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
