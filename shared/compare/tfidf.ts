/**
 * Text similarity of tasks: cosine of TF-IDF vectors over character 2- and
 * 3-grams.
 *
 * Why character n-grams: Chinese has no spaces, and a word segmenter (jieba,
 * Intl.Segmenter) splits policy jargon inconsistently ("要素保障" vs "要素/保障"),
 * while overlapping bigrams are the standard, segmenter-free unit of Chinese
 * retrieval; trigrams add phrase precision ("要素保", "素保障"). Why TF-IDF:
 * every plan says 推动/加强/发展/企业, so frequent n-grams must weigh little and
 * rare shared phrases ("要素跟着项目走", "携手行动") much. Sublinear tf keeps a
 * long task from outweighing a short one by repetition.
 *
 * The same functions run in the build and in the compare page's client, which
 * receives document frequencies and so reproduces the build's scores exactly.
 */

import { KeyTable } from '../key-table.ts';

/** A sparse vector: ascending term ids and their weights (L2-normalised). */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

/** Term ids and document frequencies of a set of texts. */
export interface Vocabulary {
  /** Term id of each n-gram key. */
  table: KeyTable;
  /** The n-gram key of each term id. */
  keys: number[];
  /** Document frequency per term id (how many texts contain the term). */
  df: number[];
  /** Number of texts counted. */
  textCount: number;
}

/** A text's n-grams counted by term id (ascending ids). */
export interface TermCounts {
  ids: Int32Array;
  counts: Uint16Array;
}

// "#" is what numbers become (normalForGrams), so it belongs to runs too.
const RUN = /[\p{Script=Han}\p{L}\p{N}#]+/gu;

/** The text as the n-grams see it: NFKC, lower case, every number as "#". */
function normalForGrams(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\d+(?:\.\d+)?/g, '#');
}

/**
 * The n-grams (2 and 3 UTF-16 code units) of the text's runs of letters,
 * digits and Han, as exact numeric keys: c0·2¹⁶+c1 for a bigram,
 * c0·2³²+c1·2¹⁶+c2 for a trigram (always ≥ 2³², as c0 > 0). Numbers are
 * cheaper to hash than sliced strings and need no memory per n-gram.
 */
export function gramKeys(text: string): number[] {
  const out: number[] = [];
  for (const match of normalForGrams(text).matchAll(RUN)) {
    const run = match[0];
    for (let i = 0; i + 1 < run.length; i++) {
      const pair = run.charCodeAt(i) * 65536 + run.charCodeAt(i + 1);
      out.push(pair);
      if (i + 2 < run.length) out.push(run.charCodeAt(i) * 4294967296 + run.charCodeAt(i + 1) * 65536 + run.charCodeAt(i + 2));
    }
  }
  return out;
}

/** The n-gram a key stands for. */
export function gramText(key: number): string {
  return key >= 4294967296
    ? String.fromCharCode(Math.floor(key / 4294967296), Math.floor(key / 65536) % 65536, key % 65536)
    : String.fromCharCode(Math.floor(key / 65536), key % 65536);
}

/** The key of an n-gram of 2 or 3 code units. */
export function gramKey(gram: string): number {
  return gram.length === 3
    ? gram.charCodeAt(0) * 4294967296 + gram.charCodeAt(1) * 65536 + gram.charCodeAt(2)
    : gram.charCodeAt(0) * 65536 + gram.charCodeAt(1);
}

/** The n-grams of a text as strings (for reading and tests; the stage itself uses keys). */
export function gramsOf(text: string): string[] {
  return gramKeys(text).map(gramText);
}

/** Smoothed inverse document frequency (as scikit-learn's): never zero, so shared common grams still count a little. */
export function idf(df: number, textCount: number): number {
  return Math.log((1 + textCount) / (1 + df)) + 1;
}

/** An empty vocabulary. */
export function createVocabulary(): Vocabulary {
  return { table: new KeyTable(), keys: [], df: [], textCount: 0 };
}

/**
 * Counts a text's n-grams by term id. With `add`, new n-grams join the
 * vocabulary and the text counts towards document frequencies; without,
 * unknown n-grams are skipped (a text outside the corpus, weighted by it).
 */
export function countTerms(keys: readonly number[], vocab: Vocabulary, add = true): TermCounts {
  const all = new Int32Array(keys.length);
  let n = 0;
  for (const key of keys) {
    let id = vocab.table.get(key);
    if (id < 0) {
      if (!add) continue;
      id = vocab.keys.length;
      vocab.table.set(key, id);
      vocab.keys.push(key);
      vocab.df.push(0);
    }
    all[n++] = id;
  }
  const sorted = all.subarray(0, n).sort();
  let unique = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) unique++;
  const ids = new Int32Array(unique);
  const counts = new Uint16Array(unique);
  for (let i = 0, u = -1; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) ids[++u] = sorted[i];
    counts[u] = Math.min(65535, counts[u] + 1);
  }
  if (add) {
    vocab.textCount++;
    for (const id of ids) vocab.df[id]++;
  }
  return { ids, counts };
}

/** The L2-normalised TF-IDF vector of counted terms (sublinear tf). */
export function weigh(terms: TermCounts, idfOf: (id: number) => number): SparseVector {
  const weights = new Float32Array(terms.ids.length);
  let norm = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = (1 + Math.log(terms.counts[i])) * idfOf(terms.ids[i]);
    weights[i] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < weights.length; i++) weights[i] /= norm;
  return { ids: terms.ids, weights };
}

/** Dot product of two sparse vectors (cosine, as both are normalised): a merge of the sorted ids. */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) sum += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return Math.min(1, sum);
}

/** Rounds a score for display and data files. */
export function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** The text of a task that similarity reads: its title twice (a title is the task in a few words), then its text. */
export function similarityText(task: { title: string; text: string }): string {
  return `${task.title}\n${task.title}\n${task.text}`;
}
