/**
 * Every piece of a document's readable text with its place on the page, in
 * reading order — the same text, in the same order, that
 * scripts/site/mdx-tree.ts renders. Concept occurrences, citations and term
 * discovery all read documents through this one walk.
 */
import type { Block, PolicyDocument } from '../ingest/model.ts';
import type { TextPlace } from './model.ts';
import { walkBlocks, type Container } from '../../shared/document/walk.ts';

/** A paragraph, heading or table cell. */
export interface TextUnit extends TextPlace {
  text: string;
}

/** The anchor id of a paragraph or table outside provisions (set on the page by remarkParagraphAnchors). */
export function paragraphAnchor(lineStart: number): string {
  return `para-${lineStart}`;
}

// Occurrences, citations and discovery each read every document: walk each one once per build.
const cache = new WeakMap<PolicyDocument, readonly TextUnit[]>();

/** The readable text of a document, in reading order (subtitle lines are skipped: they carry no content). */
export function textUnits(doc: PolicyDocument): readonly TextUnit[] {
  let units = cache.get(doc);
  if (!units) cache.set(doc, (units = walkDocument(doc)));
  return units;
}

function walkDocument(doc: PolicyDocument): TextUnit[] {
  const out: TextUnit[] = [];
  let region: TextPlace['region'] = 'notice';
  // The place of a text is its innermost provision or box (its eid, label and heading), or none.
  const push = (container: Container | undefined, line: number, part: TextPlace['part'], text: string) => {
    out.push({
      document: doc.id,
      eid: container?.eid ?? null,
      anchor: container?.eid ?? paragraphAnchor(line),
      label: container ? (container.type === 'box' ? container.marker : container.label) : null,
      heading: container?.title ?? null,
      isTask: container?.type === 'provision' ? container.isTask : false,
      line,
      part,
      region,
      text,
    });
  };
  const walk = (blocks: Block[]) =>
    walkBlocks(blocks, (b, ancestors) => {
      const container = ancestors.at(-1);
      switch (b.type) {
        case 'paragraph':
          push(container, b.lineStart, 'text', b.text);
          break;
        case 'table':
          if (b.caption) push(container, b.lineStart, 'table', b.caption);
          for (const row of b.rows) for (const cell of row) if (cell.text) push(container, b.lineStart, 'table', cell.text);
          break;
        case 'box':
          push(b, b.lineStart, 'heading', b.marker + (b.title ? ` ${b.title}` : ''));
          break;
        case 'provision':
          push(b, b.lineStart, 'heading', b.marker + b.title + b.titleSep);
          break;
      }
    });
  for (const p of doc.notice?.paragraphs ?? []) push(undefined, p.lineStart, 'text', p.text);
  region = 'preamble';
  walk(doc.preamble);
  region = 'body';
  walk(doc.body);
  region = 'footer';
  for (const p of doc.footer?.paragraphs ?? []) push(undefined, p.lineStart, 'text', p.text);
  return out;
}
