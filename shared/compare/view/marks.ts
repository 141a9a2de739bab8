/**
 * Text with two kinds of marks laid over it: what this side does not share
 * with the other (from the diff) and where a shared concept is mentioned.
 * Ranges may overlap; the text is cut at every range boundary and at line
 * breaks, and each run is wrapped in the marks that cover it.
 */
import type { ElementContent } from 'hast';
import type { ConceptSpan, DiffPiece } from '../model.ts';
import { h } from './h.ts';

/** A concept mention to highlight, with the label shown on hover. */
export interface ConceptMark extends ConceptSpan {
  name: string;
}

/** The ranges of `side`'s own text (not in the other side) in that side's text. */
export function ownRanges(pieces: DiffPiece[], side: 'before' | 'after'): Array<[number, number]> {
  const own = side === 'before' ? 'delete' : 'insert';
  const other = side === 'before' ? 'insert' : 'delete';
  const ranges: Array<[number, number]> = [];
  let at = 0;
  for (const p of pieces) {
    if (p.op === other) continue;
    if (p.op === own) ranges.push([at, at + p.text.length]);
    at += p.text.length;
  }
  return ranges;
}

/** The lines of `text` as hast content, with own-text and concept marks. */
export function markedLines(text: string, own: Array<[number, number]>, concepts: ConceptMark[]): ElementContent[][] {
  const cuts = new Set<number>([0, text.length]);
  for (const [s, e] of own) cuts.add(s).add(e);
  for (const c of concepts) cuts.add(c.start).add(c.end);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) cuts.add(i).add(i + 1);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((x, y) => x - y);
  const lines: ElementContent[][] = [[]];
  let run: { own: boolean; concept?: ConceptMark; text: string } | undefined;
  const flush = () => {
    if (!run?.text) return;
    let node: ElementContent = { type: 'text', value: run.text };
    if (run.concept) node = h('mark', { className: ['cmp-concept'], title: `概念：${run.concept.name}` }, node);
    if (run.own) node = h('span', { className: ['cmp-only'] }, node);
    lines[lines.length - 1].push(node);
    run = undefined;
  };
  for (let n = 0; n + 1 < points.length; n++) {
    const [s, e] = [points[n], points[n + 1]];
    const piece = text.slice(s, e);
    if (piece === '\n') {
      flush();
      lines.push([]);
      continue;
    }
    const isOwn = own.some(([a, b]) => a <= s && e <= b);
    const concept = concepts.find((c) => c.start <= s && e <= c.end);
    if (run && run.own === isOwn && run.concept === concept) run.text += piece;
    else {
      flush();
      run = { own: isOwn, concept, text: piece };
    }
  }
  flush();
  return lines;
}
