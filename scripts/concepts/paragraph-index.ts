/**
 * The occurrence finder's mentions, indexed by document and paragraph, so the
 * linking plugin reuses them instead of scanning each page again. A paragraph
 * is known by its first source line (the data-lines attribute of its <p>).
 */
import type { PolicyDocument } from '../ingest/model.ts';
import type { Mention } from './matcher.ts';
import type { Occurrence } from './model.ts';
import { textUnits } from './text-units.ts';

/** Looks up a paragraph's mentions: undefined when unknown (the plugin then scans it itself). */
export type ParagraphMentions = (line: number, text: () => string) => readonly Mention[] | undefined;

interface Entry {
  text: string;
  mentions: Mention[];
}

/** Builds the lookup for each document (pure); a line shared by two paragraphs is left to scanning. */
export function paragraphIndex(documents: readonly PolicyDocument[], occurrences: readonly Occurrence[]): (document: string) => ParagraphMentions {
  const byDoc = new Map<string, Map<number, Entry | null>>();
  for (const doc of documents) {
    const lines = new Map<number, Entry | null>();
    for (const u of textUnits(doc)) {
      if (u.part !== 'text') continue;
      lines.set(u.line, lines.has(u.line) ? null : { text: u.text, mentions: [] });
    }
    byDoc.set(doc.id, lines);
  }
  for (const o of occurrences) {
    if (o.part !== 'text') continue;
    const entry = byDoc.get(o.document)?.get(o.line);
    entry?.mentions.push({ start: o.start, end: o.start + o.match.length, key: o.concept, text: o.match });
  }
  return (document) => {
    const lines = byDoc.get(document);
    return (line, text) => {
      const entry = lines?.get(line);
      if (!entry) return undefined;
      if (entry.mentions.length === 0) return entry.mentions;
      // Only trust the mentions for the very paragraph they were found in.
      return text() === entry.text ? entry.mentions : undefined;
    };
  };
}
