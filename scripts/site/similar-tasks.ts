/**
 * The "相似任务" disclosure under each task of a document page: its closest
 * tasks in other documents, each linked to its anchor and to the comparison
 * of the two documents.
 *
 * The MDX page holds only a placeholder, <SimilarTasks doc eid />, which
 * src/components/SimilarTasks.astro renders from the document's lists beside
 * compare.json (scripts/compare/compare-files.ts) with the view
 * built here. Written out as JSX in every MDX page, the lists were a third of
 * the MDX bytes and nodes, and compiling MDX is the costliest part of the
 * Astro build; as a component they cost one node per task.
 *
 * Every task gets the placeholder, also one without similar tasks (the
 * component then renders nothing; 1% of tasks): the MDX pages then do not
 * depend on the compare stage, which runs beside them (scripts/steps/site-step.ts).
 */
import type { RootContent } from 'mdast';
import type { PolicyDocument, Provision } from '../ingest/model.ts';
import type { SimilarTask } from '../../shared/compare/model.ts';
import { flow } from './mdx-tree.ts';

/** Name of the component the document page passes to the MDX content. */
export const SIMILAR_COMPONENT = 'SimilarTasks';

/** The placeholder for one task. */
export function similarPlaceholder(doc: string, eid: string): RootContent[] {
  return [flow(SIMILAR_COMPONENT, { doc, eid }, [])];
}

/** The 相似任务 placeholder of each provision of `doc` (one per task, none for other provisions). */
export function similarExtras(doc: PolicyDocument): (p: Provision) => RootContent[] {
  return (p) => (p.isTask ? similarPlaceholder(doc.id, p.eid) : []);
}

/** Where the disclosure's links go. */
export interface SimilarLinks {
  task(doc: string, eid: string): string;
  /** The comparison of the current document with `other` (pre-rendered page or the compare page's query). */
  compare(other: string): string;
  /** The short title shown for a document. */
  title(doc: string): string;
}

/** One line of the disclosure, ready to render. */
export interface SimilarItem {
  href: string;
  /** 《title》 of the other document. */
  doc: string;
  /** Label and heading of the similar task. */
  task: string;
  /** Cosine similarity, two decimals (explained once, on the compare page). */
  score: string;
  compareHref: string;
}

/** The lines of one task's disclosure (pure). */
export function similarItems(list: readonly SimilarTask[], links: SimilarLinks): SimilarItem[] {
  return list.map((s) => ({
    href: links.task(s.doc, s.eid),
    doc: `《${links.title(s.doc)}》`,
    task: `${s.label} ${s.title}`,
    score: s.score.toFixed(2),
    compareHref: links.compare(s.doc),
  }));
}
