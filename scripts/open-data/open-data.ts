/**
 * The open data published under dist/data/: documents.json (one summary per
 * document with its tasks, units and targets, each with its evidence), a full
 * JSON per document, tasks.csv, units.csv and targets.csv.
 * Field names are documented in the README ("Open data"). Pure; the open data
 * build step (scripts/steps/open-data-step.ts) writes the files.
 */
import type { Evidence, PolicyDocument, Provision, Target, Unit } from '../ingest/model.ts';
import { taskParts, taskRef, tasksOf, taskUnits, type TaskRef } from '../../shared/document/tasks.ts';
import { locatedTargets } from '../../shared/document/located-targets.ts';
import { paths } from '../urls/paths.ts';
import { siteConfig } from '../urls/config.ts';
import type { RelationsData } from '../relations/model.ts';
import { analyseRelations } from '../relations/index.ts';
import { standingJson, type StandingJson } from '../site/relations-json.ts';

/** A unit of a task as published: name, role, note, and the clause it was read from. */
export interface UnitSummary {
  name: string;
  role: Unit['role'];
  note: string | null;
  /** 'task': the task's own clause; 'document': a clause written once for every later task. */
  scope: Unit['evidence']['scope'];
  evidence: Evidence;
  /** Where the role comes from when a clause elsewhere decides it ("列第一位的为牵头单位，下同"). */
  roleEvidence: Evidence | null;
}

/** A target as published, with where it is in the document. */
export interface TargetSummary {
  /** The provision's eId, or null in the preamble. */
  eid: string | null;
  label: string;
  url: string;
  indicator: string;
  value: number;
  upper: number | null;
  valueText: string;
  unit: string;
  comparator: Target['comparator'];
  year: number | null;
  yearFrom: Target['yearFrom'] | null;
  yearEvidence: Evidence | null;
  period: Target['period'] | null;
  text: string;
  evidence: Evidence;
}

export interface TaskSummary extends TaskRef {
  units: UnitSummary[];
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
  /** Every target of the document in reading order, the preamble's and 发展目标 sections' included. */
  targets: TargetSummary[];
}

// Read once, as scripts/urls/paths.ts reads the base path: parsing SITE_URL for each of the
// 280,000 URLs of a 2,019-document collection (documents.json and the CSVs) took 0.4 s.
const { origin } = siteConfig();
const absolute = (path: string) => origin + path;

/** The names of a task's units. */
export function taskUnitNames(task: Provision): string[] {
  return taskUnits(task).map((u) => u.name);
}

function unitSummary(u: Unit): UnitSummary {
  const { scope, ...evidence } = u.evidence;
  return { name: u.name, role: u.role, note: u.note ?? null, scope, evidence, roleEvidence: u.roleEvidence ?? null };
}

/** Every target of a document as published. */
export function documentTargetSummaries(doc: PolicyDocument): TargetSummary[] {
  return locatedTargets(doc).map(({ target: t, eid, label, anchor }) => ({
    eid,
    label,
    url: absolute(`${paths.doc(doc.id)}#${anchor}`),
    indicator: t.indicator,
    value: t.value,
    upper: t.upper ?? null,
    valueText: t.valueText,
    unit: t.unit,
    comparator: t.comparator,
    year: t.year ?? null,
    yearFrom: t.yearFrom ?? null,
    yearEvidence: t.yearEvidence ?? null,
    period: t.period ?? null,
    text: t.text,
    evidence: t.evidence,
  }));
}

/** The targets of a task and its fields, in reading order. */
export function taskTargetTexts(task: Provision): string[] {
  return taskParts(task).flatMap((p) => p.targets.map((g) => g.text));
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
    tasks: tasksOf(doc.body).map((t) => ({
      ...taskRef(t),
      units: taskUnits(t).map(unitSummary),
      url: absolute(paths.task(doc.id, t.eid)),
    })),
    targets: documentTargetSummaries(doc),
  };
}

/**
 * One document's share of documents.json and of the three CSV files, as text: its documents.json entry indented
 * as in the whole file, and its rows of each CSV joined by CRLF (empty when it has none). Each is a pure function
 * of the document and its standing, so a build can keep a document's parts while both are unchanged
 * (scripts/steps/open-data-step.ts); {@link openDataTables} joins them into the files.
 */
export interface DocumentTableParts {
  summary: string;
  tasks: string;
  units: string;
  targets: string;
}

/** A document's parts of documents.json and the CSV files. */
export function documentTableParts(doc: PolicyDocument, standing: StandingJson): DocumentTableParts {
  // As JSON.stringify(all, null, 1) writes an element: one more space after each line break (strings hold none).
  const summary = ` ${JSON.stringify(documentSummary(doc, standing), null, 1).replace(/\n/g, '\n ')}`;
  return { summary, tasks: csvLines(taskRows(doc)), units: csvLines(unitRows(doc)), targets: csvLines(targetRows(doc)) };
}

