/**
 * Reading back a JSON file one stage wrote for a later one (content/generated/), through its
 * schema: the data typed by the schema, or an error naming the file, the JSON path of each bad
 * value, what is wrong with it and which step writes the file. A failure here means a writer and
 * a reader disagree (or the file is stale or was edited), so the hint is to rebuild or fix the step.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { checkJson } from './json-file.ts';
import { digestOf } from './digest.ts';
import { waitForPendingFile } from './pending-file.ts';
import { type FileStamp, hasStamp } from './file-stamp.ts';

/** At most this many problems are listed: a writer that changed a field breaks it in every record. */
const MAX_LISTED = 10;

/** A generated JSON file that is missing, unreadable or fails its schema. */
export class GeneratedFileError extends Error {
  readonly file: string;
  /** The JSON paths of the bad values (`documents[3].body[0].children[2].isTask`), as listed in the message. */
  readonly paths: readonly string[];
  constructor(file: string, lines: readonly string[], paths: readonly string[] = [], options?: ErrorOptions) {
    super(`${file}: ${lines.join(`\n${file}: `)}`, options);
    this.name = 'GeneratedFileError';
    this.file = file;
    this.paths = paths;
  }
}

/**
 * Reads `file` and checks it against `schema`. `writer` names the step that writes it, for the
 * hint ("the compare stage (scripts/steps/compare-step.ts)"). `writtenAs`: the stamp the file had when
 * this build wrote it from its own typed data (another thread of the build reads it); while the file
 * still has that stamp it is that data, and is not checked again (the corpus at 2,019 documents: 1.2 s).
 */
export function readGeneratedJson<S extends z.ZodType>(file: string, schema: S, writer: string, writtenAs?: FileStamp): z.infer<S> {
  let raw: string;
  let stamp: string;
  let own = false;
  // A file the build is still writing while Astro runs is waited for (pending-file.ts).
  waitForPendingFile(file);
  try {
    const stat = fs.statSync(file);
    stamp = `${stat.mtimeMs}:${stat.size}`;
    own = writtenAs !== undefined && hasStamp(stat, writtenAs);
    raw = fs.readFileSync(file, 'utf8');
  } catch (cause) {
    throw new GeneratedFileError(file, [`is missing or unreadable: ${writer} writes it; run "npm run build"`], [], { cause });
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (cause) {
    throw new GeneratedFileError(file, [`is not valid JSON (${(cause as Error).message}): ${writer} writes it; run "npm run build" again`], [], { cause });
  }
  // Several steps of one process read the same file (relations.json three times in the build's
  // main process): it is checked once, and read again as it is while it has not changed.
  const seen = checked.get(schema);
  if (own || seen?.get(file) === stamp) return data as z.infer<S>;
  const valid = checkGenerated(file, schema, data, raw, writer);
  if (seen) seen.set(file, stamp);
  else checked.set(schema, new Map([[file, stamp]]));
  return valid;
}

/** Per schema, the files that passed it, with their modification time and size then. */
const checked = new Map<z.ZodType, Map<string, string>>();

/** Checks data parsed from `file` against `schema`; `raw` (its text) is only read to describe a failure. */
export function checkGenerated<S extends z.ZodType>(file: string, schema: S, data: unknown, raw: string, writer: string): z.infer<S> {
  // The quick check first; the located description (which walks the text) only on a failure.
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const { problems } = checkJson(schema, data, raw);
  const listed = problems.slice(0, MAX_LISTED).map((p) => `${p.path || '(the whole file)'}: ${p.problem}`);
  if (problems.length > MAX_LISTED) listed.push(`… and ${problems.length - MAX_LISTED} more problems`);
  listed.push(
    `the file does not match what its readers expect (scripts/contract/): ${writer} writes it; run "npm run build", or make the step and its schema agree`,
  );
  throw new GeneratedFileError(
    file,
    listed,
    problems.map((p) => p.path),
  );
}

/** A reference to a text written beside a generated index file: its file, relative to the index's folder, and the sha256 of its bytes. */
export const TextRefFields = { file: z.string(), digest: z.string().regex(/^[0-9a-f]{64}$/) };

/**
 * Reads a text written beside a generated index file (`ref.file`, relative to `indexFile`'s folder: a
 * document's body beside site.json, a concept's mentions beside concepts.json) and checks that its bytes
 * are the ones the index names: a text from another build would otherwise show on a page whose cache key
 * says it is current.
 */
export function readTextBeside<S extends z.ZodType>(indexFile: string, ref: { file: string; digest: string }, schema: S, writer: string): z.infer<S> {
  const file = path.join(path.dirname(indexFile), ref.file);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (cause) {
    throw new GeneratedFileError(file, [`is missing or unreadable: ${writer} writes it; run "npm run build"`], [], { cause });
  }
  if (digestOf(raw) !== ref.digest) {
    throw new GeneratedFileError(file, [
      `is not the text ${path.basename(indexFile)} names (its digest differs; edited or left by another build): ${writer} writes both; remove the file and run "npm run build" again`,
    ]);
  }
  return checkGenerated(file, schema, JSON.parse(raw), raw, writer);
}
