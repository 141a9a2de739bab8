/**
 * Loads content/curated/documents.json and places.json: each checked against its schema
 * (curated.ts), then across entries and across the two files (a duplicate id, a region or parent
 * that is not a place). Every problem names the file, the line, the JSON path and a fix, and the
 * build stops on them: curated data is written by hand, so a typo is caught where it is made.
 *
 * A record that names a document the folder does not hold is not a problem here: the same curated
 * files serve any folder of documents (SEEDS_DIR), so the ingest reports such records as warnings.
 */
import path from 'node:path';
import { z } from 'zod';
import { ADMIN_LEVELS, CuratedDocumentSchema, PlaceSchema, type CuratedDocument, type Place } from './curated.ts';
import { checkJson, CuratedFileError, formatJsonPath, jsonLocator, parseJsonText, readTextFile, type JsonProblem } from './json-file.ts';

/** The curated data the ingest uses, with where each record is written (for its warnings). */
export interface CuratedData {
  documents: CuratedDocument[];
  places: Place[];
  /** The file the document records come from, and each record's line in it. */
  documentsSource?: { file: string; lines: number[] };
}

/** Reads and checks documents.json and places.json of `dir`; throws a CuratedFileError on any problem. */
export function loadCuratedData(dir: string): CuratedData {
  return loadCuratedFiles(path.join(dir, 'documents.json'), path.join(dir, 'places.json'));
}

/** Reads and checks a documents file and a places file; throws a CuratedFileError on any problem. */
export function loadCuratedFiles(documentsFile: string, placesFile: string): CuratedData {
  const places = checkList(placesFile, PlaceSchema, 'the gazetteer', (list, locate) => placeProblems(list, locate));
  const documents = checkList(documentsFile, CuratedDocumentSchema, 'the curated document metadata', (list, locate) =>
    documentProblems(list, places.list, locate),
  );
  return {
    documents: documents.list,
    places: places.list,
    documentsSource: { file: documentsFile, lines: documents.list.map((_, i) => documents.locate([i])) },
  };
}

/**
 * Reads a file holding a list of records and checks it: the schema, then `across` over the records
 * that passed it (at their own indices), so one message lists every problem of the file.
 */
function checkList<S extends z.ZodType>(
  file: string,
  schema: S,
  what: string,
  across: (list: ReadonlyArray<z.infer<S> | undefined>, locate: (path: PropertyKey[]) => number) => JsonProblem[],
): { list: z.infer<S>[]; locate: (path: PropertyKey[]) => number } {
  const raw = readTextFile(file, what);
  const data = parseJsonText(raw, file, what);
  const locate = jsonLocator(raw);
  const checked = checkJson(z.array(schema), data, raw);
  const valid = Array.isArray(data) ? data.map((entry) => (schema.safeParse(entry).success ? (entry as z.infer<S>) : undefined)) : [];
  const problems = [...checked.problems, ...across(valid, locate)];
  if (problems.length > 0) throw new CuratedFileError(file, problems);
  return { list: checked.data ?? [], locate };
}

/** Problems between records of documents.json (pure): duplicate ids and titles, regions that are not places. */
export function documentProblems(
  records: ReadonlyArray<CuratedDocument | undefined>,
  places: readonly Place[],
  locate: (path: PropertyKey[]) => number = () => 0,
): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const at = (p: PropertyKey[], problem: string, hint: string) => problems.push({ line: locate(p), path: formatJsonPath(p), problem, hint });
  const known = new Set(places.flatMap((p) => [p.name, ...(p.aliases ?? [])]));
  const ids = new Map<string, number>();
  const titles = new Map<string, number>();
  records.forEach((record, i) => {
    if (record === undefined) return;
    if (record.id !== undefined) {
      const first = ids.get(record.id);
      if (first !== undefined)
        at([i, 'id'], `is "${record.id}", already the id of record [${first}]`, 'give each document its own id, or merge the two records');
      else ids.set(record.id, i);
    }
    const title = record.match.title?.replace(/\s+/g, '');
    if (title !== undefined) {
      const first = titles.get(title);
      if (first !== undefined) at([i, 'match', 'title'], `matches the same title as record [${first}], which is used first`, 'merge the two records');
      else titles.set(title, i);
    }
    record.region?.forEach((name, j) => {
      if (!known.has(name))
        at([i, 'region', j], `is "${name}", which is not a place of places.json`, 'add the place to content/curated/places.json, or correct the name');
    });
  });
  return problems;
}

/** Problems between places (pure): a name or slug used twice, a parent that is not a place or not above. */
export function placeProblems(places: ReadonlyArray<Place | undefined>, locate: (path: PropertyKey[]) => number = () => 0): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const at = (p: PropertyKey[], problem: string, hint: string) => problems.push({ line: locate(p), path: formatJsonPath(p), problem, hint });
  const byName = new Map<string, number>();
  const slugs = new Map<string, number>();
  places.forEach((place, i) => {
    if (place === undefined) return;
    const names: Array<[string, PropertyKey[]]> = [
      [place.name, [i, 'name']],
      ...(place.aliases ?? []).map((a, j): [string, PropertyKey[]] => [a, [i, 'aliases', j]]),
    ];
    for (const [name, where] of names) {
      const first = byName.get(name);
      if (first !== undefined && first !== i) at(where, `"${name}" is already a name of place [${first}]`, 'a written name may belong to one place only');
      else byName.set(name, i);
    }
    const first = slugs.get(place.slug);
    if (first !== undefined)
      at([i, 'slug'], `is "${place.slug}", already the slug of place [${first}]`, 'document ids are made from slugs, so each place needs its own');
    else slugs.set(place.slug, i);
  });
  places.forEach((place, i) => {
    if (place?.parent === undefined) return;
    const parent = places.find((p) => p?.name === place.parent);
    if (!parent) at([i, 'parent'], `is "${place.parent}", which is not the name of a place in this file`, 'add that place, or correct the name');
    else if (ADMIN_LEVELS.indexOf(parent.level) >= ADMIN_LEVELS.indexOf(place.level)) {
      at([i, 'parent'], `is "${place.parent}" (${parent.level}), not above this ${place.level}`, `a parent is a higher level: ${ADMIN_LEVELS.join(' › ')}`);
    }
  });
  return problems;
}
