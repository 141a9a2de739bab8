/**
 * The concept stage's view of one collection: the glossary's quotes of documents the collection holds,
 * and the report of recurring terms the glossary lacks. Pure: touches no files.
 */
import type { Diagnostic, PolicyDocument } from '../ingest/model.ts';
import type { Glossary } from './glossary.ts';
import type { ConceptsData } from './model.ts';

/** The hand-edited glossary. */
export const GLOSSARY_FILE = 'content/curated/concepts.json';

/**
 * The glossary without the quotes whose document is not in this collection, each a warning for the
 * build report: a folder of other documents (SEEDS_DIR) shares the glossary, whose quotes come from
 * the seeds. On the seeds every quote must resolve (tests/unit/concepts/seeds.test.ts), so a
 * mistyped id still fails there.
 */
export function quotesOfThisCollection(glossary: Glossary, documents: readonly PolicyDocument[]): { glossary: Glossary; diagnostics: Diagnostic[] } {
  const ids = new Set(documents.map((d) => d.id));
  const absent = glossary.concepts.filter((c) => c.quote && !ids.has(c.quote.document));
  const diagnostics = absent.map(
    (c): Diagnostic => ({
      severity: 'warning',
      code: 'curated/no-document',
      message: `concept "${c.id}": its quote names document "${c.quote!.document}", which this folder does not hold; the concept page shows no quote`,
      file: glossary.file,
      line: glossary.locate?.(['concepts', glossary.concepts.indexOf(c), 'quote', 'document']) ?? 0,
      hint: 'nothing to do if the document is simply not in this folder; otherwise correct the document id',
    }),
  );
  if (absent.length === 0) return { glossary, diagnostics };
  return { glossary: { ...glossary, concepts: glossary.concepts.map((c) => (absent.includes(c) ? { ...c, quote: undefined } : c)) }, diagnostics };
}

/** The 待收录概念 section of the build report. */
export function candidatesReport(data: ConceptsData): string {
  const lines = data.candidates.map((c) => `- ${c.term}: ${c.documents.length} documents, ${c.mentions} mentions (${c.documents.join(', ')})`);
  return [
    '',
    '## 待收录概念 (terms used by two or more documents, not in the glossary)',
    '',
    `Add them to ${GLOSSARY_FILE} or leave them; the site lists them at /concepts/candidates/.`,
    '',
    ...lines,
    '',
  ].join('\n');
}
