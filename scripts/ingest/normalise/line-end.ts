/** How a line ends, read by the wrap profile and the joiner alike. */
import { SENTENCE_END } from '../rules/lines.ts';
import { CLAUSE_END, NUMBER_TOKEN, SOFT_END } from '../rules/joins.ts';

/** The kind of punctuation (or none: 'open') a line ends with. */
export type EndKind = 'open' | 'clause' | 'semicolon' | 'soft' | 'colon' | 'hard';

/** Classifies the end of a line: cut mid-clause, at a clause, a semicolon, a soft closer, a colon, or a sentence end. */
export function endKind(text: string): EndKind {
  if (CLAUSE_END.test(text)) return 'clause';
  if (SOFT_END.test(text)) return 'soft';
  if (/[：:]$/.test(text)) return 'colon';
  if (/[；;]$/.test(text)) return 'semicolon';
  if (SENTENCE_END.test(text)) return 'hard';
  // Some documents end sentences with a half-width full stop after Chinese ("制定本方案.").
  if (/[.．]$/.test(text) && !/[0-9A-Za-z][.．]$/.test(text)) return 'hard';
  return 'open';
}

/** A number alone on a line (digits and the signs of a cell of numbers, at least one digit). */
export function isNumberToken(text: string): boolean {
  return NUMBER_TOKEN.test(text) && /\d/.test(text);
}
