/**
 * Finds glossary terms in text in one pass: the terms are compiled once into a
 * trie over folded UTF-16 code units, and each text is scanned left to right,
 * taking the longest term that starts at each position (链主企业 before 链主).
 * Cost is O(text length × longest term), independent of the number of terms;
 * an array of first characters lets most positions be rejected with one
 * read (measured in scripts/bench/concepts.ts).
 *
 * Comparison folds variant forms (see fold.ts): 首台（套）= 首台(套),
 * 5G 基站 = 5G基站. Terms that begin or end with a Latin letter or digit only
 * match at a word boundary, so "5G" is not found inside "15G".
 */
import { foldCode, IGNORED, isWordCode } from './fold.ts';

/**
 * The key of a boundary term: matched like any term, so that no shorter term is
 * found inside it, but standing for nothing; callers drop its mentions.
 */
export const BOUNDARY_KEY = '\u0000boundary';

/** A term to look for and the key it stands for (a concept id, or the term itself for discovery). */
export interface TermEntry {
  term: string;
  key: string;
}

/** One match in a text; `start`/`end` are UTF-16 offsets into the text as written. */
export interface Mention {
  start: number;
  end: number;
  key: string;
  /** The matched text exactly as written in the text. */
  text: string;
}

/** A compiled set of terms. */
export interface Matcher {
  /** Every non-overlapping match in `text`, leftmost first, longest at each position. */
  match(text: string): Mention[];
  /** Number of distinct (folded) terms compiled. */
  readonly size: number;
}

interface TrieNode {
  next: Map<number, TrieNode> | null;
  /** Set when a term ends here. */
  key: string | undefined;
  /** The term ends in a Latin letter or digit (needs a boundary after it). */
  wordEnd: boolean;
}

const newNode = (): TrieNode => ({ next: null, key: undefined, wordEnd: false });

/** Compiles terms into a matcher; a later entry never replaces an earlier term's key. */
export function compileMatcher(entries: readonly TermEntry[]): Matcher {
  // The first level is an array indexed by code unit: most positions are rejected by one read.
  const root: Array<TrieNode | undefined> = new Array(65536).fill(undefined);
  let size = 0;
  for (const { term, key } of entries) {
    let node: TrieNode | undefined;
    let last = IGNORED;
    for (let k = 0; k < term.length; k += 1) {
      const code = foldCode(term.charCodeAt(k));
      if (code === IGNORED) continue;
      last = code;
      let child: TrieNode | undefined;
      if (!node) {
        child = root[code];
        if (!child) root[code] = child = newNode();
      } else {
        node.next ??= new Map();
        child = node.next.get(code);
        if (!child) node.next.set(code, (child = newNode()));
      }
      node = child;
    }
    if (!node || node.key !== undefined) continue;
    node.key = key;
    node.wordEnd = isWordCode(last);
    size += 1;
  }

  function match(text: string): Mention[] {
    const out: Mention[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const first = foldCode(text.charCodeAt(i));
      const start = first === IGNORED ? undefined : root[first];
      if (start === undefined) {
        i += 1;
        continue;
      }
      // A term starting with a Latin letter or digit may not start inside a word.
      if (isWordCode(first) && i > 0 && isWordCode(foldCode(text.charCodeAt(i - 1)))) {
        i += 1;
        continue;
      }
      let node = start;
      let j = i + 1;
      let bestEnd = -1;
      let bestKey = '';
      for (;;) {
        if (node.key !== undefined && !(node.wordEnd && j < n && isWordCode(foldCode(text.charCodeAt(j))))) {
          bestEnd = j;
          bestKey = node.key;
        }
        if (node.next === null) break;
        // Spaces inside the text are skipped, so "5G 基站" matches the term "5G基站".
        let code = IGNORED;
        while (j < n && (code = foldCode(text.charCodeAt(j))) === IGNORED) j += 1;
        if (j >= n) break;
        const child = node.next.get(code);
        if (child === undefined) break;
        node = child;
        j += 1;
      }
      if (bestEnd > 0) {
        out.push({ start: i, end: bestEnd, key: bestKey, text: text.slice(i, bestEnd) });
        i = bestEnd;
      } else i += 1;
    }
    return out;
  }

  return { match, size };
}
