/**
 * data/comparisons.json: every pre-rendered comparison with its matched task
 * pairs (eids and scores), for re-use outside the site. Pure; the open data
 * build step (scripts/steps/open-data-step.ts) writes it.
 */
import type { PolicyDocument } from '../ingest/model.ts';
import type { PairKind, TaskPair, TaskText } from '../../shared/compare/model.ts';
import type { ComparedPair } from './run.ts';
import { taskPairs } from '../../shared/compare/compare-pair.ts';
import { tasksAsText } from './tasks.ts';
import { copyId } from './version-diff.ts';
import { paths } from '../urls/paths.ts';

/** One entry of comparisons.json. */
export interface PublishedComparison {
  kind: PairKind;
  a: string;
  /** A document id, or for a version pair the copy's id (`<id>.copy1`). */
  b: string;
  /** Absolute URL of the pair's page. */
  url: string;
  score: number;
  pairs: TaskPair[];
}

/** The comparisons.json entry of each pair; `origin` is the site's origin without trailing slash. */
export function publishedComparisons(pairs: readonly ComparedPair[], documents: readonly PolicyDocument[], origin: string): PublishedComparison[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const docOf = (id: string) => {
    const doc = byId.get(id);
    if (!doc) throw new Error(`comparisons.json: pair names document "${id}", which is not in the corpus`);
    return doc;
  };
  const tasksOf = (id: string): TaskText[] => {
    const doc = docOf(id);
    return tasksAsText(doc.id, doc.body);
  };
  // For a version pair, b is the copy ("<id>.copy1") and its tasks are the copy's.
  const copyTasks = (id: string, copy: number): TaskText[] => {
    const parsed = docOf(id).copies[copy - 1]?.parsed;
    if (!parsed) throw new Error(`comparisons.json: document "${id}" has no copy ${copy}`);
    return tasksAsText(copyId(id, copy), parsed.body);
  };
  return pairs.map((pair) => {
    const pairTasks = pair.comparison ? taskPairs(pair.comparison, tasksOf(pair.a), pair.version ? copyTasks(pair.a, pair.version.copy) : tasksOf(pair.b)) : [];
    return { kind: pair.kind, a: pair.a, b: pair.b, url: origin + paths.comparePair(pair.a, pair.b), score: pair.score, pairs: pairTasks };
  });
}

/** The text of comparisons.json; `generatedBy` names the module that writes it. */
export function comparisonsJson(comparisons: readonly PublishedComparison[], generatedBy: string): string {
  return JSON.stringify({ generatedBy, comparisons }, null, 1);
}
