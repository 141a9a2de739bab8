/**
 * Splits the compare stage's published data into the files the pages read (pure): compare.json with the
 * document summaries, the recommended pairs and the concept data of the documents in them (what the pair
 * pages show; the compare page's client has each document's in its payload), and beside it one file per
 * document with its 相似任务 lists. The lists are 19 of compare.json's 24 MB at 2,019 documents, and a
 * document's lists show only on its own page: Astro read, checked and held all of them in every build for the
 * document pages' keys and the few pages that render.
 * Each file is named by its document and the digest of its bytes, which compare.json records with the other
 * documents the lists name: a document page's key takes the digest and those documents' titles and compare
 * links (what the lists show besides their own data, src/lib/page-keys.ts), the reader checks the digest
 * (src/lib/compare-data.ts), and the step writes only files whose name is new.
 */
import { digestNamedJson } from '../contract/digest.ts';
import type { CompareData, CompareFile, SimilarLists, SimilarRef } from './published.ts';

/** The folder of the lists' files, relative to compare.json's folder. */
export const SIMILAR_DIR = 'compare-similar';

/** compare.json, and each document's lists as [file name, text]. */
export interface CompareFiles {
  data: CompareFile;
  texts: Array<readonly [name: string, text: string]>;
}

/** Splits `data` into compare.json and one file of 相似任务 lists per document that has any. */
export function compareFiles(data: CompareData): CompareFiles {
  const texts: CompareFiles['texts'] = [];
  const similar: Record<string, SimilarRef> = {};
  for (const [id, lists] of Object.entries(data.similar)) {
    const { name, text, digest } = digestNamedJson(id, { similar: lists } satisfies SimilarLists);
    texts.push([name, text]);
    const others = [...new Set(Object.values(lists).flatMap((list) => list.map((s) => s.doc)))].sort();
    similar[id] = { file: `${SIMILAR_DIR}/${name}`, digest, others };
  }
  const paired = new Set(data.pairs.flatMap((p) => [p.a, p.b]));
  const concepts = data.concepts && Object.fromEntries(Object.entries(data.concepts).filter(([id]) => paired.has(id)));
  return { data: { ...data, similar, concepts }, texts };
}
