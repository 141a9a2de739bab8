/**
 * Loads content/generated/relations.json (written by scripts/steps/relations-step.ts)
 * once per build, and answers what document pages, the home page and the
 * relations page ask: a document's relations, its status and period.
 */
import path from 'node:path';
import { readGeneratedJson } from '../../scripts/contract/generated-file.ts';
import { RelationsDataSchema } from '../../scripts/contract/relations-data.ts';
import type { DocumentStanding, RelationsData } from '../../scripts/relations/model.ts';
import { relationIndex, type RelationView } from '../../scripts/relations/views.ts';

let cached: RelationsData | undefined;
let byDocument: Map<string, RelationView[]> | undefined;

/** The generated relations data; run `npm run build` first. */
export function relationsData(): RelationsData {
  if (!cached) {
    cached = readGeneratedJson(
      path.resolve('content/generated/relations.json'),
      RelationsDataSchema,
      'the relations stage (scripts/steps/relations-step.ts, before Astro runs)',
    );
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
