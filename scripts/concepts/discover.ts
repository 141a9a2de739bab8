/**
 * Term discovery: recurring terms that the glossary does not know yet.
 * Candidates are terms written in quotation marks (“亩产效益”) and Latin
 * abbreviations (DCMM, RCEP); a candidate is kept when two or more documents
 * use it (quoted or not; two-character terms only where quoted) and no
 * glossary term covers it. The list feeds the
 * build report and the 待收录概念 page, so curators see what to add next.
 */
import type { PolicyDocument } from '../ingest/model.ts';
import { foldTerm } from './fold.ts';
import { compileMatcher, type Matcher } from './matcher.ts';
import type { Candidate } from './model.ts';
import { textUnits } from './text-units.ts';

/** Options for {@link discoverTerms}. */
export interface DiscoverOptions {
  /** The glossary's matcher: a candidate it matches whole is already known. */
  glossary: Matcher;
  /** Every glossary term (names and aliases): a candidate inside one of them is part of a known phrase. */
  glossaryTerms: readonly string[];
  /** Minimum number of documents that must use a term. Default 2. */
  minDocuments?: number;
}

const QUOTED = /“([^“”\n]{2,14})”/g;
const LATIN = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?![A-Za-z0-9])/g;
const HAS_CAPITAL = /[A-Z]/;
/** Quoted text that is a phrase or sentence, not a term: it contains punctuation that separates clauses. */
const CLAUSE_PUNCTUATION = /[，。；：、！？,;:!?《》]/;

/** Recurring unknown terms, most widely used first (pure). */
export function discoverTerms(documents: readonly PolicyDocument[], options: DiscoverOptions): Candidate[] {
  const minDocuments = options.minDocuments ?? 2;
  const source = new Map<string, Candidate['source']>();
  const docs = new Map<string, Set<number>>();
  const mentions = new Map<string, number>();
  const count = (term: string, index: number) => {
    let set = docs.get(term);
    if (!set) docs.set(term, (set = new Set()));
    set.add(index);
    mentions.set(term, (mentions.get(term) ?? 0) + 1);
  };
  // Pass 1: collect candidates, counting the quoted uses of two-character ones as we go.
  documents.forEach((doc, index) => {
    for (const { text } of textUnits(doc)) {
      if (text.includes('“')) {
        for (const m of text.matchAll(QUOTED)) {
          if (!source.has(m[1]) && isTermLike(m[1])) source.set(m[1], 'quoted');
          if (m[1].length <= 2) count(m[1], index);
        }
      }
      if (HAS_CAPITAL.test(text)) for (const m of text.matchAll(LATIN)) if (m[0].length >= 3 && !source.has(m[0])) source.set(m[0], 'latin');
    }
  });
  const known = options.glossaryTerms.map(foldTerm);
  const unknown = [...source.keys()].filter((term) => !isKnown(term, options.glossary, known));
  // Pass 2: longer terms count wherever they are written, quoted or not: one scan of each
  // text over all of them at once. (Two characters are too short to count unquoted:
  // 励新 is inside 鼓励新材料.)
  const matcher = compileMatcher(unknown.filter((term) => term.length > 2).map((term) => ({ term, key: term })));
  documents.forEach((doc, index) => {
    for (const { text } of textUnits(doc)) for (const m of matcher.match(text)) count(m.key, index);
  });
  return unknown
    .filter((term) => (docs.get(term)?.size ?? 0) >= minDocuments)
    .map((term) => ({
      term,
      source: source.get(term)!,
      documents: [...docs.get(term)!].sort((a, b) => a - b).map((i) => documents[i].id),
      mentions: mentions.get(term)!,
    }))
    .sort((a, b) => b.documents.length - a.documents.length || b.mentions - a.mentions || a.term.localeCompare(b.term, 'zh'));
}

/** A quoted span is a term when it has no clause punctuation and is not a bare number. */
function isTermLike(text: string): boolean {
  return !CLAUSE_PUNCTUATION.test(text) && !/^[\d.%+\-\s]+$/.test(text) && text.trim() === text;
}

/** Known: the glossary matches all of it, or it is part of a glossary term (“六个一” of “六个一”产业链群工作推进机制). */
function isKnown(term: string, glossary: Matcher, knownFolded: readonly string[]): boolean {
  const mentions = glossary.match(term);
  if (mentions.length === 1 && mentions[0].start === 0 && mentions[0].end === term.length) return true;
  const folded = foldTerm(term);
  return knownFolded.some((k) => k.includes(folded));
}
