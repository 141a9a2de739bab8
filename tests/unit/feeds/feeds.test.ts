/** The Atom feeds: which there are, what each lists, and that their text is valid Atom whatever a title holds. */
import { describe, expect, it } from 'vitest';
import { atomFeed, entrySummary, siteFeeds, xmlText } from '../../../scripts/feeds/feeds.ts';
import { regionFeed } from '../../../scripts/urls/feed-names.ts';
import { analyseRelations } from '../../../scripts/relations/index.ts';
import { siteConfig } from '../../../scripts/urls/config.ts';
import { paths } from '../../../scripts/urls/paths.ts';
import type { PolicyDocument } from '../../../scripts/ingest/model.ts';
import { atomRuleErrors, atomSchemaErrors, parseAtom } from '../../support/atom.ts';
import { makeDoc } from '../concepts/make-doc.ts';

const { origin } = siteConfig();

function doc(id: string, title: string, date: string | null, region: string[], preamble: string[] = []): PolicyDocument {
  const d = makeDoc(id, { title, date, preamble });
  d.meta.region.value = region;
  d.meta.issuer.value = '甲市人民政府办公室、甲市财政局';
  return d;
}

const documents = [
  doc('older', '甲市促进消费若干措施', '2023-05-01', ['乙省', '甲市'], ['为促进消费，制定本措施。本措施自印发之日起施行。']),
  doc('newer', '甲市数据条例实施办法', '2024-10-24', ['乙省', '甲市']),
  doc('undated', '乙省行动计划（2025—2027年）', null, ['乙省']),
  doc('unknown', '无日期也无期限的文件', null, []),
];
const { standing } = analyseRelations(documents);
const context = { origin, standing };

describe('which feeds there are', () => {
  const feeds = siteFeeds(documents, [
    { id: 'xiaofei', name: '促进消费', documents: ['older'] },
    { id: 'unused', name: '未用', documents: [] },
  ]);

  it('has the collection, every level of every region, and each concept used by a document', () => {
    expect(feeds.map((f) => f.name)).toEqual(['all', regionFeed(['乙省']), regionFeed(['乙省', '甲市']), 'concepts/xiaofei']);
    expect(regionFeed(['乙省', '甲市'])).toBe('regions/yisheng-jiashi');
  });

  it('lists a document in the feed of its region and of each region above', () => {
    const ids = (name: string) =>
      feeds
        .find((f) => f.name === name)!
        .documents.map((d) => d.id)
        .sort();
    expect(ids(regionFeed(['乙省']))).toEqual(['newer', 'older', 'undated']);
    expect(ids(regionFeed(['乙省', '甲市']))).toEqual(['newer', 'older']);
    expect(ids('concepts/xiaofei')).toEqual(['older']);
  });
});

describe('a feed’s text', () => {
  const xml = atomFeed(siteFeeds(documents, [])[0], context, '2024-10-24');
  const feed = parseAtom(xml);

  it('is valid Atom (RFC 4287 schema and rules)', async () => {
    expect(await atomSchemaErrors([{ fileName: 'all.xml', contents: xml }])).toEqual([]);
    expect(atomRuleErrors(feed)).toEqual([]);
  });

  it('lists the newest first: by date, an undated document by the start of its period, else by the collection’s newest date', () => {
    expect(feed.entries.map((e) => [e.id, e.updated.slice(0, 10)])).toEqual([
      [origin + paths.doc('undated'), '2025-01-01'],
      [origin + paths.doc('newer'), '2024-10-24'],
      [origin + paths.doc('unknown'), '2024-10-24'],
      [origin + paths.doc('older'), '2023-05-01'],
    ]);
    expect(feed.updated.slice(0, 10)).toBe('2025-01-01');
    expect(feed.entries.find((e) => e.id.includes('undated'))!.published).toBeUndefined();
  });

  it('uses absolute URLs from SITE_URL for its id, its own link and every entry', () => {
    expect(feed.id).toBe(origin + paths.feed('all'));
    expect(feed.links).toEqual([
      { rel: 'alternate', href: origin + paths.home(), type: undefined },
      { rel: 'self', href: origin + paths.feed('all'), type: undefined },
    ]);
    for (const e of feed.entries) expect(e.links.map((l) => l.href)).toEqual([e.id]);
  });

  it('names each issuer of a joint document as an author, and summarises issuer, date, status, period and purpose', () => {
    const older = feed.entries.find((e) => e.id.endsWith('/older/'))!;
    expect(older.authors).toEqual(['甲市人民政府办公室', '甲市财政局']);
    expect(older.categories).toEqual(['行动计划', '正式', '乙省', '甲市']);
    expect(older.summary).toBe(
      '<p>发文机关：甲市人民政府办公室、甲市财政局；成文日期：2023年5月1日；状态：正式；实施期限：自印发之日起施行</p><p>为促进消费，制定本措施。</p>',
    );
  });

  it('is the same text on every build (no clock)', () => {
    expect(atomFeed(siteFeeds(documents, [])[0], context, '2024-10-24')).toBe(xml);
  });
});

describe('hostile titles', () => {
  const hostile = doc('h', '标题<script>alert(1)</script>]]>&amp;\u0007“引号”', '2024-01-01', []);
  const xml = atomFeed(siteFeeds([hostile], [])[0], { origin, standing: analyseRelations([hostile]).standing }, '2024-01-01');

  it('stay text: escaped as HTML inside the feed, never markup, and the feed stays valid', async () => {
    expect(await atomSchemaErrors([{ fileName: 'hostile.xml', contents: xml }])).toEqual([]);
    const [entry] = parseAtom(xml).entries;
    expect(entry.title).toBe('标题&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;&amp;amp;\uFFFD“引号”');
    expect(xml).not.toContain('<script>');
  });

  it('lose only characters XML cannot hold', () => {
    expect(xmlText('a\u0000b\u0008c\td\ne\uD800f😀')).toBe('a\uFFFDb\uFFFDc\td\ne\uFFFDf😀');
  });

  it('escape the summary’s values too', () => {
    const issuer = doc('i', '标题', '2024-01-01', []);
    issuer.meta.issuer.value = '<b>某局</b>';
    expect(entrySummary(issuer, undefined)).toContain('发文机关：&lt;b&gt;某局&lt;/b&gt;；');
  });
});
