/**
 * Build step 2a (inside the site step): concepts and citations. Loads the
 * glossary, analyses the corpus once, writes content/generated/concepts.json and
 * beside it each concept's mentions (scripts/concepts/concept-files.ts),
 * the concept definition pages (content/generated/concepts/*.mdx) and the
 * tooltips' stylesheet (content/generated/concept-tips.css), adds
 * the 待收录概念 list to the build report, and hands the site step the remark
 * plugins for document pages. The stage itself is scripts/site/concept-stage.ts (pure); this step
 * loads, calls it, writes and reports.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic, PolicyDocument } from '../ingest/model.ts';
import { loadGlossary } from '../concepts/glossary.ts';
import { candidatesReport, GLOSSARY_FILE } from '../concepts/collection.ts';
import { conceptStage, type ConceptStage } from '../site/concept-stage.ts';
import { tipCss } from '../site/tip-css.ts';
import { conceptFiles, OCCURRENCES_DIR } from '../concepts/concept-files.ts';
import { GENERATED } from './ingest-step.ts';
import { syncFolder } from './sync-folder.ts';
import { buildReport, formatDiagnostic } from './report.ts';

/** The analysed concepts, read by the pages (src/lib/concepts-data.ts); the build's own later steps take them in memory. */
export const CONCEPTS_FILE = path.join(GENERATED, 'concepts.json');

/**
 * Loads the glossary, analyses the corpus, writes the concept files and adds to the build report
 * (written anew with the ingest's `diagnostics` and the stage's own); returns the stage.
 */
export function runConceptStage(documents: readonly PolicyDocument[], diagnostics: readonly Diagnostic[], glossaryFile = GLOSSARY_FILE): ConceptStage {
  const start = performance.now();
  const stage = conceptStage(documents, loadGlossary(glossaryFile));
  // Only pages whose text changed are written: the others keep their modification time.
  syncFolder(
    path.join(GENERATED, 'concepts'),
    [...stage.conceptPages].map(([id, mdx]) => [`${id}.mdx`, mdx] as const),
  );
  // Each mentions file is named by its digest: only the concepts whose mentions changed are written.
  const files = conceptFiles(stage.data);
  syncFolder(path.join(GENERATED, OCCURRENCES_DIR), files.texts, { namedByContent: true });
  fs.writeFileSync(CONCEPTS_FILE, JSON.stringify(files.data));
  fs.writeFileSync(path.join(GENERATED, 'concept-tips.css'), tipCss(stage.data.concepts));
  const report = path.join(GENERATED, 'build-report.md');
  fs.writeFileSync(report, buildReport([...diagnostics, ...stage.diagnostics]) + candidatesReport(stage.data));
  for (const d of stage.diagnostics) console.warn(formatDiagnostic(d));
  const { concepts, occurrences, candidates } = stage.data;
  const unused = concepts.filter((c) => c.mentions === 0).map((c) => c.id);
  console.log(
    `concepts: ${concepts.length} concepts, ${occurrences.length} mentions; ${candidates.length} recurring terms not in the glossary (build report, /concepts/candidates/); analysed in ${((performance.now() - start) / 1000).toFixed(2)} s` +
      (unused.length ? `; not found in any document: ${unused.join(', ')}` : ''),
  );
  return stage;
}
