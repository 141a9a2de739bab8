/**
 * Turns what the reader typed into search terms. A page matches when it
 * contains every term exactly (after folding); there is no word segmentation,
 * so 链长 finds 链长制 and 5G基站 stays one term.
 */
import { foldText, type FoldMap } from './fold.ts';

/** Longest term kept, in UTF-16 units; longer input is cut (nobody types more). */
export const MAX_TERM_LENGTH = 64;
/** Most terms kept from one query. */
export const MAX_TERMS = 8;

/** Splits a query into folded terms: "quoted phrases" stay whole, the rest splits on spaces. */
export function parseQuery(raw: string, map: FoldMap): string[] {
  const folded = foldText(raw.replace(/\s/g, ' '), map);
  const terms: string[] = [];
  const quoted = /"([^"]*)"?/g;
  let rest = '';
  let at = 0;
  for (let m = quoted.exec(folded); m; m = quoted.exec(folded)) {
    rest += ` ${folded.slice(at, m.index)} `;
    terms.push(m[1].trim());
    at = m.index + m[0].length;
  }
  rest += folded.slice(at);
  terms.push(...rest.split(' '));
  const kept: string[] = [];
  for (const term of terms) {
    const t = term.trim().slice(0, MAX_TERM_LENGTH);
    if (t && !kept.includes(t)) kept.push(t);
  }
  return kept.slice(0, MAX_TERMS);
}
