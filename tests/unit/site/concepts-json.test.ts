import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../scripts/concepts/matcher.ts';
import type { ConceptSummary } from '../../../scripts/concepts/model.ts';
import { findOccurrences } from '../../../scripts/concepts/occurrences.ts';
import { conceptsJson, publishedConcepts } from '../../../scripts/site/concepts-json.ts';
import { paths } from '../../../scripts/urls/paths.ts';
import { makeDoc } from '../concepts/make-doc.ts';

const ORIGIN = 'https://example.org';

const doc = makeDoc('d1', {
  preamble: ['为落实链长制，制定本计划。'],
  tasks: [{ eid: 'item_1', title: '企业培育。', text: ['培育专精特新企业。深化链长制改革。'] }],
});
const occurrences = findOccurrences(
  [doc],
  compileMatcher([
    { term: '链长制', key: 'lianzhangzhi' },
    { term: '专精特新', key: 'zhuanjingtexin' },
  ]),
);

const summary = (id: string, name: string, extra: Partial<ConceptSummary> = {}): ConceptSummary => ({
  id,
  name,
  definition: `${name}的定义`,
  aliases: [],
  related: [],
  url: paths.concept(id),
  mentions: occurrences.filter((o) => o.concept === id).length,
  documents: [{ document: 'd1', mentions: 1, firstAnchor: 'item_1' }],
  ...extra,
});

describe('publishedConcepts', () => {
  const concepts = [
    summary('lianzhangzhi', '链长制', { aliases: ['链长'], related: ['zhuanjingtexin'], quote: { text: '深化链长制改革。', document: 'd1', eid: 'item_1' } }),
    summary('zhuanjingtexin', '专精特新'),
    summary('unused', '未用概念', { documents: [] }),
  ];
  const published = publishedConcepts({ concepts, occurrences }, ORIGIN);

  it('publishes each concept with an absolute URL, its glossary fields and how many documents use it', () => {
    expect(published[0]).toMatchObject({
      id: 'lianzhangzhi',
      name: '链长制',
      url: ORIGIN + paths.concept('lianzhangzhi'),
      aliases: ['链长'],
      definition: '链长制的定义',
      related: ['zhuanjingtexin'],
      quote: { text: '深化链长制改革。', document: 'd1', eid: 'item_1' },
      documents: 1,
    });
  });

  it('lists a concept’s own mentions in reading order, linking to the task or paragraph anchor', () => {
    expect(published[0].occurrences).toEqual([
      { document: 'd1', eid: null, anchor: 'para-1', url: ORIGIN + paths.task('d1', 'para-1'), line: 1, text: '链长制' },
      { document: 'd1', eid: 'item_1', anchor: 'item_1', url: ORIGIN + paths.task('d1', 'item_1'), line: 3, text: '链长制' },
    ]);
    expect(published[1].occurrences.map((o) => o.text)).toEqual(['专精特新']);
  });

  it('gives null for a missing quote and an empty list for a concept the corpus never uses', () => {
    expect(published[2]).toMatchObject({ quote: null, documents: 0, occurrences: [] });
  });

  it('serialises with one-space indentation and the fields in published order', () => {
    const text = conceptsJson(published);
    expect(text).toMatch(/^\[\n {\n {2}"id": "lianzhangzhi",\n {2}"name": "链长制",\n {2}"url": /);
    expect(Object.keys(JSON.parse(text)[2])).toEqual(['id', 'name', 'url', 'aliases', 'definition', 'related', 'quote', 'documents', 'occurrences']);
  });
});
