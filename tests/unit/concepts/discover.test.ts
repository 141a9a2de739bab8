import { describe, expect, it } from 'vitest';
import { discoverTerms } from '../../../scripts/concepts/discover.ts';
import { compileMatcher } from '../../../scripts/concepts/matcher.ts';
import { makeDoc } from './make-doc.ts';

const glossaryTerms = ['链长制', '“六个一”产业链群工作推进机制'];
const glossary = compileMatcher(glossaryTerms.map((term) => ({ term, key: term })));
const docs = [
  makeDoc('a', { preamble: ['树立“一盘棋”思想，落实“链长制”，用好“六个一”机制，参与DCMM贯标，推进“数字领航”。'] }),
  makeDoc('b', { preamble: ['全区一盘棋，DCMM评估，鼓励新材料。“励新”'] }),
  makeDoc('c', { preamble: ['全市“一盘棋”。'] }),
];

describe('discoverTerms', () => {
  const terms = discoverTerms(docs, { glossary, glossaryTerms });

  it('finds quoted terms and Latin abbreviations used by two or more documents, ranked by documents', () => {
    expect(terms.map((t) => [t.term, t.source, t.documents])).toEqual([
      ['一盘棋', 'quoted', ['a', 'b', 'c']],
      ['DCMM', 'latin', ['a', 'b']],
    ]);
  });

  it('leaves out glossary terms and parts of glossary phrases (链长制, 六个一)', () => {
    expect(terms.map((t) => t.term)).not.toContain('链长制');
    expect(terms.map((t) => t.term)).not.toContain('六个一');
  });

  it('counts two-character terms only where they are quoted (励新 inside 鼓励新材料 does not count)', () => {
    expect(terms.map((t) => t.term)).not.toContain('励新');
  });
});
