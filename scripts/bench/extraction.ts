/**
 * The pipeline's responsible units and targets against the hand-checked set
 * (tests/fixtures/hand-checked/units.json and targets.json): tasks and targets
 * written down by reading the seeds and the development corpus, never copied
 * from the program. Used by tests/unit/ingest/hand-checked.test.ts (which holds
 * the figures to their floors) and by `npm run bench` (which reports them).
 *
 * A task is matched by file and heading line; a target by file, the line its
 * number is printed on (inside the span of the provision or paragraph the
 * pipeline read it from), the number as printed, and a word of its fragment
 * where one sentence holds the same number twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PolicyDocument, Provision, Target } from '../ingest/model.ts';
import { ingest, loadCurated, type SeedInput } from '../ingest/index.ts';
import { listSeedFiles } from '../ingest/read.ts';
import { locatedTargets, type LocatedTarget } from '../../shared/document/located-targets.ts';
import { tasksOf, taskUnits } from '../../shared/document/tasks.ts';
import { HandTargetsFileSchema, HandUnitsFileSchema, type HandNonTarget, type HandTarget, type HandTask, type HandUnit } from '../contract/hand-checked.ts';
import { loadJsonFile } from '../contract/json-file.ts';

/** Where the hand-checked set lives. */
export const HAND_CHECKED_DIR = 'tests/fixtures/hand-checked';

export type { HandNonTarget, HandTarget, HandTask, HandUnit };

/** The two lists. */
export interface HandChecked {
  tasks: HandTask[];
  targets: HandTarget[];
  notTargets: HandNonTarget[];
}

/** Reads the hand-checked files, checked against their schemas (scripts/contract/hand-checked.ts). */
export function readHandChecked(dir = HAND_CHECKED_DIR): HandChecked {
  const units = loadJsonFile(path.join(dir, 'units.json'), HandUnitsFileSchema, 'the hand-checked units').data;
  const targets = loadJsonFile(path.join(dir, 'targets.json'), HandTargetsFileSchema, 'the hand-checked targets').data;
  return { tasks: units.tasks, targets: targets.targets, notTargets: targets.notTargets };
}

/** What the pipeline gave, per seed or corpus file: its tasks and its located targets. */
export interface PipelineOutput {
  tasks: Map<string, Provision[]>;
  targets: Map<string, LocatedTarget[]>;
}

/**
 * Runs the pipeline as the site does: the seeds together (with the curated
 * data), each corpus file on its own (a folder of one document), as the corpus
 * test does.
 */
export function runPipeline(seedsDir = 'seeds', corpusDir = 'tests/corpus', curatedDir = 'content/curated'): PipelineOutput {
  const curated = loadCurated(curatedDir);
  const seed = (dir: string, file: string): SeedInput => ({ file, bytes: fs.readFileSync(path.join(dir, file)) });
  const documents: PolicyDocument[] = ingest(
    listSeedFiles(seedsDir).map((f) => seed(seedsDir, path.basename(f))),
    curated,
  ).documents;
  const corpusFiles = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt'));
  for (const file of corpusFiles) documents.push(...ingest([seed(corpusDir, file)], { documents: [], places: curated.places }).documents);
  const out: PipelineOutput = { tasks: new Map(), targets: new Map() };
  for (const doc of documents) {
    const file = doc.sources[0].file;
    out.tasks.set(file, [...(out.tasks.get(file) ?? []), ...tasksOf(doc.body)]);
    out.targets.set(file, [...(out.targets.get(file) ?? []), ...locatedTargets(doc)]);
  }
  return out;
}

/** A count out of a total. */
export interface Share {
  right: number;
  total: number;
}

/** How the pipeline's units fared. */
export interface UnitScores {
  tasks: number;
  found: Share;
  /** Tasks whose units are exactly the hand-checked names. */
  exact: Share;
  /** Units given by a clause written once for later tasks, found as such. */
  fromClauses: Share;
  /** Units of tasks whose text states roles, with the right role. */
  roles: Share;
  /** Units given a role in tasks whose text states none. */
  invented: number;
  /** Exact units of the held-out tasks alone. */
  heldOutExact: Share;
  misses: string[];
}

