/**
 * The faithfulness check shared by the seeds' and the corpus' tests: every
 * non-whitespace character of a source file is either on a document's page (its
 * notice, title, body, closing, attachments, footer) or in a recorded
 * normalisation that removed it (a page number, markup, chrome set aside), which
 * the original-text page shows.
 */
import type { Attachment, Block, Closing, Corpus, Footer, Notice, Paragraph } from '../../scripts/ingest/model.ts';
import { blockText } from '../../scripts/ingest/hierarchy/block-text.ts';

/** The parts of a document that hold text. */
export interface DocumentParts {
  notice?: Notice;
  title?: string;
  subtitle: string[];
  preamble: Block[];
  body: Block[];
  closing?: Closing;
  attachments?: Attachment[];
  footer?: Footer;
}

/** All text a parsed document keeps, in any order. */
export function documentText(doc: DocumentParts): string {
  const paras = (ps: Paragraph[] | undefined) => (ps ?? []).map((p) => p.text).join('');
  return [
    doc.notice?.title ?? '',
    paras(doc.notice?.paragraphs),
    doc.title ?? '',
    doc.subtitle.join(''),
    ...doc.preamble.map(blockText),
    ...doc.body.map(blockText),
    paras(doc.closing?.paragraphs),
    ...(doc.attachments ?? []).flatMap((a) => [a.marker, a.title, ...a.body.map(blockText)]),
    paras(doc.footer?.paragraphs),
  ].join('');
}

/** Non-whitespace characters with their counts. */
export function charCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.replace(/\s+/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** Characters of `file` found neither in its documents nor in its normalisations, as "字×n". */
export function lostCharacters(corpus: Corpus, file: string): string[] {
  const source = charCounts((corpus.sources[file] ?? []).join('\n'));
  const kept = new Map<string, number>();
  const add = (counts: Map<string, number>, sign = 1) => {
    for (const [ch, n] of counts) kept.set(ch, (kept.get(ch) ?? 0) + sign * n);
  };
  for (const doc of corpus.documents) {
    // A printed title is on the page as its heading; a curated or inferred one was never in the file.
    const printed = !doc.meta.title.curated && doc.meta.title.from?.part === 'title' ? doc.meta.title.value : '';
    if (doc.sources[0].file === file) add(charCounts(documentText({ ...doc, title: printed })));
    for (const copy of doc.copies) if (copy.source.file === file) add(charCounts(documentText(copy.parsed)));
  }
  for (const n of corpus.normalisations[file] ?? []) {
    // What a change removed: the characters of `before` beyond those of `after`.
    const after = charCounts(n.after);
    for (const [ch, count] of charCounts(n.before)) {
      const removed = count - (after.get(ch) ?? 0);
      if (removed > 0) kept.set(ch, (kept.get(ch) ?? 0) + removed);
    }
  }
  const missing: string[] = [];
  for (const [ch, n] of source) if ((kept.get(ch) ?? 0) < n) missing.push(`${ch}×${n - (kept.get(ch) ?? 0)}`);
  return missing;
}
