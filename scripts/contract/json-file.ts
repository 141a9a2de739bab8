/**
 * Reading a hand-edited JSON file against its schema, with errors a person can act on: each problem
 * names the file, the line, the JSON path of the bad value and a hint. The schemas (zod) say what a
 * file may hold; this module only turns zod's issues into those messages and finds their lines
 * (jsonc-parser's syntax tree, so a value's line is its own and not the first text that looks like it).
 */
import fs from 'node:fs';
import { findNodeAtLocation, parse as parseTolerantly, parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { hints } from './hints.ts';

/** One problem in a JSON file: where it is, what is wrong, and how to fix it. */
export interface JsonProblem {
  /** 1-based line in the file; 0 when the problem belongs to no single place. */
  line: number;
  /** The JSON path of the value, e.g. `concepts[3].aliases[0]` ('' for the whole file). */
  path: string;
  /** What is wrong, naming the value. */
  problem: string;
  hint: string;
}

/** A hand-edited JSON file that is unreadable or fails its schema; the message lists every problem. */
export class CuratedFileError extends Error {
  readonly file: string;
  /** Line of the first problem. */
  readonly line: number;
  readonly problems: readonly JsonProblem[];
  constructor(file: string, problems: readonly JsonProblem[], options?: ErrorOptions) {
    super(problems.map((p) => formatProblem(file, p)).join('\n'), options);
    this.name = 'CuratedFileError';
    this.file = file;
    this.line = problems[0]?.line ?? 0;
    this.problems = problems;
  }
}

/** "file:line: path: problem — hint", the form every curated-data message takes. */
export function formatProblem(file: string, p: JsonProblem): string {
  return `${file}:${p.line}: ${p.path ? `${p.path}: ` : ''}${p.problem} — ${p.hint}`;
}

/** The text of a file, or a CuratedFileError saying it cannot be read. */
export function readTextFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (cause) {
    throw new CuratedFileError(file, [{ line: 0, path: '', problem: `cannot read ${what}`, hint: 'restore the file (it is in git) or fix the path' }], {
      cause,
    });
  }
}

/** JSON.parse with a CuratedFileError at the line where the text stops being JSON. */
export function parseJsonText(raw: string, file: string, what: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (cause) {
    // V8's message does not always say where (it may only quote the text around the place);
    // jsonc-parser's scanner gives the offset of the first error.
    const message = String((cause as Error).message ?? cause);
    const errors: ParseError[] = [];
    parseTolerantly(raw, errors, { disallowComments: true, allowTrailingComma: false });
    const line = errors.length > 0 ? lineAt(raw, errors[0].offset) : 0;
    throw new CuratedFileError(
      file,
      [{ line, path: '', problem: `${what} is not valid JSON (${message})`, hint: 'check for a missing comma, quote or value there' }],
      { cause },
    );
  }
}

/** Checks parsed data against `schema`; the data typed by the schema, or every problem, located in `raw`. */
export function checkJson<S extends z.ZodType>(
  schema: S,
  data: unknown,
  raw: string,
): { data: z.infer<S>; problems: [] } | { data: undefined; problems: JsonProblem[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const locate = jsonLocator(raw);
  return { data: undefined, problems: result.error.issues.map((issue) => describeIssue(schema, issue, locate)) };
}

/** Reads, parses and checks a JSON file; throws a CuratedFileError listing every problem. */
export function loadJsonFile<S extends z.ZodType>(file: string, schema: S, what: string): { data: z.infer<S>; raw: string } {
  const raw = readTextFile(file, what);
  const checked = checkJson(schema, parseJsonText(raw, file, what), raw);
  if (checked.problems.length > 0) throw new CuratedFileError(file, checked.problems);
  return { data: checked.data as z.infer<S>, raw };
}

/** `concepts[3].aliases[0]` for ['concepts', 3, 'aliases', 0]. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** A function giving the 1-based line of the value at a JSON path (of its nearest existing parent when it is absent). */
export function jsonLocator(raw: string): (path: readonly PropertyKey[]) => number {
  const root = parseTree(raw);
  return (path) => {
    if (!root) return 0;
    const keys = path.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');
    for (let n = keys.length; n >= 0; n--) {
      const node = findNodeAtLocation(root, keys.slice(0, n));
      if (node) return lineAt(raw, startOf(node));
    }
    return 0;
  };
}

/** Where a value starts, or its property's key when it is an object member (where a reader looks). */
function startOf(node: JsonNode): number {
  return node.parent?.type === 'property' ? node.parent.offset : node.offset;
}

function lineAt(raw: string, offset: number): number {
  let line = 1;
  for (let i = raw.indexOf('\n'); i !== -1 && i < offset; i = raw.indexOf('\n', i + 1)) line++;
  return line;
}

/** One zod issue as a located problem with the hint of its field. */
function describeIssue(schema: z.ZodType, issue: z.core.$ZodIssue, locate: (path: readonly PropertyKey[]) => number): JsonProblem {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const known = fieldsAt(schema, path);
    const [first] = issue.keys;
    return {
      line: locate([...path, first]),
      path: formatJsonPath([...path, first]),
      problem: `${issue.keys.length > 1 ? `unknown fields ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : `unknown field ${JSON.stringify(first)}`}`,
      hint: `check the spelling; the fields here are ${known.map((k) => `"${k}"`).join(', ')}`,
    };
  }
  return { line: locate(path), path: formatJsonPath(path), problem: problemOf(issue), hint: hintAt(schema, path) };
}

function problemOf(issue: z.core.$ZodIssue): string {
  const shown = (value: unknown) =>
    typeof value === 'string'
      ? JSON.stringify(value)
      : Array.isArray(value)
        ? 'an array'
        : value === null
          ? 'null'
          : typeof value === 'object'
            ? 'an object'
            : String(value);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is missing' : `is ${shown(issue.input)}, not ${article(issue.expected)}`;
    case 'invalid_value':
      return `is ${shown(issue.input)}, not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
    case 'too_small':
    case 'too_big':
    case 'custom':
      // The schemas give these their own wording ("is not a date written YYYY-MM-DD").
      return issue.input === undefined || typeof issue.input === 'object' ? issue.message : `${shown(issue.input)} ${issue.message}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  return expected === 'array' || expected === 'object' || expected === 'integer' ? `an ${expected}` : `a ${expected}`;
}

/** The schema at a path of the data (through objects, arrays, optionals and refinements), or undefined. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType[] {
  const chain: z.ZodType[] = [];
  let current: z.ZodType | undefined = schema;
  const unwrap = () => {
    while (current) {
      chain.push(current);
      const def = (current as z.ZodType)._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
      if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') current = def.innerType;
      else if (def.type === 'pipe') current = def.in;
      else break;
    }
  };
  unwrap();
  for (const key of path) {
    if (current instanceof z.ZodObject && typeof key === 'string') current = (current.shape as Record<string, z.ZodType>)[key];
    else if (current instanceof z.ZodArray && typeof key === 'number') current = current.element as z.ZodType;
    else current = undefined;
    unwrap();
  }
  return chain;
}

/** The field names the object at `path` may have. */
function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const object = schemaAt(schema, path).findLast((s) => s instanceof z.ZodObject);
  return object instanceof z.ZodObject ? Object.keys(object.shape) : [];
}

/** The innermost hint registered on the schemas along `path`. */
function hintAt(schema: z.ZodType, path: readonly PropertyKey[]): string {
  for (const s of schemaAt(schema, path).reverse()) {
    const hint = hints.get(s)?.hint;
    if (hint) return hint;
  }
  return 'see the comment at the top of the file for its format';
}
