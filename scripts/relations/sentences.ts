/**
 * Sentences of a paragraph, for evidence: a relation or a period is shown with
 * the sentence that states it, cut at the sentence ends around the match and
 * never inside a 《…》 title or a parenthesis.
 */
import type { TextUnit } from '../concepts/text-units.ts';
import type { Evidence } from './model.ts';

/** Ends a sentence (；ends a clause that legal texts use as a sentence: 第四十二条 本办法…施行；…同时废止). */
const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';']);
const OPENERS: Record<string, string> = { '《': '》', '（': '）', '(': ')', '“': '”' };
const CLOSERS = new Map(Object.entries(OPENERS).map(([open, close]) => [close, open]));

/** The [start, end) of the sentence of `text` that contains the range [from, to) (its end mark included). */
export function sentenceBounds(text: string, from: number, to = from): [number, number] {
  let start = from;
  let depth = 0;
  while (start > 0) {
    const ch = text[start - 1];
    if (CLOSERS.has(ch)) depth += 1;
    else if (ch in OPENERS) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SENTENCE_END.has(ch)) break;
    start -= 1;
  }
  let end = to;
  depth = 0;
  while (end < text.length) {
    const ch = text[end];
    end += 1;
    if (ch in OPENERS) depth += 1;
    else if (CLOSERS.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SENTENCE_END.has(ch)) break;
  }
  // Leading spaces (full-width indents of pkulaw texts) are not part of the sentence.
  while (start < end && /\s/.test(text[start])) start += 1;
  return [start, end];
}

/** Evidence from a text unit: the sentence around [from, to), with `marks` given as offsets in the unit's text. */
export function evidenceAt(unit: TextUnit, from: number, to: number, marks: Array<[number, number]> = [[from, to]]): Evidence {
  const [start, end] = sentenceBounds(unit.text, from, to);
  return {
    document: unit.document,
    anchor: unit.anchor,
    label: unit.label,
    region: unit.region,
    line: unit.line,
    sentence: unit.text.slice(start, end),
    marks: marks
      .map(([a, b]): [number, number] => [Math.max(a, start) - start, Math.min(b, end) - start])
      .filter(([a, b]) => b > a)
      .sort((x, y) => x[0] - y[0]),
  };
}

/** Evidence from a document's title (no anchor: the title heads the page). */
export function titleEvidence(document: string, title: string, line: number, mark?: [number, number]): Evidence {
  return { document, anchor: null, label: null, region: 'title', line, sentence: title, marks: mark ? [mark] : [] };
}

/** Splits evidence into text runs for display: [text, marked] in order, touching or overlapping marks shown as one. */
export function markedRuns(evidence: Pick<Evidence, 'sentence' | 'marks'>): Array<[string, boolean]> {
  const runs: Array<[string, boolean]> = [];
  let at = 0;
  for (const [a, b] of evidence.marks) {
    const start = Math.max(a, at);
    if (b <= start) continue;
    if (start > at) runs.push([evidence.sentence.slice(at, start), false]);
    const last = runs.at(-1);
    if (last?.[1] && start === at) last[0] += evidence.sentence.slice(start, b);
    else runs.push([evidence.sentence.slice(start, b), true]);
    at = b;
  }
  if (at < evidence.sentence.length) runs.push([evidence.sentence.slice(at), false]);
  return runs;
}
