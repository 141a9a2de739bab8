/**
 * Loads content/generated/compare.json (written by scripts/steps/compare-step.ts)
 * once per build, and renders the compare views to HTML for the pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { CompareData } from '../../scripts/compare/published.ts';
import type { ComparedPair } from '../../scripts/compare/run.ts';
import type { ConceptInfo } from '../../shared/compare/model.ts';
import { documentTasks } from '../../scripts/compare/tasks.ts';
import { comparisonView } from '../../shared/compare/view/comparison.ts';
import { versionView } from '../../shared/compare/view/version.ts';
import { paths } from '../../scripts/urls/paths.ts';
import { documentById } from './site-data.ts';

let cached: CompareData | undefined;

/** The compare stage's output; run `npm run build` first. */
export function compareData(): CompareData {
  if (!cached) {
    const file = path.resolve('content/generated/compare.json');
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run build", which runs the compare stage before Astro`);
    cached = JSON.parse(fs.readFileSync(file, 'utf8')) as CompareData;
  }
  return cached;
}

/** The URL segment of a pair page: "<a>--<b>". */
export function pairSlug(pair: { a: string; b: string }): string {
  return `${pair.a}--${pair.b}`;
}

/** Titles of documents by id (every document, also those without tasks). */
export function titleOf(id: string): string {
  try {
    return documentById(id).meta.title.value;
  } catch {
    return id;
  }
}

/** A document's tasks as the compare views read them. */
export function taskTexts(id: string) {
  const doc = documentById(id);
  return documentTasks(doc.id, doc.body);
}

const links = {
  doc: paths.doc,
  task: paths.task,
  concept: paths.concept,
  sourceLine: (id: string, copy: number, line: number) => `${paths.source(id)}#${copy === 0 ? '' : `c${copy}-`}L${line}`,
};

/** The HTML of a pre-rendered pair's view (comparison or version diff). */
export function pairHtml(pair: ComparedPair): string {
  const data = compareData();
  if (pair.version) return toHtml(versionView(pair.version, titleOf(pair.a), links));
  if (!pair.comparison) throw new Error(`pair ${pairSlug(pair)} has neither a comparison nor a version diff`);
  const docs = new Map(data.docs.map((d) => [d.id, d]));
  const side = (id: string) => {
    const doc = docs.get(id);
    if (!doc) throw new Error(`compare.json: no summary for document "${id}"`);
    const tasks = taskTexts(id);
    return { doc, tasks, concepts: data.concepts?.[id] };
  };
  const conceptInfo = new Map<string, ConceptInfo>(data.conceptInfo.map((c) => [c.id, c]));
  return toHtml(comparisonView({ comparison: pair.comparison, a: side(pair.a), b: side(pair.b), conceptInfo, links }));
}
