/**
 * Every quantitative target of a document with where it is: the provision it
 * belongs to (a task, or a section such as 发展目标), or the paragraph outside
 * any provision (a preamble's headline targets). The one walker the page, the
 * open data, the compare stage and the hand-checked scoring all use.
 */
import type { Block, Target } from '../../scripts/ingest/model.ts';
import { walkBlocks } from './walk.ts';

/** A target and its place in the document. */
export interface LocatedTarget {
  target: Target;
  /** The provision's eId, or null for a paragraph outside provisions. */
  eid: string | null;
  /** Citation label of the provision ("三、（二）10."), or "序言" / "正文" outside provisions. */
  label: string;
  /** The anchor on the page: the eId, or `para-<line>` of the paragraph. */
  anchor: string;
  /** First and last physical line of the provision or paragraph the target was read from. */
  lineStart: number;
  lineEnd: number;
}

/** The targets of a document's preamble and body, in reading order. */
export function locatedTargets(doc: { preamble: Block[]; body: Block[] }): LocatedTarget[] {
  const out: LocatedTarget[] = [];
  const walk = (blocks: Block[], outside: string) =>
    walkBlocks(blocks, (b) => {
      if (b.type === 'provision') {
        for (const target of b.targets) out.push({ target, eid: b.eid, label: b.label, anchor: b.eid, lineStart: b.lineStart, lineEnd: b.lineEnd });
      } else if (b.type === 'paragraph') {
        for (const target of b.targets ?? [])
          out.push({ target, eid: null, label: outside, anchor: `para-${b.lineStart}`, lineStart: b.lineStart, lineEnd: b.lineEnd });
      }
    });
  walk(doc.preamble, '序言');
  walk(doc.body, '正文');
  return out;
}
