/**
 * The MDX tree of a concept's definition block (the lead of its page): the
 * definition in our words and, when a document defines the concept itself,
 * that sentence quoted with a link to its task. Built like document pages
 * (text nodes only, serialised through remarkSafeText), so the concept links
 * plugin can link the other concepts it mentions — never the concept itself.
 */
import type { Root, RootContent } from 'mdast';
import type { Concept } from '../concepts/glossary.ts';
import { flow, inline } from './mdx-tree.ts';
import { paths } from '../urls/paths.ts';

/** Where a quote comes from, as a reader cites it. */
export interface QuoteSource {
  title: string;
  /** The task's citation label ("五、19．"), when the quote is in a task. */
  label: string | null;
  /** The id on the document page to link to: the task's eid or the paragraph's anchor. */
  anchor: string;
}

/** The definition block of `concept`; `source` names the quoted document. */
export function conceptTree(concept: Concept, source?: QuoteSource): Root {
  const children: RootContent[] = [flow('p', { class: 'concept-definition' }, [{ type: 'text', value: concept.definition }])];
  const q = concept.quote;
  if (q && source) {
    const href = paths.task(q.document, source.anchor);
    children.push(
      flow('figure', { class: 'concept-quote' }, [
        flow('blockquote', {}, [flow('p', {}, [{ type: 'text', value: q.text }])]),
        flow('figcaption', {}, [
          { type: 'text', value: '文件中的表述：' },
          inline('a', { href }, [{ type: 'text', value: `《${source.title}》${source.label ?? ''}` }]),
        ]),
      ]),
    );
  }
  return { type: 'root', children };
}