/** How the pipeline's targets fared. */
export interface TargetScores {
  targets: number;
  found: Share;
  /** Found targets with value, unit and year all right (year where the text settles it). */
  valueUnitYear: Share;
  value: Share;
  unit: Share;
  year: Share;
  yearFrom: Share;
  period: Share;
  comparator: Share;
  /** Found and value, unit and year right, for the held-out targets alone. */
  heldOutFound: Share;
  heldOutValueUnitYear: Share;
  /** Numbers read as targets that a reader does not take for one. */
  falseTargets: Share;
  misses: string[];
}

const share = (): Share => ({ right: 0, total: 0 });
const count = (s: Share, ok: boolean) => {
  s.total += 1;
  if (ok) s.right += 1;
};

/** Scores the pipeline's units per task. */
export function scoreUnits(hand: readonly HandTask[], pipeline: PipelineOutput): UnitScores {
  const scores: UnitScores = {
    tasks: hand.length,
    found: share(),
    exact: share(),
    fromClauses: share(),
    roles: share(),
    invented: 0,
    heldOutExact: share(),
    misses: [],
  };
  for (const task of hand) {
    const where = `${task.file}:${task.line} ${task.label}`;
    const provision = (pipeline.tasks.get(task.file) ?? []).find((p) => p.lineStart === task.line);
    count(scores.found, provision !== undefined);
    const got = provision ? taskUnits(provision) : [];
    const byName = new Map(got.map((u) => [u.name, u]));
    const expected = new Set(task.units.map((u) => u.name));
    const exact = got.length === expected.size && got.every((u) => expected.has(u.name));
    count(scores.exact, exact);
    if (task.heldOut) count(scores.heldOutExact, exact);
    if (!provision) scores.misses.push(`${where}: task not found`);
    else if (!exact) scores.misses.push(`${where}: units ${got.map((u) => u.name).join('、')} ≠ ${[...expected].join('、')}`);
    for (const unit of task.units) {
      const found = byName.get(unit.name);
      if (unit.scope === 'document') count(scores.fromClauses, found?.evidence.scope === 'document');
      if (task.rolesStated) {
        count(scores.roles, found?.role === unit.role);
        if (found && found.role !== unit.role) scores.misses.push(`${where}: ${unit.name} is ${found.role}, text says ${unit.role}`);
      }
    }
    if (!task.rolesStated) scores.invented += got.filter((u) => u.role !== 'responsible').length;
  }
  return scores;
}

