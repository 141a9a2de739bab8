/**
 * Cache keys of the pages Astro's incremental build may copy from the previous build instead of rendering
 * (astro.config.mjs, `experimental.incrementalBuild`). Astro itself checks the page's code (the hash of its
 * module graph) and the MDX entry it renders; what it cannot see is the site data the pages read with `fs`
 * (content/generated/*.json, through the loaders beside this file). Each key is therefore a digest of exactly
 * the slice of that data its page and the page's components show, and of nothing else, so adding a document
 * changes the keys of its own pages and of the pages that show it (a concept it uses, a document it relates
 * to or that lists it among similar tasks), and leaves the other pages' keys as they were.
 *
 * A key that misses something a page shows makes an incremental build differ from a clean one: when a page
 * or component reads more data, its key here must read it too. tests/site/incremental.test.ts compares
 * incremental builds with clean ones byte for byte after an add, an edit, a removal and a glossary change.
 */
import crypto from 'node:crypto';
import { compareHref } from '../../scripts/compare/published.ts';
import type { ComparedPair } from '../../scripts/compare/run.ts';
import { compareData, titleOf } from './compare-data.ts';
import { conceptById, conceptsData, conceptsInDocument } from './concepts-data.ts';
import { documentRelations, standingOf } from './relations-data.ts';
import { departmentBySlug, documentById, documentSpans, findDocument, siteData } from './site-data.ts';

/** The sha256 of the values' JSON (undefined is written as null, so an absent slice still has a place). */
export function dataKey(...values: unknown[]): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(values, (_key, value) => (value === undefined ? null : value)))
    .digest('hex');
}

/**
 * docs/[id]/: the document itself and its original file's record (meta card, actions, text, targets), its
 * standing with the titles of the documents its evidence is in, its relations with the other side's status
 * and compare link, the concepts it uses (its own mentions of each, and whether other documents use it), and its 相似任务 lists
 * (by the digest compare.json holds of their file) with what they show of the other documents (titles and compare links).
 * `entryDigest` is the MDX entry's.
 */
export function documentPageKey(id: string, entryDigest: string | number | undefined): string {
  const doc = documentById(id);
  const standing = standingOf(id);
  const evidence = [...standing.statusEvidence, ...(standing.validity?.evidence ?? [])];
  const evidenceTitles = evidence.filter((e) => e.document !== id).map((e) => findDocument(e.document)?.meta.title.value);
  const relations = documentRelations(id);
  const data = compareData();
  const relationLinks = relations.map(({ relation: r, other }) => [
    other.id === null ? null : standingOf(other.id).status,
    r.alignment && r.from.id && r.to.id ? compareHref(data.pairs, r.from.id, r.to.id) : null,
  ]);
  const concepts = conceptsInDocument(id).map(({ concept, here }) => [concept.id, concept.name, concept.documents.length > 1, here.mentions]);
  // The lists by their file's digest, with what they show of the documents they name (title, compare link).
  const lists = data.similar[id];
  const similar = lists && [lists.digest, lists.others.map((other) => [other, titleOf(other), compareHref(data.pairs, id, other)])];
  const original = siteData().originals?.[doc.sources[0]?.file ?? ''];
  return dataKey(entryDigest, doc, original, standing, evidenceTitles, relations, relationLinks, concepts, similar);
}

/**
 * docs/[id]/source/: the document (title, sources) and, for each file it comes from, the file's lines and
 * normalisations (by the digest site.json holds of them) and original-file record, and where every document of
 * that file starts and ends (the first and last document of a file also show the lines around them).
 */
export function sourcePageKey(id: string): string {
  const data = siteData();
  const doc = documentById(id);
  const files = doc.sources.map(({ file }) => [file, data.sources[file], data.originals?.[file], documentSpans(file).map((s) => [s.lineStart, s.lineEnd])]);
  return dataKey(doc.id, doc.meta.title.value, doc.sources, files);
}

/**
 * concepts/[id]/: the concept (definition, aliases, counts, its documents), its occurrences (by the digest
 * concepts.json holds of their file), the names of related concepts, and the title, date and kind of each
 * document that uses it. `entryDigest` is the MDX entry's.
 */
export function conceptPageKey(id: string, entryDigest: string | number | undefined): string {
  const concept = conceptById(id);
  const names = concept.related.map((related) => conceptsData().concepts.find((c) => c.id === related)?.name);
  const documents = concept.documents.map(({ document }) => {
    const m = findDocument(document)?.meta;
    return [document, m?.title.value, m?.date.value, m?.kind.value];
  });
  return dataKey(entryDigest, concept, conceptsData().occurrences[id]?.digest, names, documents);
}

/** departments/[slug]/: the unit's tasks (by the digest site.json holds of them) and the titles of their documents. */
export function departmentPageKey(slug: string): string {
  const dept = departmentBySlug(slug);
  const titles = dept?.documents.map((document) => findDocument(document)?.meta.title.value);
  return dataKey(dept, titles);
}

/**
 * compare/[pair]/: the pair (its comparison or version diff) and, for each side, the document (title and
 * tasks), its compare summary and concepts, with the concept names the comparison shows.
 */
export function pairPageKey(pair: ComparedPair): string {
  const data = compareData();
  const side = (id: string) => [findDocument(id) ?? id, data.docs.find((d) => d.id === id), data.concepts?.[id]];
  return dataKey(pair, side(pair.a), side(pair.b), pair.comparison ? data.conceptInfo : null);
}
