/**
 * The "相似任务" disclosure under each task of a document page: its closest
 * tasks in other documents, each linked to its anchor and to the comparison
 * of the two documents. A closed <details> keeps pages short and needs no
 * JavaScript; data-pagefind-ignore keeps these titles out of the task's search
 * entry (they belong to other documents). Built as MDX JSX with text nodes,
 * like the rest of the tree (remarkSafeText makes the text literal).
 */
import type { RootContent } from 'mdast';
import type { SimilarTask } from './model.ts';
import { flow, inline } from '../site/mdx-tree.ts';

/** Where the disclosure's links go. */
export interface SimilarLinks {
  task(doc: string, eid: string): string;
  /** The comparison of the current document with `other` (pre-rendered page or the compare page's query). */
  compare(other: string): string;
  /** The short title shown for a document. */
  title(doc: string): string;
}

/** The <details> for one task, or nothing when it has no similar tasks. */
export function similarDetails(list: readonly SimilarTask[] | undefined, links: SimilarLinks): RootContent[] {
  if (!list || list.length === 0) return [];
  return [
    flow('details', { class: 'similar', 'data-pagefind-ignore': '' }, [
      // The scores are explained once, on the compare page; each list stays a few hundred bytes.
      flow('summary', {}, [{ type: 'text', value: `相似任务（${list.length}）` }]),
      flow(
        'ol',
        {},
        list.map((s) =>
          flow('li', {}, [
            inline('a', { href: links.task(s.doc, s.eid) }, [
              inline('span', { class: 'similar__doc' }, [{ type: 'text', value: `《${links.title(s.doc)}》` }]),
              { type: 'text', value: `${s.label} ${s.title}` },
            ]),
            { type: 'text', value: ' ' },
            inline('span', { class: 'similar__score' }, [{ type: 'text', value: s.score.toFixed(2) }]),
            { type: 'text', value: ' ' },
            inline('a', { class: 'similar__compare', href: links.compare(s.doc) }, [{ type: 'text', value: '对比' }]),
          ]),
        ),
      ),
    ]),
  ];
}
