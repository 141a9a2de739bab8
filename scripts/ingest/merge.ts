/**
 * Stage 8: the same document found twice (000's plan again inside 004) becomes
 * one document with two sources; the second copy is kept whole for the version
 * view. Two documents that merely share a title stay apart.
 */
import type { Block, Diagnostic, ParsedDocument, PolicyDocument } from './model.ts';
import type { MetadataResult } from './metadata.ts';
import { blockText } from './hierarchy/block-text.ts';

/** Character-bigram similarity above which two documents are copies of one text. */
export const COPY_SIMILARITY = 0.85;

export interface MergeResult {
  documents: PolicyDocument[];
  diagnostics: Diagnostic[];
}

/** All text of a parsed document's body, whitespace removed. */
export function bodyText(doc: ParsedDocument): string {
  return [...doc.preamble, ...doc.body]
    .map((b: Block) => blockText(b))
    .join('')
    .replace(/\s+/g, '');
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  return out;
}

/** Dice coefficient of the two texts' character bigram sets (1 = same bigrams). */
export function similarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (A.size === 0 && B.size === 0) return 1;
  let shared = 0;
  for (const g of A) if (B.has(g)) shared++;
  return (2 * shared) / (A.size + B.size);
}

/** A title reduced to its letters and digits, so bracket and dash variants compare equal. */
export function titleKey(title: string): string {
  return title.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Merges copies; makes ids unique (deterministically, independent of seed order). */
export function mergeCopies(items: Array<{ doc: ParsedDocument; meta: MetadataResult }>): MergeResult {
  const diagnostics: Diagnostic[] = [];
  const groups: Array<Array<{ doc: ParsedDocument; meta: MetadataResult; text: string }>> = [];
  // Groups by title key, in creation order: only same-title groups can match, and scanning all
  // groups made the merge quadratic (40% of the ingest of 2,000 documents; scripts/bench.ts).
  const byTitle = new Map<string, typeof groups>();
  for (const item of items) {
    const text = bodyText(item.doc);
    const key = titleKey(item.meta.meta.title.value);
    const sameTitleGroups = byTitle.get(key) ?? [];
    const group = sameTitleGroups.find((g) => similarity(g[0].text, text) >= COPY_SIMILARITY);
    if (group) group.push({ ...item, text });
    else {
      const sameTitle = sameTitleGroups[0];
      if (sameTitle) {
        diagnostics.push({
          severity: 'warning',
          code: 'merge/same-title',
          message: `《${item.meta.meta.title.value}》 appears again with different text; kept as a separate document`,
          file: item.doc.file,
          line: item.doc.span.lineStart,
          hint: `the other one starts at ${sameTitle[0].doc.file}:${sameTitle[0].doc.span.lineStart}`,
        });
      }
      const created = [{ ...item, text }];
      groups.push(created);
      byTitle.set(key, [...sameTitleGroups, created]);
    }
  }

  const documents = groups.map((group) => {
    // The fuller copy is the primary one: the other may lack a heading or the 抄送 footer.
    const ordered = [...group].sort(
      (a, b) => b.text.length - a.text.length || a.doc.file.localeCompare(b.doc.file) || a.doc.span.lineStart - b.doc.span.lineStart,
    );
    const [primary, ...others] = ordered;
    for (const other of others) {
      diagnostics.push({
        severity: 'info',
        code: 'merge/copy',
        message: `second copy of 《${primary.meta.meta.title.value}》 (similarity ${similarity(primary.text, other.text).toFixed(3)}) merged with ${primary.doc.file}:${primary.doc.span.lineStart}`,
        file: other.doc.file,
        line: other.doc.span.lineStart,
      });
    }
    const p = primary.doc;
    const doc: PolicyDocument = {
      id: primary.meta.id,
      meta: primary.meta.meta,
      notice: p.notice,
      subtitle: p.subtitle,
      preamble: p.preamble,
      body: p.body,
      ...(p.closing && { closing: p.closing }),
      ...(p.attachments && { attachments: p.attachments }),
      footer: p.footer,
      sources: ordered.map((c) => ({ file: c.doc.file, lineStart: c.doc.span.lineStart, lineEnd: c.doc.span.lineEnd })),
      copies: others.map((c) => ({ source: { file: c.doc.file, lineStart: c.doc.span.lineStart, lineEnd: c.doc.span.lineEnd }, parsed: c.doc })),
      truncated: p.truncated,
      diagnostics: ordered.flatMap((c) => [...c.doc.diagnostics, ...c.meta.diagnostics]),
    };
    if (primary.meta.curated?.note) doc.curatedNote = primary.meta.curated.note;
    return { doc, text: primary.text };
  });

  // Unique ids: collisions are numbered in order of the text's content, not of the seeds.
  const byId = new Map<string, Array<{ doc: PolicyDocument; text: string }>>();
  for (const d of documents) byId.set(d.doc.id, [...(byId.get(d.doc.id) ?? []), d]);
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    list.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    list.forEach((d, i) => {
      if (i === 0) return;
      d.doc.id = `${id}-${i + 1}`;
      diagnostics.push({
        severity: 'warning',
        code: 'merge/duplicate-id',
        message: `two documents would have the URL id "${id}"; this one gets "${d.doc.id}"`,
        file: d.doc.sources[0].file,
        line: d.doc.sources[0].lineStart,
        hint: 'give each an "id" in content/curated/documents.json',
      });
    });
  }
  return { documents: documents.map((d) => d.doc).sort((a, b) => a.id.localeCompare(b.id)), diagnostics };
}
