/**
 * The concept glossary (content/curated/concepts.json): its types, and a
 * loader that validates it with errors naming the file, line and concept.
 * The glossary is written by hand; everything else about concepts is derived.
 */
import fs from 'node:fs';
import { foldTerm } from './fold.ts';

/** A sentence in which a document defines the concept itself, quoted verbatim. */
export interface ConceptQuote {
  /** The sentence exactly as it stands in the document (after ingest normalisation). */
  text: string;
  /** Document id. */
  document: string;
  /** The provision (task) that contains the sentence; absent for text outside provisions. */
  eid?: string;
}

/** One curated concept. */
export interface Concept {
  /** ASCII slug from the pinyin of the name, e.g. "lianzhangzhi"; used in URLs. */
  id: string;
  /** The usual written form, e.g. "链长制". */
  name: string;
  /** A short definition for the public, in our own words. */
  definition: string;
  /** Other names, abbreviations and variant forms that mean the same thing. */
  aliases: string[];
  /** Ids of related concepts. */
  related: string[];
  quote?: ConceptQuote;
}

export interface Glossary {
  /** Where it was read from, for messages. */
  file: string;
  concepts: Concept[];
}

/** Ids that would collide with the fixed pages under /concepts/. */
export const RESERVED_IDS: readonly string[] = ['candidates'];

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A glossary problem: what is wrong, where, and how to fix it. */
export class GlossaryError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, problem: string, hint: string, options?: ErrorOptions) {
    super(`${file}:${line}: ${problem} — ${hint}`, options);
    this.name = 'GlossaryError';
    this.file = file;
    this.line = line;
  }
}

/** Reads and validates the glossary; throws a GlossaryError listing every problem found. */
export function loadGlossary(file: string): Glossary {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (cause) {
    throw new GlossaryError(file, 0, 'cannot read the concept glossary', 'create it (see README, "Concepts") or fix the path', { cause });
  }
  return parseGlossary(raw, file);
}

/** Parses and validates glossary JSON text (pure); throws a GlossaryError on the first batch of problems. */
export function parseGlossary(raw: string, file: string): Glossary {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (cause) {
    // V8 names the place as "position N", "line N column M", or only quotes the text around it.
    const message = String((cause as Error).message ?? cause);
    const at = /position (\d+)/.exec(message)?.[1];
    const line = at ? raw.slice(0, Number(at)).split('\n').length : Number(/line (\d+)/.exec(message)?.[1] ?? 0);
    throw new GlossaryError(file, line, `the glossary is not valid JSON (${message})`, 'check for a missing comma, quote or value there', { cause });
  }
  const problems = validateGlossary(data, raw);
  if (problems.length > 0) {
    const [first] = problems;
    const error = new GlossaryError(file, first.line, first.problem, first.hint);
    if (problems.length > 1) {
      error.message += `\n${problems
        .slice(1)
        .map((p) => `${file}:${p.line}: ${p.problem} — ${p.hint}`)
        .join('\n')}`;
    }
    throw error;
  }
  return { file, concepts: (data as { concepts: Concept[] }).concepts };
}

/** One validation problem, located by line in the raw JSON. */
export interface GlossaryProblem {
  line: number;
  problem: string;
  hint: string;
}

/** Every structural problem of parsed glossary data (pure); `raw` is only used to find line numbers. */
export function validateGlossary(data: unknown, raw = ''): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const lineOf = (needle: string) => lineNumber(raw, needle);
  const list = (data as { concepts?: unknown })?.concepts;
  if (!Array.isArray(list)) {
    return [{ line: 1, problem: 'the glossary has no "concepts" array', hint: 'write { "concepts": [ { "id": …, "name": …, … } ] }' }];
  }
  const ids = new Set<string>();
  const termOwner = new Map<string, string>();
  list.forEach((entry: Partial<Concept>, index) => {
    const label = typeof entry?.id === 'string' ? `concept "${entry.id}"` : `concept #${index + 1}`;
    const line = typeof entry?.id === 'string' ? lineOf(`"${entry.id}"`) : 0;
    const fail = (problem: string, hint: string, at = line) => problems.push({ line: at, problem: `${label}: ${problem}`, hint });
    if (typeof entry?.id !== 'string' || !ID_PATTERN.test(entry.id)) {
      fail(`id ${JSON.stringify(entry?.id)} is not an ASCII slug`, 'use the toneless pinyin of the name in lower case, words joined by "-", e.g. "lianzhu-qiye"');
    } else if (RESERVED_IDS.includes(entry.id)) {
      fail(`id "${entry.id}" is reserved for a fixed page`, 'choose another id');
    } else if (ids.has(entry.id)) {
      fail(`id "${entry.id}" is used twice`, 'give each concept its own id, or merge the two entries');
    } else ids.add(entry.id);
    if (typeof entry?.name !== 'string' || entry.name.trim() === '') fail('has no name', 'add "name": the usual written form');
    if (typeof entry?.definition !== 'string' || entry.definition.trim().length < 8) {
      fail('has no definition (or one shorter than 8 characters)', 'add "definition": one or two plain sentences for the public');
    }
    if (!Array.isArray(entry?.aliases) || entry.aliases.some((a) => typeof a !== 'string' || a.trim() === '')) {
      fail('"aliases" must be an array of non-empty strings', 'write "aliases": [] when there are none');
    }
    if (!Array.isArray(entry?.related) || entry.related.some((r) => typeof r !== 'string')) {
      fail('"related" must be an array of concept ids', 'write "related": [] when there are none');
    }
    if (entry?.quote !== undefined) {
      const q = entry.quote as Partial<ConceptQuote>;
      if (typeof q.text !== 'string' || typeof q.document !== 'string' || (q.eid !== undefined && typeof q.eid !== 'string')) {
        fail('"quote" needs "text" and "document" (and optionally "eid")', 'quote the defining sentence verbatim and name the document id and the task eid');
      }
    }
    for (const term of termsOf(entry as Concept)) {
      const key = foldTerm(term);
      const owner = termOwner.get(key);
      if (owner && owner !== entry.id) {
        fail(`term "${term}" is also a term of concept "${owner}"`, 'a written form may belong to one concept only; remove it from one of them', lineOf(`"${term}"`) || line);
      } else if (typeof entry?.id === 'string') termOwner.set(key, entry.id);
    }
  });
  list.forEach((entry: Partial<Concept>) => {
    for (const r of Array.isArray(entry?.related) ? entry.related : []) {
      if (r === entry.id) problems.push({ line: lineOf(`"${entry.id}"`), problem: `concept "${entry.id}": lists itself as related`, hint: 'remove it from "related"' });
      else if (!ids.has(r)) problems.push({ line: lineOf(`"${r}"`), problem: `concept "${entry.id}": related id "${r}" does not exist`, hint: 'use the id of another concept in this file' });
    }
  });
  return problems;
}

/** The name and every alias of a concept (the written forms that link to it). */
export function termsOf(concept: Pick<Concept, 'name' | 'aliases'>): string[] {
  const terms = [concept.name, ...(Array.isArray(concept.aliases) ? concept.aliases : [])];
  return [...new Set(terms.filter((t): t is string => typeof t === 'string' && t.trim() !== ''))];
}

function lineNumber(raw: string, needle: string): number {
  const at = raw.indexOf(needle);
  return at < 0 ? 0 : raw.slice(0, at).split('\n').length;
}
