import { describe, expect, it } from 'vitest';
import { foldText, packFoldMap, unpackFoldMap } from '../../../shared/search/fold.ts';
import { foldMapFor, parseDictionary, traditionalToSimplified } from '../../../scripts/search/fold-map.ts';

const map = { 鏈: '链', 長: '长', 專: '专' };

describe('foldText', () => {
  it('folds Traditional characters with the map', () => {
    expect(foldText('鏈長制', map)).toBe('链长制');
  });
  it('folds full-width forms and upper case to ASCII lower case', () => {
    expect(foldText('５Ｇ基站 eVTOL（一）', map)).toBe('5g基站 evtol(一)');
  });
  it('keeps the length of the text, so positions stay valid', () => {
    const text = '專精特新ＡＢＣ　鏈';
    expect(foldText(text, map)).toHaveLength(text.length);
  });
  it('leaves characters outside the map alone', () => {
    expect(foldText('链长制“1+1+3+4+10+N”', map)).toBe('链长制“1+1+3+4+10+n”');
  });
});

describe('packFoldMap / unpackFoldMap', () => {
  it('round-trips a map as character pairs', () => {
    expect(unpackFoldMap(packFoldMap(map))).toEqual(map);
    expect(packFoldMap(map)).toHaveLength(6);
  });
});

describe('fold map from OpenCC', () => {
  it('reads single-character entries, first candidate first', () => {
    expect([...parseDictionary('鏈 链|乾 干 乾|一二 一二')]).toEqual([
      ['鏈', '链'],
      ['乾', '干'],
    ]);
  });
  it('maps standard Traditional and Taiwan variants to Simplified', () => {
    const full = traditionalToSimplified();
    expect(full.get('鏈')).toBe('链');
    expect(full.get('專')).toBe('专');
    expect(full.get('為')).toBe('为');
  });
  it('keeps only characters whose Simplified form the corpus has', () => {
    const cut = foldMapFor(new Set(['链', '长']));
    expect(cut.鏈).toBe('链');
    expect(cut.長).toBe('长');
    expect(cut.專).toBeUndefined();
  });
});
