/** Test helper: a small PolicyDocument from plain strings. */
import type { Block, DocumentMeta, Paragraph, PolicyDocument, Provision } from '../../../scripts/ingest/model.ts';

const field = <T>(value: T) => ({ value, curated: false });

/** A task spec: eid, title and its paragraphs. */
export interface TaskSpec {
  eid: string;
  title: string;
  text: string[];
}

let line = 1;
const para = (text: string): Paragraph => {
  const p: Paragraph = { type: 'paragraph', text, lineStart: line, lineEnd: line };
  line += 1;
  return p;
};

/** A document with the given title, date, notice/preamble paragraphs and tasks (numbered item_1…). */
export function makeDoc(
  id: string,
  spec: { title?: string; date?: string | null; period?: string | null; notice?: string[]; preamble?: string[]; tasks?: TaskSpec[] },
): PolicyDocument {
  line = 1;
  const notice = spec.notice ? { lineStart: 1, lineEnd: spec.notice.length, issuers: [], paragraphs: spec.notice.map(para) } : undefined;
  const preamble: Block[] = (spec.preamble ?? []).map(para);
  const body: Block[] = (spec.tasks ?? []).map((t, i): Provision => {
    const lineStart = line++;
    return {
      type: 'provision',
      kind: 'item',
      num: i + 1,
      marker: `${i + 1}.`,
      title: t.title,
      titleSep: '',
      eid: t.eid,
      label: `${i + 1}.`,
      isTask: true,
      units: [],
      targets: [],
      lineStart,
      lineEnd: lineStart + t.text.length,
      children: t.text.map(para),
    };
  });
  const meta: DocumentMeta = {
    title: field(spec.title ?? id),
    kind: field('行动计划'),
    issuer: field(null),
    number: field(null),
    date: field(spec.date ?? null),
    status: field('正式'),
    level: field(null),
    region: field([]),
    period: field(spec.period ?? null),
  };
  return { id, meta, notice, subtitle: [], preamble, body, sources: [{ file: `${id}.txt`, lineStart: 1, lineEnd: line }], copies: [], diagnostics: [] };
}
