/**
 * Loads content/generated/compare.json (written by scripts/steps/compare-step.ts)
 * once per build, and renders the compare views to HTML for the pages. Each
 * document's 相似任务 lists are a file of their own beside it
 * (scripts/compare/compare-files.ts), read when the document's page shows them.
 */
import path from 'node:path';
import { readGeneratedJson, readTextBeside } from '../../scripts/contract/generated-file.ts';
import { CompareFileSchema, SimilarListsSchema } from '../../scripts/contract/compare-data.ts';
import { toHtml } from 'hast-util-to-html';
import type { CompareFile, SimilarLists } from '../../scripts/compare/published.ts';
import type { ComparedPair } from '../../scripts/compare/run.ts';
import type { ConceptInfo } from '../../shared/compare/model.ts';
import { tasksAsText } from '../../scripts/compare/tasks.ts';
import { comparisonView } from '../../shared/compare/view/comparison.ts';
import { versionView } from '../../shared/compare/view/version.ts';
import { paths } from '../../scripts/urls/paths.ts';
import { documentById, documentWithBody } from './site-data.ts';

const COMPARE_FILE = path.resolve('content/generated/compare.json');
const WRITER = 'the compare stage (scripts/steps/compare-step.ts, before Astro runs)';

let cached: CompareFile | undefined;
/** The lists of the documents whose pages are rendering (Astro renders a few pages at once; each shows one document's). */
const recentLists = new Map<string, SimilarLists['similar']>();
const RECENT_LISTS = 16;

/** The compare stage's output; run `npm run build` first. */
export function compareData(): CompareFile {
  cached ??= readGeneratedJson(COMPARE_FILE, CompareFileSchema, WRITER);
  return cached;
}

/** A document's 相似任务 lists per task eid (empty when none of its tasks has any). */
export function similarListsOf(id: string): SimilarLists['similar'] {
  const kept = recentLists.get(id);
  if (kept) return kept;
  const ref = compareData().similar[id];
  const lists = ref ? readTextBeside(COMPARE_FILE, ref, SimilarListsSchema, WRITER).similar : {};
  // Every task of the page asks (one <SimilarTasks> each): read once per page, not once per task.
  if (recentLists.size >= RECENT_LISTS) recentLists.delete(recentLists.keys().next().value!);
  recentLists.set(id, lists);
  return lists;
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
