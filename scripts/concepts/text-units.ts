/**
 * Every piece of a document's readable text with its place on the page, in
 * reading order — the same text, in the same order, that
 * scripts/site/mdx-tree.ts renders. Concept occurrences, citations and term
 * discovery all read documents through this one walk.
 */
import type { Block, PolicyDocument } from '../ingest/model.ts';
import type { TextPlace } from './model.ts';

/** A paragraph, heading or table cell. */
export interface TextUnit extends TextPlace {
  text: string;
}

/** The anchor id of a paragraph or table outside provisions (set on the page by remarkParagraphAnchors). */
export function paragraphAnchor(lineStart: number): string {
  return `para-${lineStart}`;
}

interface Container {
  eid: string;
  label: string | null;
  heading: string;
  isTask: boolean;
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
  const push = (container: Container | null, line: number, part: TextPlace['part'], text: string) => {
    out.push({
      document: doc.id,
      eid: container?.eid ?? null,
      anchor: container?.eid ?? paragraphAnchor(line),
      label: container?.label ?? null,
      heading: container?.heading ?? null,
      isTask: container?.isTask ?? false,
      line,
      part,
      region,
      text,
    });
  };
  const walk = (blocks: Block[], container: Container | null) => {
    for (const b of blocks) {
      switch (b.type) {
        case 'paragraph':
          push(container, b.lineStart, 'text', b.text);
          break;
        case 'table':
          if (b.caption) push(container, b.lineStart, 'table', b.caption);
          for (const row of b.rows) for (const cell of row) if (cell.text) push(container, b.lineStart, 'table', cell.text);
          break;
        case 'box': {
          const box: Container = { eid: b.eid, label: b.marker, heading: b.title, isTask: false };
          push(box, b.lineStart, 'heading', b.marker + (b.title ? ` ${b.title}` : ''));
          walk(b.children, box);
          break;
        }
        case 'provision': {
          const prov: Container = { eid: b.eid, label: b.label, heading: b.title, isTask: b.isTask };
          push(prov, b.lineStart, 'heading', b.marker + b.title + b.titleSep);
          walk(b.children, prov);
          break;
        }
      }
    }
  };
  for (const p of doc.notice?.paragraphs ?? []) push(null, p.lineStart, 'text', p.text);
  region = 'preamble';
  walk(doc.preamble, null);
  region = 'body';
  walk(doc.body, null);
  region = 'footer';
  for (const p of doc.footer?.paragraphs ?? []) push(null, p.lineStart, 'text', p.text);
  return out;
}
