/**
 * The open data published under dist/data/: documents.json (one summary per
 * document with its tasks), a full JSON per document, and tasks.csv.
 * Field names are documented in the README ("Open data"). Pure; the open data
 * build step (scripts/build/open-data-step.ts) writes the files.
 */
import type { PolicyDocument, Provision, Block } from '../ingest/model.ts';
import { paths } from './paths.ts';
import { siteConfig } from './config.ts';
import type { RelationsData } from '../relations/model.ts';
import { analyseRelations } from '../relations/index.ts';
import { standingJson, type StandingJson } from './relations-json.ts';

export interface TaskSummary {
  eid: string;
  label: string;
  heading: string;
  units: string[];
  url: string;
}

/** A document in documents.json: its metadata, status and period, relations and tasks. */
export interface DocumentSummary extends Omit<StandingJson, 'status' | 'period' | 'relations'> {
  id: string;
  title: string;
  url: string;
  issuer: string | null;
  number: string | null;
  date: string | null;
  /** 征求意见稿, 送审稿, 正式, 修订 or 已废止 (scripts/relations/standing.ts). */
  status: string;
  kind: string;
  level: string | null;
  region: string[];
  period: string | null;
  sources: Array<{ file: string; lineStart: number; lineEnd: number }>;
  relations: StandingJson['relations'];
  tasks: TaskSummary[];
}

const absolute = (path: string) => siteConfig().origin + path;

/**
 * A task with its fields: a task is usually a provision without numbered parts, but a form-like task
 * (工作目标 / 相关单位 / 主要职责, see scripts/ingest/anchors.ts) names its units and targets in its fields.
 */
function withFields(task: Provision): Provision[] {
  return [task, ...task.children.flatMap((c) => (c.type === 'provision' ? withFields(c) : []))];
}

/** The units of a task and its fields, each name once, in reading order. */
export function taskUnitNames(task: Provision): string[] {
  return [...new Set(withFields(task).flatMap((p) => p.units.map((u) => u.name)))];
}

/** The targets of a task and its fields, in reading order. */
export function taskTargetTexts(task: Provision): string[] {
  return withFields(task).flatMap((p) => p.targets.map((g) => g.text));
}

/** Every task of a document in reading order. */
export function documentTasks(doc: PolicyDocument): Provision[] {
  const out: Provision[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'provision') {
        if (b.isTask) out.push(b);
        walk(b.children);
      } else if (b.type === 'box') walk(b.children);
    }
  };
  walk(doc.body);
  return out;
}

/** The documents.json entry of one document; `standing` gives its status, period and relations. */
export function documentSummary(doc: PolicyDocument, standing: StandingJson): DocumentSummary {
  const m = doc.meta;
  return {
    id: doc.id,
    title: m.title.value,
    url: absolute(paths.doc(doc.id)),
    issuer: m.issuer.value,
    number: m.number.value,
    date: m.date.value,
    status: standing.status,
    statusEvidence: standing.statusEvidence,
    kind: m.kind.value,
    level: m.level.value,
    region: m.region.value,
    period: standing.period ?? m.period.value,
    validity: standing.validity,
    inForce: standing.inForce,
    sources: doc.sources,
    relations: standing.relations,
    tasks: documentTasks(doc).map((t) => ({
      eid: t.eid,
      label: t.label,
      heading: t.title,
      units: taskUnitNames(t),
      url: absolute(paths.task(doc.id, t.eid)),
    })),
  };
}

/** The text of documents.json; the relations stage's data is computed when not given. */
export function documentsJson(documents: readonly PolicyDocument[], relations: RelationsData = analyseRelations(documents)): string {
  const standing = standingJson(relations);
  return JSON.stringify(documents.map((doc) => documentSummary(doc, standing(doc.id))), null, 1);
}

/** The text of docs/<id>.json: the full document model, with each copy reduced to its source (the parsed copy repeats the text). */
export function documentJson(doc: PolicyDocument): string {
  const { copies, ...rest } = doc;
  return JSON.stringify({ ...rest, copies: copies.map((c) => c.source) });
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** All tasks of all documents as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese). */
export function tasksCsv(documents: readonly PolicyDocument[]): string {
  const header = ['document', 'title', 'eid', 'label', 'heading', 'units', 'targets', 'url'];
  const rows = documents.flatMap((doc) =>
    documentTasks(doc).map((t) => [
      doc.id,
      doc.meta.title.value,
      t.eid,
      t.label,
      t.title,
      taskUnitNames(t).join('、'),
      taskTargetTexts(t).join('；'),
      absolute(paths.task(doc.id, t.eid)),
    ]),
  );
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
