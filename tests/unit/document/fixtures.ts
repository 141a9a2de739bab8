/** Small hand-built bodies for the document toolkit's tests. */
import type { Block, Box, Paragraph, Provision, Unit } from '../../../scripts/ingest/model.ts';

export const para = (text: string, line = 1): Paragraph => ({ type: 'paragraph', text, lineStart: line, lineEnd: line });

export const unit = (name: string): Unit => ({ name, role: 'responsible', evidence: { text: name, line: 1, scope: 'task' } });

/** A provision whose eid and label are its marker; `isTask` and units as given. */
export function prov(eid: string, children: Block[] = [], options: { isTask?: boolean; units?: string[]; title?: string } = {}): Provision {
  return {
    type: 'provision',
    kind: 'item',
    num: 1,
    marker: eid,
    title: options.title ?? `heading of ${eid}`,
    titleSep: '。',
    eid,
    label: `label of ${eid}`,
    isTask: options.isTask ?? false,
    units: (options.units ?? []).map(unit),
    targets: [],
    children,
    lineStart: 1,
    lineEnd: 1,
  };
}

export const box = (eid: string, children: Block[]): Box => ({ type: 'box', marker: '专栏1', title: 'box', eid, children, lineStart: 1, lineEnd: 1 });
