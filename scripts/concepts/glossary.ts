/**
 * The concept glossary (content/curated/concepts.json): a loader that checks it against its schema
 * (scripts/contract/curated.ts) and then across entries — an id or a written form used twice, a
 * related id that does not exist — with errors naming the file, line, JSON path and concept.
 * The glossary is written by hand; everything else about concepts is derived.
 */
import { GlossaryFileSchema, RESERVED_CONCEPT_IDS, SLUG, type Concept, type ConceptQuote } from '../contract/curated.ts';
import { checkJson, CuratedFileError, formatJsonPath, jsonLocator, parseJsonText, readTextFile, type JsonProblem } from '../contract/json-file.ts';
import { foldTerm } from './fold.ts';

export type { Concept, ConceptQuote };

/** The glossary as the concept stage uses it. */
export interface Glossary {
  /** Where it was read from, for messages. */
  file: string;
  concepts: Concept[];
  /** The line of a JSON path in the file (0 when unknown), for messages about an entry. */
  locate?: (path: PropertyKey[]) => number;
}

/** Ids that would collide with the fixed pages under /concepts/. */
export const RESERVED_IDS: readonly string[] = RESERVED_CONCEPT_IDS;

/** One glossary problem, located by line (and JSON path) in the file. */
export type GlossaryProblem = JsonProblem;

/** The glossary's problems: what is wrong, where, and how to fix it (one line each in the message). */
export class GlossaryError extends CuratedFileError {
  constructor(file: string, problems: readonly GlossaryProblem[], options?: ErrorOptions) {
    super(file, problems, options);
    this.name = 'GlossaryError';
  }
}

const WHAT = 'the concept glossary';

/** Reads and validates the glossary; throws a GlossaryError listing every problem found. */
export function loadGlossary(file: string): Glossary {
  let raw: string;
  try {
    raw = readTextFile(file, WHAT);
  } catch (error) {
    const problems = (error as CuratedFileError).problems.map((p) => ({ ...p, hint: 'create it (see README, "Concepts") or fix the path' }));
    throw new GlossaryError(file, problems, { cause: error });
  }
  return parseGlossary(raw, file);
}

/** Parses and validates glossary JSON text (pure); throws a GlossaryError listing every problem. */
export function parseGlossary(raw: string, file: string): Glossary {
  let data: unknown;
  try {
    data = parseJsonText(raw, file, WHAT);
  } catch (error) {
    throw new GlossaryError(file, (error as CuratedFileError).problems, { cause: (error as Error).cause });
  }
  const problems = validateGlossary(data, raw);
  if (problems.length > 0) throw new GlossaryError(file, problems);
  return { file, concepts: (data as { concepts: Concept[] }).concepts, locate: jsonLocator(raw) };
}

/** Every problem of parsed glossary data (pure): its schema, then across entries; `raw` gives the lines. */
export function validateGlossary(data: unknown, raw = ''): GlossaryProblem[] {
  const locate = jsonLocator(raw);
  const checked = checkJson(GlossaryFileSchema, data, raw);
  const list = (data as { concepts?: unknown })?.concepts;
  if (!Array.isArray(list)) return checked.problems;
  // Entry problems say which concept they are about, by id where it has one.
  const label = (index: number) => {
    const id = (list[index] as Partial<Concept> | undefined)?.id;
    return typeof id === 'string' && SLUG.test(id) ? `concept "${id}"` : `concept #${index + 1}`;
  };
  const schemaProblems = checked.problems.map((p) => {
    const index = /^concepts\[(\d+)\]/.exec(p.path ?? '')?.[1];
    return index === undefined ? p : { ...p, problem: `${label(Number(index))}: ${p.problem}` };
  });
  return [...schemaProblems, ...crossEntryProblems(list, locate, label)];
}

/** Ids used twice, written forms shared by two concepts, related ids that do not exist. */
function crossEntryProblems(list: unknown[], locate: (path: PropertyKey[]) => number, label: (index: number) => string): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const at = (index: number, path: PropertyKey[], problem: string, hint: string) =>
    problems.push({
      line: locate(['concepts', index, ...path]),
      path: formatJsonPath(['concepts', index, ...path]),
      problem: `${label(index)}: ${problem}`,
      hint,
    });
  const entries = list.map((entry) => (entry !== null && typeof entry === 'object' ? (entry as Partial<Concept>) : {}));
  const ids = new Set<string>();
  const termOwner = new Map<string, string>();
  entries.forEach((entry, index) => {
    if (typeof entry.id === 'string') {
      if (ids.has(entry.id)) at(index, ['id'], `id "${entry.id}" is used twice`, 'give each concept its own id, or merge the two entries');
      ids.add(entry.id);
    }
    const forms: Array<[unknown, PropertyKey[]]> = [
      [entry.name, ['name']],
      ...(Array.isArray(entry.aliases) ? entry.aliases : []).map((a, j): [unknown, PropertyKey[]] => [a, ['aliases', j]]),
    ];
    for (const [term, where] of forms) {
      if (typeof term !== 'string' || term.trim() === '') continue;
      const key = foldTerm(term);
      const owner = termOwner.get(key);
      if (owner !== undefined && owner !== entry.id) {
        at(index, where, `term "${term}" is also a term of concept "${owner}"`, 'a written form may belong to one concept only; remove it from one of them');
      } else if (typeof entry.id === 'string') termOwner.set(key, entry.id);
    }
  });
  entries.forEach((entry, index) => {
    (Array.isArray(entry.related) ? entry.related : []).forEach((r, j) => {
      if (r === entry.id) at(index, ['related', j], 'lists itself as related', 'remove it from "related"');
      else if (typeof r === 'string' && !ids.has(r))
        at(index, ['related', j], `related id "${r}" does not exist`, 'use the id of another concept in this file');
    });
  });
  return problems;
}

/** The name and every alias of a concept (the written forms that link to it). */
export function termsOf(concept: Pick<Concept, 'name' | 'aliases'>): string[] {
  const terms = [concept.name, ...(Array.isArray(concept.aliases) ? concept.aliases : [])];
  return [...new Set(terms.filter((t): t is string => typeof t === 'string' && t.trim() !== ''))];
}
