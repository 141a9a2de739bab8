/**
 * Loads content/generated/relations.json (written by scripts/steps/relations-step.ts)
 * once per build, and answers what document pages, the home page and the
 * relations page ask: a document's relations, its status and period.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentStanding, RelationsData } from '../../scripts/relations/model.ts';
import { relationIndex, type RelationView } from '../../scripts/relations/views.ts';

let cached: RelationsData | undefined;
let byDocument: Map<string, RelationView[]> | undefined;

/** The generated relations data; run `npm run build` first. */
export function relationsData(): RelationsData {
  if (!cached) {
    const file = path.resolve('content/generated/relations.json');
    if (!fs.existsSync(file)) {
      throw new Error(`${file} is missing: run "npm run build", which writes it before Astro runs`);
    }
    cached = JSON.parse(fs.readFileSync(file, 'utf8')) as RelationsData;
  }
  return cached;
}

/** The relations of a document, outgoing first (indexed once: every document page asks). */
export function documentRelations(id: string): RelationView[] {
  byDocument ??= relationIndex(relationsData().relations);
  return byDocument.get(id) ?? [];
}

/** Status, period and years in force of a document; throws (failing the build) for an unknown id. */
export function standingOf(id: string): DocumentStanding {
  const standing = relationsData().standing[id];
  if (!standing) throw new Error(`no status for document "${id}" in relations.json`);
  return standing;
}
