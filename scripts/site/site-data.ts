/** The site data: what the pages read about the collection, derived from the corpus. */
import type { Corpus } from '../ingest/model.ts';
import type { SiteData } from './site-model.ts';
import { buildDepartments } from './departments.ts';
import { publishOriginals } from './originals.ts';

/** Derives the site data from the corpus (pure). */
export function siteDataFrom(corpus: Corpus): SiteData {
  return {
    generatedBy: 'scripts/steps/site-step.ts',
    documents: corpus.documents,
    departments: buildDepartments(corpus.documents),
    sources: corpus.sources,
    normalisations: corpus.normalisations,
    originals: publishOriginals(corpus.originals ?? {}),
    diagnostics: corpus.diagnostics,
  };
}
