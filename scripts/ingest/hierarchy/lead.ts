/** The lead of a provision: the text after its marker split into title, separator and body. */
import { ARTICLE_CAPTION } from '../rules/body.ts';

/** A lead title is at most this long; longer first sentences are body text. */
const TITLE_MAX = 40;

/** Characters that end a lead title (besides a "." that is not a decimal point). */
const TITLE_SEPS = '。：:．';

/** Brackets and quotes inside which a title separator does not count. */
const OPEN = '“‘《（(〔「『【';
// An ASCII '"' closes: copies often close a “ with it (“园区"), and as a closer it never opens a span.
const CLOSE = '”’》）)〕」』】"';

/** Splits the text after a marker into lead title, separator and the rest. */
export function splitLead(rest: string): { title: string; titleSep: string; body: string } {
  let depth = 0;
  for (let i = 0; i < rest.length && i <= TITLE_MAX; i++) {
    const ch = rest[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(depth - 1, 0);
    else if (depth === 0 && isTitleSep(rest, i)) {
      return { title: rest.slice(0, i), titleSep: ch, body: rest.slice(i + 1) };
    }
  }
  // No separator: a short line is all heading ("一、总体要求"), a long one all body.
  if (rest.length <= TITLE_MAX) return { title: rest, titleSep: '', body: '' };
  return { title: '', titleSep: '', body: rest };
}

/**
 * An article has no lead title: its text follows the marker. Only a bracketed
 * caption printed right after the marker ("第一条　（目的和依据）") is its title.
 */
export function splitArticleLead(rest: string): { title: string; titleSep: string; body: string } {
  const caption = ARTICLE_CAPTION.exec(rest)?.[0];
  if (caption === undefined) return { title: '', titleSep: '', body: rest };
  const after = rest.slice(caption.length);
  const gap = /^[\s\u3000]*/.exec(after)?.[0] ?? '';
  return { title: caption, titleSep: gap, body: after.slice(gap.length) };
}

/** 。 ： : ． end a lead title, and so does a "." that is not a decimal point. */
function isTitleSep(text: string, i: number): boolean {
  const ch = text[i];
  return TITLE_SEPS.includes(ch) || (ch === '.' && !/\d/.test(text[i + 1] ?? ''));
}
