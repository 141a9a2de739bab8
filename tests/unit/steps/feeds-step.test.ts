/** The feeds step: every feed written, and a feed whose input is unchanged linked from the published site. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFeeds } from '../../../scripts/steps/feeds-step.ts';
import { analyseRelations } from '../../../scripts/relations/index.ts';
import type { ConceptsData, ConceptSummary } from '../../../scripts/concepts/model.ts';
import type { PolicyDocument } from '../../../scripts/ingest/model.ts';
import { listFiles } from '../../../scripts/offline/list-files.ts';
import { makeDoc } from '../concepts/make-doc.ts';

function doc(id: string, date: string, region: string[]): PolicyDocument {
  const d = makeDoc(id, { title: `${id}实施方案`, date, preamble: [`为推进${id}，制定本方案。`] });
  d.meta.region.value = region;
  return d;
}

const concept: ConceptSummary = {
  id: 'lianzhangzhi',
  name: '链长制',
  definition: '由地方负责人牵头推进一条产业链的工作机制。',
  aliases: [],
  related: [],
  url: '/concepts/lianzhangzhi/',
  mentions: 1,
  documents: [{ document: 'a', mentions: 1, firstAnchor: 'preamble' }],
};
const concepts: ConceptsData = { generatedBy: 'test', concepts: [concept], occurrences: [], candidates: [], citations: {} };
const before = [doc('a', '2024-05-01', ['乙省', '甲市']), doc('b', '2024-06-01', ['乙省', '丙市'])];
// Added: older than both, in 丙市, using no concept.
const after = [...before, doc('c', '2023-01-01', ['乙省', '丙市'])];

describe('writeFeeds', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-step-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (site: string, documents: PolicyDocument[], published?: Parameters<typeof writeFeeds>[4]) =>
    writeFeeds(path.join(dir, site), documents, concepts, analyseRelations(documents), published);
  const text = (site: string, rel: string) => fs.readFileSync(path.join(dir, site, rel), 'utf8');
  const inode = (site: string, rel: string) => fs.statSync(path.join(dir, site, rel)).ino;

  it('writes the collection, each region and each concept, and records each feed', () => {
    const report = write('published', before);
    const files = listFiles(path.join(dir, 'published')).sort();
    expect(files).toEqual([
      'feeds/all.xml',
      'feeds/concepts/lianzhangzhi.xml',
      'feeds/regions/yisheng-bingshi.xml',
      'feeds/regions/yisheng-jiashi.xml',
      'feeds/regions/yisheng.xml',
    ]);
    expect(report).toMatchObject({ files: 5, linked: 0 });
    expect(
      Object.values(report.records)
        .map((r) => r.rel)
        .sort(),
    ).toEqual(files);
  });

  it('links the feeds a new document is not in from the published site and writes the others, as a clean build writes them', () => {
    const published = { siteDir: path.join(dir, 'published'), records: write('published', before).records };
    const report = write('staged', after, published);
    const clean = write('clean', after);
    expect(report.linked).toBe(2);
    for (const rel of ['feeds/concepts/lianzhangzhi.xml', 'feeds/regions/yisheng-jiashi.xml']) expect(inode('staged', rel)).toBe(inode('published', rel));
    for (const rel of ['feeds/all.xml', 'feeds/regions/yisheng.xml', 'feeds/regions/yisheng-bingshi.xml']) {
      expect(inode('staged', rel)).not.toBe(inode('published', rel));
      expect(text('staged', rel)).toContain('c实施方案');
    }
    for (const rel of listFiles(path.join(dir, 'clean'))) expect(text('staged', rel)).toBe(text('clean', rel));
    expect(clean.linked).toBe(0);
  });

  it('writes a feed anew when the published file is no longer the recorded one', () => {
    const published = { siteDir: path.join(dir, 'published'), records: write('published', before).records };
    const rel = 'feeds/regions/yisheng-jiashi.xml';
    fs.rmSync(path.join(dir, 'published', rel));
    fs.writeFileSync(path.join(dir, 'published', rel), '<edited/>');
    const report = write('again', before, published);
    expect(report.linked).toBe(4);
    expect(text('again', rel)).toBe(text('clean', rel));
  });
});
