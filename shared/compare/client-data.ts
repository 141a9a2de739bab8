/**
 * What the compare page's client needs to compare any two documents, one
 * payload per document: its tasks, a summary, its concept mentions, and the
 * corpus document frequencies of its n-grams. With those the client rebuilds
 * exactly the build's TF-IDF vectors (an n-gram absent from the list occurs in
 * one task only, so its frequency is known) and so shows the same scores as
 * the pre-rendered pages and the 相似任务 lists.
 */
import type { ConceptInfo, DocumentConcepts, TargetCell, TaskText } from './model.ts';
import type { DocSummary } from './view/comparison.ts';
import { countTerms, createVocabulary, gramKey, gramKeys, gramText, idf, similarityText, weigh, type SparseVector, type Vocabulary } from './tfidf.ts';

/** One document's payload (served as data/compare/<id>.js). */
export interface ClientDocument {
  doc: DocSummary;
  tasks: Array<Omit<TaskText, 'doc' | 'index'>>;
  /** Every target of the document with its provision. */
  targets: TargetCell[];
  /** Number of tasks in the corpus (the TF-IDF document count). */
  textCount: number;
  /** Document frequencies ≥ 2 of this document's n-grams: [df, the n-grams joined by spaces]. */
  df: Array<[number, string]>;
  concepts?: DocumentConcepts;
  /** Names of the concepts in `concepts`. */
  conceptNames?: Record<string, string>;
}

/** What a payload is built from. */
export interface PayloadInput {
  doc: DocSummary;
  tasks: TaskText[];
  /** The tasks' vectors in the corpus (their term ids say which n-grams the document has). */
  vectors: SparseVector[];
  targets: TargetCell[];
  vocab: Vocabulary;
  concepts?: DocumentConcepts;
  conceptInfo?: ReadonlyMap<string, ConceptInfo>;
}

/** Builds a document's payload (for many documents of one corpus, `payloadMaker` once and call it per document). */
export function clientDocument(input: PayloadInput): ClientDocument {
  return payloadMaker(input.vocab)(input);
}

/**
 * Makes the payloads of one corpus's documents. A document's distinct n-grams are found with one mark per
 * term of the vocabulary, reused from document to document, and sorted as one typed array; concatenating
 * every vector's ids into a fresh array per document and sorting those took 2.1 s for the 2,018 payloads of
 * a 2,020-document corpus, this 1.5 s (medians of nine runs each, in turns).
 */
export function payloadMaker(vocab: Vocabulary): (input: Omit<PayloadInput, 'vocab'>) => ClientDocument {
  const seen = new Int32Array(vocab.keys.length);
  let stamp = 0;
  let distinct = new Int32Array(1024);
  return ({ doc, tasks, vectors, targets, concepts, conceptInfo }) => {
    // The document's distinct terms with df ≥ 2, ascending, then grouped by df in that order.
    stamp++;
    let n = 0;
    for (const v of vectors) {
      for (const id of v.ids) {
        if (seen[id] === stamp) continue;
        seen[id] = stamp;
        if (vocab.df[id] < 2) continue;
        if (n === distinct.length) {
          const grown = new Int32Array(n * 2);
          grown.set(distinct);
          distinct = grown;
        }
        distinct[n++] = id;
      }
    }
    const byDf = new Map<number, string[]>();
    for (const id of distinct.subarray(0, n).sort()) {
      const grams = byDf.get(vocab.df[id]);
      if (grams) grams.push(gramText(vocab.keys[id]));
      else byDf.set(vocab.df[id], [gramText(vocab.keys[id])]);
    }
    const df = [...byDf].sort((x, y) => x[0] - y[0]).map(([count, grams]): [number, string] => [count, grams.join(' ')]);
    const payload: ClientDocument = {
      doc,
      tasks: tasks.map(({ doc: _doc, index: _index, ...rest }) => rest),
      targets,
      textCount: vocab.textCount,
      df,
    };
    if (concepts && conceptInfo) {
      payload.concepts = concepts;
      payload.conceptNames = Object.fromEntries(Object.keys(concepts.counts).map((id) => [id, conceptInfo.get(id)?.name ?? id]));
    }
    return payload;
  };
}

/** The tasks of a payload as TaskText again. */
export function payloadTasks(p: ClientDocument): TaskText[] {
  return p.tasks.map((t, index) => ({ ...t, doc: p.doc.id, index }));
}

/** TF-IDF vectors of the payloads' tasks, identical to the build's (one array per payload). */
export function payloadVectors(payloads: ClientDocument[]): SparseVector[][] {
  const df = new Map<number, number>();
  for (const p of payloads) for (const [n, grams] of p.df) for (const g of grams.split(' ')) df.set(gramKey(g), n);
  const textCount = payloads[0]?.textCount ?? 0;
  // A local vocabulary: only the two documents' n-grams; frequencies come from the corpus (absent = in one task only).
  const vocab = createVocabulary();
  const counts = payloads.map((p) => payloadTasks(p).map((t) => countTerms(gramKeys(similarityText(t)), vocab)));
  const idfs = vocab.keys.map((key) => idf(df.get(key) ?? 1, textCount));
  return counts.map((list) => list.map((c) => weigh(c, (id) => idfs[id])));
}

/** The payload as a classic script registering it (no JSON fetch, so it also loads from file://). */
export function payloadScript(payload: ClientDocument): string {
  // JSON is valid JavaScript (ES2019); the id is an ASCII slug.
  return `// Generated by scripts/steps/compare-step.ts; do not edit.\n(self.policyAtlasCompare=self.policyAtlasCompare||{})[${JSON.stringify(payload.doc.id)}]=${JSON.stringify(payload)};\n`;
}
