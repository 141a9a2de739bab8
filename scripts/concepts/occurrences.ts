/**
 * The occurrence finder: every mention of every glossary concept in the
 * corpus, each with its place (task anchor) and the sentence around it.
 * Computed once per build and shared by the concept pages, the open data
 * file and the counts; one matcher scan per text unit.
 */
import type { PolicyDocument } from '../ingest/model.ts';
import { BOUNDARY_KEY, type Matcher, type Mention } from './matcher.ts';
import type { Occurrence } from './model.ts';
import { textUnits, type TextUnit } from './text-units.ts';

/** Longest context kept on each side of a mention inside a long sentence. */
const CONTEXT_BEFORE = 48;
const CONTEXT_AFTER = 64;

/** Every mention of a concept in `documents`, in corpus and reading order. */
export function findOccurrences(documents: readonly PolicyDocument[], matcher: Matcher): Occurrence[] {
  const out: Occurrence[] = [];
  for (const doc of documents) {
    for (const unit of textUnits(doc)) {
      for (const m of matcher.match(unit.text)) if (m.key !== BOUNDARY_KEY) out.push(occurrence(unit, m));
    }
  }
  return out;
}

/** Occurrences grouped by concept id, each list keeping the input's (corpus and reading) order. */
export function occurrencesByConcept(occurrences: readonly Occurrence[]): Map<string, Occurrence[]> {
  const byConcept = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const list = byConcept.get(o.concept);
    if (list) list.push(o);
    else byConcept.set(o.concept, [o]);
  }
  return byConcept;
}

/** The mentions in one text unit. */
export function occurrencesIn(unit: TextUnit, matcher: Matcher): Occurrence[] {
  return matcher
    .match(unit.text)
    .filter((m) => m.key !== BOUNDARY_KEY)
    .map((m) => occurrence(unit, m));
}

function occurrence(unit: TextUnit, m: Mention): Occurrence {
  const { before, match, after } = sentenceAround(unit.text, m.start, m.end);
  return {
    document: unit.document,
    eid: unit.eid,
    anchor: unit.anchor,
    label: unit.label,
    heading: unit.heading,
    isTask: unit.isTask,
    line: unit.line,
    part: unit.part,
    region: unit.region,
    concept: m.key,
    start: m.start,
    before,
    match,
    after,
  };
}

/** A sentence terminator: 。！？；… and ASCII . ! ? ; (a "." between digits is a decimal point, not an end). */
function endsSentence(text: string, i: number): boolean {
  switch (text.charCodeAt(i)) {
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0xff1b: // ；
    case 0x21: // !
    case 0x3f: // ?
    case 0x3b: // ;
      return true;
    case 0x2e: // .
      return !(isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)));
    default:
      return false;
  }
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * The sentence containing text[start, end), split around the mention; long
 * sentences are cut to a window around it, marked with "…".
 */
export function sentenceAround(text: string, start: number, end: number): { before: string; match: string; after: string } {
  let from = start;
  while (from > 0 && !endsSentence(text, from - 1)) from -= 1;
  let to = end;
  while (to < text.length && !endsSentence(text, to)) to += 1;
  if (to < text.length) to += 1;
  let before = text.slice(from, start).trimStart();
  let after = text.slice(end, to).trimEnd();
  if (before.length > CONTEXT_BEFORE) before = `…${before.slice(-CONTEXT_BEFORE)}`;
  if (after.length > CONTEXT_AFTER) after = `${after.slice(0, CONTEXT_AFTER)}…`;
  return { before, match: text.slice(start, end), after };
}
