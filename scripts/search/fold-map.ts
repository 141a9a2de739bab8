/**
 * The Traditional → Simplified character map shipped with the index.
 *
 * OpenCC's full converter (opencc-js t2cn) is ~110 KB and converts phrases;
 * search only needs characters, and only those whose Simplified form occurs in
 * the corpus (any other query character cannot match anyway). So the map is
 * built here from OpenCC's dictionaries — Taiwan and Hong Kong variants to
 * OpenCC's standard form, then standard Traditional to Simplified — and cut
 * to the corpus: a few KB instead of a converter.
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import type { FoldMap } from '../../shared/search/fold.ts';

/** Parses an OpenCC dictionary string ("繁 简|…", first candidate wins), single characters only. */
export function parseDictionary(dict: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && from.length === 1 && to.length === 1 && !map.has(from)) map.set(from, to);
  }
  return map;
}

/** Every Traditional (incl. Taiwan/Hong Kong variant) character OpenCC maps to a different Simplified one. */
export function traditionalToSimplified(): Map<string, string> {
  const ts = parseDictionary(TSCharacters);
  const variants = [parseDictionary(TWVariantsRev), parseDictionary(HKVariantsRev)];
  const out = new Map<string, string>();
  const simplify = (ch: string) => ts.get(ch) ?? ch;
  for (const [from, to] of ts) if (to !== from) out.set(from, to);
  for (const v of variants) {
    for (const [from, standard] of v) {
      const to = simplify(standard);
      if (to !== from && !out.has(from)) out.set(from, to);
    }
  }
  return out;
}

/**
 * The map cut to characters whose Simplified form occurs in `corpusChars`,
 * the characters of the corpus folded with the full map — so folding the
 * corpus with the cut map gives the same text as with the full one.
 */
export function foldMapFor(corpusChars: Set<string>, full = traditionalToSimplified()): FoldMap {
  const map: Record<string, string> = {};
  for (const [from, to] of full) if (corpusChars.has(to)) map[from] = to;
  return map;
}
