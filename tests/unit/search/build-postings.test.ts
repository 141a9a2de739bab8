import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packPagePostings, PostingsJoiner, unpackPagePostings, type PagePostingParts } from '../../../shared/search/build-postings.ts';
import { encodePostings, type PagePostings } from '../../../shared/search/postings.ts';

// Real text: each seed file a page (its lines the blocks), every other block a heading.
const texts = fs
  .readdirSync('seeds')
  .sort()
  .map((name) => fs.readFileSync(path.join('seeds', name), 'utf8').replace(/\r/g, ''));
const headings = texts.map((text) => {
  const ranges: number[] = [];
  let start = 0;
  text.split('\n').forEach((line, n) => {
    if (n % 2 === 0 && line.length > 0) ranges.push(start, start + line.length);
    start += line.length + 1;
  });
  return ranges;
});

/** Every page joined from its text, as a build without a cache does. */
function fromTexts(pages: readonly string[], ranges: ReadonlyArray<readonly number[]>): Map<string, string> {
  const joiner = new PostingsJoiner();
  pages.forEach((text, n) => joiner.addText(text, ranges[n]));
  return joiner.result();
}

/** The postings as the index defines them, collected naively: every bigram's pages, positions and heading flags. */
function naivePostings(pages: readonly string[], ranges: ReadonlyArray<readonly number[]>): Map<string, string> {
  const lists = new Map<string, PagePostings[]>();
  pages.forEach((text, page) => {
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n') continue;
      const key = text[i] + (i + 1 < text.length ? text[i + 1] : '\n');
      const list = lists.get(key) ?? [];
      lists.set(key, list);
      if (list.at(-1)?.page !== page) list.push({ page, positions: [], inHeading: [] });
      const r = ranges[page];
      let flag = 0;
      for (let k = 0; k < r.length; k += 2) if (r[k] <= i && i < r[k + 1]) flag = 1;
      list.at(-1)!.positions.push(i);
      list.at(-1)!.inHeading.push(flag);
    }
  });
  return new Map([...lists].map(([key, list]) => [key, encodePostings(list)]));
}

describe("the pages' postings", () => {
  it('are what the index format says, bigram by bigram, for the seeds', () => {
    const built = fromTexts(texts, headings);
    expect(Object.fromEntries(built)).toEqual(Object.fromEntries(naivePostings(texts, headings)));
    expect(built.size).toBeGreaterThan(1000);
  });

  it('join to the same bytes, in the same order, from parts kept and packed, whichever pages come from a cache', () => {
    const kept: PagePostingParts[] = [];
    const first = new PostingsJoiner();
    texts.forEach((text, n) => kept.push(first.addText(text, headings[n], true)!));
    const joined = [...first.result()];
    const packed = kept.map((parts) => unpackPagePostings(packPagePostings(parts))!);
    for (const cached of [[0, 1, 2, 3, 4], [1, 3], [4]]) {
      const joiner = new PostingsJoiner();
      texts.forEach((text, n) => (cached.includes(n) ? joiner.addParts(packed[n]) : joiner.addText(text, headings[n])));
      expect([...joiner.result()], `pages ${cached} from the cache`).toEqual(joined);
    }
    expect(joined, 'keeping the parts changes nothing').toEqual([...fromTexts(texts, headings)]);
  });

  it('keep every bigram apart, also one of two code units 0 (id 0) and ones of units above 2¹⁵', () => {
    const pages = ['\u0000\u0000政策\u0000', '\uffff\uffff\u0000\u0000\n\u0000', '政策政策'];
    const ranges = [[0, 2], [], [2, 4]];
    expect(Object.fromEntries(fromTexts(pages, ranges))).toEqual(Object.fromEntries(naivePostings(pages, ranges)));
  });

  it('refuse packed parts that are cut or inconsistent', () => {
    const parts = new PostingsJoiner().addText(texts[0], headings[0], true)!;
    const packed = packPagePostings(parts);
    expect(unpackPagePostings(packed)).toEqual(parts);
    expect(unpackPagePostings(packed.subarray(0, packed.length - 1))).toBeUndefined();
    expect(unpackPagePostings(packed.subarray(0, 10))).toBeUndefined();
    expect(unpackPagePostings(new Uint8Array(2))).toBeUndefined();
  });
});