/** Scores the pipeline's targets. */
export function scoreTargets(hand: readonly HandTarget[], pipeline: PipelineOutput, notTargets: readonly HandNonTarget[] = []): TargetScores {
  const s: TargetScores = {
    targets: hand.length,
    found: share(),
    valueUnitYear: share(),
    value: share(),
    unit: share(),
    year: share(),
    yearFrom: share(),
    period: share(),
    comparator: share(),
    heldOutFound: share(),
    heldOutValueUnitYear: share(),
    falseTargets: share(),
    misses: [],
  };
  const used = new Set<Target>();
  for (const h of hand) {
    const where = `${h.file}:${h.line} ${h.indicator} ${h.valueText}${h.unit}`;
    // Of the candidates, the one read from the paragraph that starts nearest before the number's line.
    const match = (pipeline.targets.get(h.file) ?? [])
      .filter(
        ({ target: t, lineStart, lineEnd }) =>
          !used.has(t) && lineStart <= h.line && h.line <= lineEnd && t.valueText === h.valueText && (!h.near || t.text.includes(h.near)),
      )
      .map(({ target }) => target)
      .sort((a, b) => distance(a, h.line) - distance(b, h.line))[0];
    count(s.found, match !== undefined);
    if (h.heldOut) count(s.heldOutFound, match !== undefined);
    if (!match) {
      s.misses.push(`${where}: not found`);
      continue;
    }
    used.add(match);
    const open = new Set(h.unscored ?? []);
    const valueOk = match.value === h.value && (match.upper ?? null) === (h.upper ?? null);
    const unitOk = match.unit === h.unit;
    const yearOk = open.has('year') || (match.year ?? null) === h.year;
    count(s.value, valueOk);
    count(s.unit, unitOk);
    if (!open.has('year')) {
      count(s.year, yearOk);
      count(s.yearFrom, (match.yearFrom ?? null) === h.yearFrom);
    }
    if (!open.has('period')) count(s.period, (match.period ?? null) === h.period);
    if (!open.has('comparator')) count(s.comparator, match.comparator === h.comparator);
    count(s.valueUnitYear, valueOk && unitOk && yearOk);
    if (h.heldOut) count(s.heldOutValueUnitYear, valueOk && unitOk && yearOk);
    const wrong = [
      valueOk ? '' : `value ${match.value}${match.upper !== undefined ? `–${match.upper}` : ''}`,
      unitOk ? '' : `unit ${match.unit}`,
      yearOk ? '' : `year ${match.year ?? '—'}`,
      open.has('period') || (match.period ?? null) === h.period ? '' : `period ${match.period ?? '—'} (text: ${h.period ?? '—'})`,
      open.has('comparator') || match.comparator === h.comparator ? '' : `comparator ${match.comparator} (text: ${h.comparator})`,
    ].filter(Boolean);
    if (wrong.length > 0) s.misses.push(`${where}: ${wrong.join(', ')}`);
  }
  for (const n of notTargets) {
    const read = (pipeline.targets.get(n.file) ?? []).find(
      ({ target: t, lineStart, lineEnd }) => lineStart <= n.line && n.line <= lineEnd && t.valueText === n.valueText,
    );
    // Counted as right when the number is not read as a target.
    count(s.falseTargets, read === undefined);
    if (read) s.misses.push(`${n.file}:${n.line} ${n.valueText} read as a target (${n.why})`);
  }
  return s;
}

/** How far before `line` the target's paragraph starts (after it: never preferred). */
function distance(t: Target, line: number): number {
  return t.evidence.line <= line ? line - t.evidence.line : Number.MAX_SAFE_INTEGER;
}

/** "57/60 (95.0%)". */
export function formatShare(s: Share): string {
  return `${s.right}/${s.total} (${s.total === 0 ? '—' : ((100 * s.right) / s.total).toFixed(1)}%)`;
}

/** The figures as report lines. */
export function formatExtraction(units: UnitScores, targets: TargetScores): string[] {
  return [
    `Hand-checked set: ${units.tasks} tasks and ${targets.targets} targets (${HAND_CHECKED_DIR}/)`,
    `Tasks found: ${formatShare(units.found)}; responsible units exact per task: ${formatShare(units.exact)}`,
    `Units given by clauses written once for later tasks, found as such: ${formatShare(units.fromClauses)}`,
    `Roles where the text states them: ${formatShare(units.roles)}; roles given where it states none: ${units.invented}`,
    `Targets found: ${formatShare(targets.found)}; value, unit and year right: ${formatShare(targets.valueUnitYear)}`,
    `Written before the pipeline first ran on their files (corpus 14, 22): units exact ${formatShare(units.heldOutExact)}; targets found ${formatShare(targets.heldOutFound)}, value, unit and year right ${formatShare(targets.heldOutValueUnitYear)}`,
    `Numbers that are no target (past figures, grants) left unread: ${formatShare(targets.falseTargets)}`,
    `Per field: value ${formatShare(targets.value)}, unit ${formatShare(targets.unit)}, year ${formatShare(targets.year)}, printed/inherited ${formatShare(targets.yearFrom)}, period ${formatShare(targets.period)}, comparator ${formatShare(targets.comparator)}`,
  ];
}

/** The benchmark's section: the figures on the hand-checked set, or a line saying why not. */
export function extractionLines(): string[] {
  try {
    const hand = readHandChecked();
    const pipeline = runPipeline();
    return formatExtraction(scoreUnits(hand.tasks, pipeline), scoreTargets(hand.targets, pipeline, hand.notTargets));
  } catch (error) {
    return [`extraction: failed — ${(error as Error).message.split('\n')[0]}`];
  }
}
