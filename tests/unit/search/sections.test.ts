import { describe, expect, it } from 'vitest';
import { chunksFor, excerpt, mergeSpans, sectionAt, sectionHits, shownSections, sparseText, textWindow } from '../../../shared/search/sections.ts';
import { chunkOf, structureOf } from '../../../shared/search/pages.ts';
import type { PageDetail } from '../../../shared/search/types.ts';

const text = '标题\n一、总体要求\n发展氢能产业。\n1.氢能示范\n推广氢能车辆，建设加氢站。';
const detail: PageDetail = {
  url: 'docs/x/',
  title: '标题',
  length: text.length,
  text,
  sections: [
    { id: 'sec_1', label: '一、', heading: '一、总体要求' },
    { id: 'sec_1__item_1', label: '一、1.', heading: '1.氢能示范' },
  ],
  segments: [0, -1, 3, 0, 18, 1],
};
const spansOf = (term: string) => {
  const out = [];
  for (let i = detail.text.indexOf(term); i >= 0; i = detail.text.indexOf(term, i + 1)) out.push({ start: i, end: i + term.length });
  return out;
};

describe('sectionAt', () => {
  it('finds the section of a position from the segments', () => {
    expect(sectionAt(detail, 0)).toBe(-1);
    expect(sectionAt(detail, 3)).toBe(0);
    expect(sectionAt(detail, 17)).toBe(0);
    expect(sectionAt(detail, 18)).toBe(1);
    expect(sectionAt(detail, detail.text.length - 1)).toBe(1);
  });
});

describe('excerpt', () => {
  it('marks every match in the window and stays inside the block', () => {
    const text = detail.text;
    const spans = spansOf('氢能');
    const parts = excerpt(text, spans, spans[2], 4);
    expect(parts).toEqual([
      { text: '推广', mark: false },
      { text: '氢能', mark: true },
      { text: '车辆，建设加氢站', mark: false },
      { text: '…', mark: false },
    ]);
  });
  it('shows an ellipsis where the block is cut before the match', () => {
    const parts = excerpt('一二三四五六七八九十', [{ start: 8, end: 9 }], { start: 8, end: 9 }, 2);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.map((p) => p.text).join('')).toBe('…七八九十');
  });
});

describe('mergeSpans', () => {
  it('merges overlapping and touching spans so marks never nest', () => {
    expect(
      mergeSpans([
        { start: 5, end: 7 },
        { start: 0, end: 3 },
        { start: 2, end: 4 },
      ]),
    ).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 7 },
    ]);
  });
});

describe('sectionHits', () => {
  it('puts a section whose heading matches first, then by number of matches', () => {
    const hits = sectionHits(structureOf(detail), spansOf('氢能'));
    expect(hits.map((h) => [h.info?.id, h.spans.length, h.inHeading])).toEqual([
      ['sec_1__item_1', 2, true],
      ['sec_1', 1, false],
    ]);
  });
  it('puts text outside anchored sections last', () => {
    const hits = sectionHits(structureOf(detail), spansOf('标题').concat(spansOf('加氢站')));
    expect(hits.map((h) => h.section)).toEqual([1, -1]);
    expect(shownSections(hits).map((h) => h.section)).toEqual([1]);
  });
  it('shows the page-level hit when no anchored section matches', () => {
    const hits = sectionHits(structureOf(detail), spansOf('标题'));
    expect(shownSections(hits).map((h) => h.section)).toEqual([-1]);
  });
});

describe('excerpts from text chunks', () => {
  it('needs only the chunks around the window, one character beyond each side', () => {
    const focus = { start: 30, end: 32 };
    expect(textWindow(focus, 100, 4)).toEqual({ start: 25, end: 41 });
    expect(chunksFor([textWindow(focus, 100, 4)], 10)).toEqual([2, 3, 4]);
  });
  it('gives the same excerpt from a sparse text of the needed chunks as from the whole text', () => {
    const spans = spansOf('氢能');
    for (const chunkSize of [3, 5, 8, 1024]) {
      for (const focus of spans) {
        const needed = chunksFor([textWindow(focus, detail.text.length, 4)], chunkSize);
        const sparse = sparseText(detail.text.length, chunkSize, new Map(needed.map((k) => [k, chunkOf(detail.text, k, chunkSize)])));
        expect(sparse).toHaveLength(detail.text.length);
        expect(excerpt(sparse, spans, focus, 4)).toEqual(excerpt(detail.text, spans, focus, 4));
      }
    }
  });
});
