/**
 * Loads content/generated/compare.json (written by scripts/steps/compare-step.ts)
 * once per build, and renders the compare views to HTML for the pages.
 */
import path from 'node:path';
import { readGeneratedJson } from '../../scripts/contract/generated-file.ts';
import { CompareDataSchema } from '../../scripts/contract/compare-data.ts';
import { toHtml } from 'hast-util-to-html';
import type { CompareData } from '../../scripts/compare/published.ts';
import type { ComparedPair } from '../../scripts/compare/run.ts';
import type { ConceptInfo } from '../../shared/compare/model.ts';
import { tasksAsText } from '../../scripts/compare/tasks.ts';
import { comparisonView } from '../../shared/compare/view/comparison.ts';
import { versionView } from '../../shared/compare/view/version.ts';
import { paths } from '../../scripts/urls/paths.ts';
import { documentById, documentWithBody } from './site-data.ts';

let cached: CompareData | undefined;

/** The compare stage's output; run `npm run build` first. */
export function compareData(): CompareData {
  if (!cached) {
    cached = readGeneratedJson(
      path.resolve('content/generated/compare.json'),
      CompareDataSchema,
      'the compare stage (scripts/steps/compare-step.ts, before Astro runs)',
    );
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
  const doc = documentWithBody(id);
  return tasksAsText(doc.id, doc.body);
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
