/**
 * What the compare page's client needs to compare any two documents, one
 * payload per document: its tasks, a summary, its concept mentions, and the
 * corpus document frequencies of its n-grams. With those the client rebuilds
 * exactly the build's TF-IDF vectors and so shows the same scores as the
 * pre-rendered pages and the 相似任务 lists.
 *
 * The frequencies are numbers only, one per distinct n-gram of the document's
 * tasks in ascending order of the n-gram's key (gramKeys), which the client
 * finds from the tasks it already has. Listing the n-grams themselves, grouped
 * by frequency, was 35 of the 65 million characters of the 2,018 payloads of a
 * 2,019-document site, rewritten on every build (every frequency moves with
 * each added document) and deflated again into the offline zip.
 */
import type { ConceptInfo, DocumentConcepts, TargetCell, TaskText } from './model.ts';
import type { DocSummary } from './view/comparison.ts';
import { countTerms, createVocabulary, gramKeys, idf, similarityText, weigh, type SparseVector, type Vocabulary } from './tfidf.ts';
import { decodeNumbers, encodeNumbers } from '../varint.ts';

/** One document's payload (served as data/compare/<id>.js). */
export interface ClientDocument {
  doc: DocSummary;
  tasks: Array<Omit<TaskText, 'doc' | 'index'>>;
  /** Every target of the document with its provision. */
  targets: TargetCell[];
  /** Number of tasks in the corpus (the TF-IDF document count). */
  textCount: number;
  /**
   * The corpus document frequency of each distinct n-gram of the tasks, in ascending order of the n-grams' keys,
   * as base-32 digits (shared/varint.ts).
   */
  df: string;
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
 * term of the vocabulary, reused from document to document, and put in key order by sorting their ranks
 * (each term's place among all the vocabulary's keys, found once per corpus) as one typed array.
 * Concatenating every vector's ids into a fresh array per document took 2.1 s for the 2,018 payloads of a
 * 2,020-document corpus, marks 1.5 s (medians of nine runs each, in turns).
 */
export function payloadMaker(vocab: Vocabulary): (input: Omit<PayloadInput, 'vocab'>) => ClientDocument {
  const { rankOf, termAt } = keyRanks(vocab);
  const seen = new Int32Array(vocab.keys.length);
  let stamp = 0;
  let ranks = new Int32Array(1024);
  return ({ doc, tasks, vectors, targets, concepts, conceptInfo }) => {
    stamp++;
    let n = 0;
    for (const v of vectors) {
      for (const id of v.ids) {
        if (seen[id] === stamp) continue;
        seen[id] = stamp;
        if (n === ranks.length) {
          const grown = new Int32Array(n * 2);
          grown.set(ranks);
          ranks = grown;
        }
        ranks[n++] = rankOf[id];
      }
    }
    const inKeyOrder = ranks.subarray(0, n).sort();
    const frequencies = new Array<number>(n);
    for (let i = 0; i < n; i++) frequencies[i] = vocab.df[termAt[inKeyOrder[i]]];
    const payload: ClientDocument = {
      doc,
      tasks: tasks.map(({ doc: _doc, index: _index, ...rest }) => rest),
      targets,
      textCount: vocab.textCount,
      df: encodeNumbers(frequencies),
    };
    if (concepts && conceptInfo) {
      payload.concepts = concepts;
      payload.conceptNames = Object.fromEntries(Object.keys(concepts.counts).map((id) => [id, conceptInfo.get(id)?.name ?? id]));
    }
    return payload;
  };
}

/** Each term's place among the vocabulary's keys in ascending order (`rankOf`), and the term at each place (`termAt`). */
function keyRanks(vocab: Vocabulary): { rankOf: Int32Array; termAt: Int32Array } {
  const sorted = Float64Array.from(vocab.keys).sort();
  const termAt = new Int32Array(sorted.length);
  const rankOf = new Int32Array(sorted.length);
  for (let rank = 0; rank < sorted.length; rank++) {
    const id = vocab.table.get(sorted[rank]);
    termAt[rank] = id;
    rankOf[id] = rank;
  }
  return { rankOf, termAt };
}

/** The tasks of a payload as TaskText again. */
export function payloadTasks(p: ClientDocument): TaskText[] {
  return p.tasks.map((t, index) => ({ ...t, doc: p.doc.id, index }));
}

/** TF-IDF vectors of the payloads' tasks, identical to the build's (one array per payload). */
export function payloadVectors(payloads: ClientDocument[]): SparseVector[][] {
  const grams = payloads.map((p) => payloadTasks(p).map((t) => gramKeys(similarityText(t))));
  const df = new Map<number, number>();
  payloads.forEach((p, n) => {
    const keys = Float64Array.from(new Set(grams[n].flat())).sort();
    const frequencies = decodeNumbers(p.df, `the n-gram frequencies of ${p.doc.id}`);
    if (frequencies.length !== keys.length) throw new Error(`compare: ${p.doc.id} lists ${frequencies.length} n-gram frequencies for ${keys.length} n-grams`);
    keys.forEach((key, i) => df.set(key, frequencies[i]));
  });
  const textCount = payloads[0]?.textCount ?? 0;
  // A local vocabulary: only the two documents' n-grams; frequencies come from the corpus.
  const vocab = createVocabulary();
  const counts = grams.map((list) => list.map((keys) => countTerms(keys, vocab)));
  const idfs = vocab.keys.map((key) => idf(df.get(key)!, textCount));
  return counts.map((list) => list.map((c) => weigh(c, (id) => idfs[id])));
}

/** The payload as a classic script registering it (no JSON fetch, so it also loads from file://). */
export function payloadScript(payload: ClientDocument): string {
  // JSON is valid JavaScript (ES2019); the id is an ASCII slug.
  return `// Generated by scripts/steps/compare-step.ts; do not edit.\n(self.policyAtlasCompare=self.policyAtlasCompare||{})[${JSON.stringify(payload.doc.id)}]=${JSON.stringify(payload)};\n`;
}
