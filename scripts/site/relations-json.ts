/**
 * The relations, status and period of a document as the open data publishes
 * them (documents.json, README "Open data"): plain values with absolute URLs,
 * each relation and status with the sentences that give it. Pure.
 */
import type { Evidence, RelationsData } from '../relations/model.ts';
import { relationLabel } from '../relations/labels.ts';
import { relationIndex, type RelationView } from '../relations/views.ts';
import { siteConfig } from '../urls/config.ts';
import { paths } from '../urls/paths.ts';

/** A sentence of evidence: its text, the document and place it is in, and the marked words. */
export interface EvidenceJson {
  text: string;
  document: string;
  /** The sentence's place: the task or paragraph anchor on the document's page (the page itself for a title). */
  url: string;
  line: number;
  /** The words that carry the relation or the date, as [start, end) in `text` (UTF-16). */
  marks: Array<[number, number]>;
}

/** One relation of a document, seen from it. */
export interface RelationJson {
  /** 依据, 落实, 配套, 转发, 修订, 替代, 废止 or 引用, read as "from ‹kind› to". */
  kind: string;
  /** outgoing: this document ‹kind› the other (本文件落实…); incoming: the other ‹kind› this one. */
  direction: 'outgoing' | 'incoming';
  /** The relation as this document's page labels it: 落实, 被落实, 配套文件… */
  label: string;
  /** The other document's id, or null when the collection does not have it (a title cited in 《…》). */
  document: string | null;
  title: string;
  url: string | null;
  basis: 'citation' | 'title' | 'alignment';
  evidence: EvidenceJson[];
  /** For 落实 read from the compare stage: the alignment score, the matched task counts and the best pairs. */
  alignment?: { score: number; matched: number; fromTasks: number; toTasks: number; pairs: Array<{ from: string; to: string; score: number }> };
}

/** Status, period and relations of a document in documents.json. */
export interface StandingJson {
  status: string;
  statusEvidence: EvidenceJson[];
  /** The period in the document's words ("2024—2026年", "自2019年8月20日起施行"), or null. */
  period: string | null;
  validity: { from: string | null; to: string | null; evidence: EvidenceJson[] } | null;
  /** Years in which the document is in force. */
  inForce: number[];
  relations: RelationJson[];
}

/** The published form of one evidence sentence. */
export function evidenceJson(e: Evidence): EvidenceJson {
  const { origin } = siteConfig();
  return {
    text: e.sentence,
    document: e.document,
    url: origin + (e.anchor ? paths.task(e.document, e.anchor) : paths.doc(e.document)),
    line: e.line,
    marks: e.marks,
  };
}

function relationJson(view: RelationView): RelationJson {
  const { origin } = siteConfig();
  const { relation: r, outgoing, other } = view;
  const task = (id: string | null, eid: string) => (id ? origin + paths.task(id, eid) : eid);
  return {
    kind: r.kind,
    direction: outgoing ? 'outgoing' : 'incoming',
    label: relationLabel(r.kind, outgoing),
    document: other.id,
    title: other.title,
    url: other.id ? origin + paths.doc(other.id) : null,
    basis: r.basis,
    evidence: r.evidence.map(evidenceJson),
    ...(r.alignment
      ? {
          alignment: {
            score: r.alignment.score,
            matched: r.alignment.matched,
            fromTasks: r.alignment.fromTasks,
            toTasks: r.alignment.toTasks,
            pairs: r.alignment.pairs.map((p) => ({ from: task(r.from.id, p.from.eid), to: task(r.to.id, p.to.eid), score: p.score })),
          },
        }
      : {}),
  };
}

/** A function giving each document's status, period and relations, indexed once over the whole data. */
export function standingJson(data: RelationsData): (id: string) => StandingJson {
  const index = relationIndex(data.relations);
  return (id) => {
    const s = data.standing[id];
    return {
      status: s?.status ?? '正式',
      statusEvidence: (s?.statusEvidence ?? []).map(evidenceJson),
      period: s?.validity?.text ?? null,
      validity: s?.validity ? { from: s.validity.from, to: s.validity.to, evidence: s.validity.evidence.map(evidenceJson) } : null,
      inForce: s?.inForce ?? [],
      relations: (index.get(id) ?? []).map(relationJson),
    };
  };
}
