/**
 * The 出现位置 listing of a concept page, grouped by document. Every place is
 * listed and linked; the sentence around each mention is quoted only until a
 * budget is spent. In a large corpus a common concept appears thousands of
 * times, and quoting them all made pages of several megabytes.
 */
import type { Occurrence } from './model.ts';

/** Quoted sentences per concept page; the documents with the most mentions come first. */
export const QUOTED_OCCURRENCES = 150;

/** One document's mentions of the concept. */
export interface OccurrenceGroup {
  document: string;
  mentions: number;
  occurrences: Occurrence[];
  /** Whether the sentences are quoted (else only the places are linked). */
  quoted: boolean;
}

/**
 * Groups `occurrences` by document in the order of `documents` (most mentions first); groups are
 * quoted while the running total of quoted occurrences stays within `budget` (the first always is), then none.
 */
export function occurrenceGroups(
  documents: ReadonlyArray<{ document: string; mentions: number }>,
  occurrences: readonly Occurrence[],
  budget = QUOTED_OCCURRENCES,
): OccurrenceGroup[] {
  const byDocument = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const list = byDocument.get(o.document);
    if (list) list.push(o);
    else byDocument.set(o.document, [o]);
  }
  let quoted = 0;
  let quoting = true;
  return documents.map((d, i) => {
    const list = byDocument.get(d.document) ?? [];
    // Once a group is over budget, later (smaller) groups are not quoted either: quoted ones stay on top.
    quoting &&= i === 0 || quoted + list.length <= budget;
    const quote = quoting;
    if (quote) quoted += list.length;
    return { document: d.document, mentions: d.mentions, occurrences: list, quoted: quote };
  });
}