/** The text of documents.json and the three CSV files from the documents' parts, in collection order. */
export function openDataTables(parts: readonly DocumentTableParts[]): { documents: string; tasks: string; units: string; targets: string } {
  return {
    documents: parts.length === 0 ? '[]' : `[\n${parts.map((p) => p.summary).join(',\n')}\n]`,
    tasks: csvText(
      TASKS_HEADER,
      parts.map((p) => p.tasks),
    ),
    units: csvText(
      UNITS_HEADER,
      parts.map((p) => p.units),
    ),
    targets: csvText(
      TARGETS_HEADER,
      parts.map((p) => p.targets),
    ),
  };
}

/** The text of documents.json; the relations stage's data is computed when not given. */
export function documentsJson(documents: readonly PolicyDocument[], relations: RelationsData = analyseRelations(documents)): string {
  const standing = standingJson(relations);
  return openDataTables(documents.map((doc) => documentTableParts(doc, standing(doc.id)))).documents;
}

/** The text of docs/<id>.json: the full document model, with each copy reduced to its source (the parsed copy repeats the text). */
export function documentJson(doc: PolicyDocument): string {
  const { copies, ...rest } = doc;
  return JSON.stringify({ ...rest, copies: copies.map((c) => c.source) });
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

type CsvRow = Array<string | number | null | undefined>;

function csvLine(row: CsvRow): string {
  return row.map((v) => csvField(v === null || v === undefined ? '' : String(v))).join(',');
}

/** Rows as CSV lines joined by CRLF. */
function csvLines(rows: CsvRow[]): string {
  return rows.map(csvLine).join('\r\n');
}

/**
 * A CSV file from its header and each document's lines (CRLF-joined; empty for a document without rows): UTF-8
 * with BOM (so spreadsheet programs read the Chinese), CRLF line ends.
 */
function csvText(header: string[], lines: readonly string[]): string {
  return `\uFEFF${[csvLine(header), ...lines.filter((l) => l !== '')].join('\r\n')}\r\n`;
}

const UNITS_HEADER = ['document', 'eid', 'label', 'unit', 'role', 'note', 'scope', 'evidence', 'line', 'role_evidence', 'url'];

/** A document's rows of units.csv: one per unit of each task. */
function unitRows(doc: PolicyDocument): CsvRow[] {
  return tasksOf(doc.body).flatMap((t) =>
    taskUnits(t).map((u) => [
      doc.id,
      t.eid,
      t.label,
      u.name,
      u.role,
      u.note,
      u.evidence.scope,
      u.evidence.text,
      u.evidence.line,
      u.roleEvidence?.text,
      absolute(paths.task(doc.id, t.eid)),
    ]),
  );
}

/** One row per unit of every task: role, note, scope and the clause it was read from. */
export function unitsCsv(documents: readonly PolicyDocument[]): string {
  return csvText(
    UNITS_HEADER,
    documents.map((doc) => csvLines(unitRows(doc))),
  );
}

const TARGETS_HEADER = [
  'document',
  'eid',
  'label',
  'indicator',
  'value',
  'upper',
  'value_text',
  'unit',
  'comparator',
  'year',
  'year_from',
  'period',
  'text',
  'evidence',
  'line',
  'url',
];

/** A document's rows of targets.csv. */
function targetRows(doc: PolicyDocument): CsvRow[] {
  return documentTargetSummaries(doc).map((t) => [
    doc.id,
    t.eid,
    t.label,
    t.indicator,
    t.value,
    t.upper,
    t.valueText,
    t.unit,
    t.comparator,
    t.year,
    t.yearFrom,
    t.period,
    t.text,
    t.evidence.text,
    t.evidence.line,
    t.url,
  ]);
}

/** One row per target of every document, with value, unit, year, period and the sentence it was read from. */
export function targetsCsv(documents: readonly PolicyDocument[]): string {
  return csvText(
    TARGETS_HEADER,
    documents.map((doc) => csvLines(targetRows(doc))),
  );
}

const TASKS_HEADER = ['document', 'title', 'eid', 'label', 'heading', 'units', 'targets', 'url'];

/** A document's rows of tasks.csv. */
function taskRows(doc: PolicyDocument): CsvRow[] {
  return tasksOf(doc.body).map((t) => [
    doc.id,
    doc.meta.title.value,
    t.eid,
    t.label,
    t.title,
    taskUnitNames(t).join('、'),
    taskTargetTexts(t).join('；'),
    absolute(paths.task(doc.id, t.eid)),
  ]);
}

/** All tasks of all documents as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese). */
export function tasksCsv(documents: readonly PolicyDocument[]): string {
  return csvText(
    TASKS_HEADER,
    documents.map((doc) => csvLines(taskRows(doc))),
  );
}
