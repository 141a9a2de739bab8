import { describe, expect, it } from 'vitest';
import { MAX_TERMS, parseQuery } from '../../../shared/search/query.ts';

const map = { 鏈: '链', 長: '长' };

describe('parseQuery', () => {
  it('keeps a Chinese query whole: no word segmentation', () => {
    expect(parseQuery('链长制', map)).toEqual(['链长制']);
  });
  it('splits on spaces (ASCII and ideographic) into terms that must all match', () => {
    expect(parseQuery(' 氢能　加氢站  ', map)).toEqual(['氢能', '加氢站']);
  });
  it('keeps a quoted phrase as one term, quotes removed', () => {
    expect(parseQuery('"新能源 汽车" 青岛', map)).toEqual(['新能源 汽车', '青岛']);
  });
  it('treats an unterminated quote as a phrase to the end', () => {
    expect(parseQuery('"新能源汽车', map)).toEqual(['新能源汽车']);
  });
  it('folds Traditional, full-width and case', () => {
    expect(parseQuery('鏈長制 ５Ｇ EVTOL', map)).toEqual(['链长制', '5g', 'evtol']);
  });
  it('keeps punctuation inside a term', () => {
    expect(parseQuery('1+1+3+4+10+N', map)).toEqual(['1+1+3+4+10+n']);
  });
  it('drops duplicates and empty input', () => {
    expect(parseQuery('链长 链长', map)).toEqual(['链长']);
    expect(parseQuery('   ', map)).toEqual([]);
    expect(parseQuery('""', map)).toEqual([]);
  });
  it('keeps at most MAX_TERMS terms', () => {
    expect(parseQuery('一 二 三 四 五 六 七 八 九 十', map)).toHaveLength(MAX_TERMS);
  });
});
