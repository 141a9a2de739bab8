/**
 * The compare stage over a whole corpus, as one pure function: vectors,
 * nearest tasks, 相似任务 lists, document scores, recommended pairs with their
 * comparisons and version diffs, and the client payloads. The build step
 * (scripts/steps/compare-step.ts) writes the result; the benchmark
 * (scripts/bench/compare.ts) times it.
 */
import type { PolicyDocument } from '../ingest/model.ts';
import type { Comparison, ConceptInfo, DocumentConcepts, RecommendedPair, SimilarTask, VersionDiff } from '../../shared/compare/model.ts';
import type { DocSummary } from '../../shared/compare/view/comparison.ts';
import { payloadMaker, type ClientDocument } from '../../shared/compare/client-data.ts';
import { comparePair } from '../../shared/compare/compare-pair.ts';
import { documentConcepts, type OccurrenceLike } from './concepts.ts';
import { documentScores, documentVectors, neighbours, pairKey, similarTaskLists, taskCorpus, vectorsFor } from './corpus.ts';
import { tasksAsText } from './tasks.ts';
import { documentTargets } from '../../shared/compare/targets.ts';
import { hierarchyPairs, recommendPairs, type RecommendOptions } from './recommend.ts';
import { hierarchyAlignments, type HierarchyAlignment } from './hierarchy.ts';
import type { IndexOptions } from './task-index.ts';
import { copyId, versionDiff } from './version-diff.ts';

/** Concept data from the concept stage, when it ran. */
export interface ConceptInput {
  occurrences: readonly OccurrenceLike[];
  concepts: readonly ConceptInfo[];
}

/** Options of the whole stage. */
export interface CompareOptions {
  index?: IndexOptions;
  recommend?: RecommendOptions;
  /** Build the client payloads too (the benchmark can leave them out to time the rest alone). */
  client?: boolean;
}

/** A recommended pair with what its page shows. */
export interface ComparedPair extends RecommendedPair {
  comparison?: Comparison;
  version?: VersionDiff;
}

/** Everything the compare stage produces. */
export interface CompareResult {
  /** Documents that have tasks, in corpus order. */
  docs: DocSummary[];
  /** 相似任务 per document id, then per task eid. */
  similar: Record<string, Record<string, SimilarTask[]>>;
  pairs: ComparedPair[];
  concepts: Record<string, DocumentConcepts> | null;
  conceptInfo: ConceptInfo[];
  client: ClientDocument[];
  /** Every document below the top level aligned with its closest document of the region above (for the relations stage). */
  hierarchy: HierarchyAlignment[];
  /** Milliseconds per part, for the build log and the benchmark. */
  timings: Record<string, number>;
}

/** The summary the views show of a document. */
export function docSummary(doc: PolicyDocument): DocSummary {
  const m = doc.meta;
  return {
    id: doc.id,
    title: m.title.value,
    issuer: m.issuer.value,
    date: m.date.value,
    status: m.status.value,
    region: m.region.value,
    kind: m.kind.value,
  };
}

/** Runs the compare stage over `documents`. */
export function computeCompare(documents: readonly PolicyDocument[], concepts?: ConceptInput, options: CompareOptions = {}): CompareResult {
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - clock);
    clock = now;
  };

  const corpus = taskCorpus(documents);
  lap('vectors');
  const near = neighbours(corpus, options.index);
  lap('nearest');
  const similarMap = similarTaskLists(corpus, near);
  const scores = documentScores(corpus, near);
  lap('similar');

  const conceptInfo = [...(concepts?.concepts ?? [])].map(({ id, name }) => ({ id, name }));
  const info = new Map(conceptInfo.map((c) => [c.id, c]));
  const conceptsByDoc = concepts ? documentConcepts(documents, corpus.byDoc, concepts.occurrences) : undefined;
  lap('concepts');

  const withTasks = documents.filter((d) => (corpus.byDoc.get(d.id)?.length ?? 0) > 0);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const side = (id: string) => ({
    id,
    tasks: corpus.byDoc.get(id) ?? [],
    vectors: documentVectors(corpus, id),
    targets: documentTargets(byId.get(id)!),
    concepts: conceptsByDoc?.get(id),
  });
  const pairs: ComparedPair[] = recommendPairs(withTasks, scores, options.recommend).map((pair) => {
    if (pair.kind !== 'version') {
      const comparison = comparePair(side(pair.a), side(pair.b), info);
      return { ...pair, score: comparison.score, comparison };
    }
    // Version pairs: the diff of the two texts, and the copy's tasks aligned with the primary's (for comparisons.json).
    const doc = byId.get(pair.a)!;
    const copy = doc.copies.findIndex((_, n) => copyId(doc.id, n + 1) === pair.b) + 1;
    const version = versionDiff(doc, copy);
    const parsed = doc.copies[copy - 1].parsed;
    const tasks = tasksAsText(pair.b, parsed.body);
    const comparison = comparePair(side(pair.a), { id: pair.b, tasks, vectors: vectorsFor(corpus, tasks), targets: documentTargets(parsed) }, info);
    return { ...pair, score: keptRatio(version), version, comparison };
  });
  lap('pairs');

  const minScore = options.recommend?.minScore ?? 0.05;
  const hierarchy = hierarchyAlignments(
    hierarchyPairs(withTasks, (a, b) => scores.get(pairKey(a, b)) ?? 0, minScore),
    corpus,
    pairs,
  );
  lap('hierarchy');

  const payload = payloadMaker(corpus.vocab);
  const client =
    options.client === false
      ? []
      : withTasks.map((d) =>
          payload({
            doc: docSummary(d),
            tasks: corpus.byDoc.get(d.id) ?? [],
            vectors: documentVectors(corpus, d.id),
            targets: documentTargets(d),
            concepts: conceptsByDoc?.get(d.id),
            conceptInfo: info,
          }),
        );
  lap('client');

  return {
    docs: withTasks.map(docSummary),
    similar: Object.fromEntries([...similarMap].map(([doc, byEid]) => [doc, Object.fromEntries(byEid)])),
    pairs,
    concepts: conceptsByDoc ? Object.fromEntries(conceptsByDoc) : null,
    conceptInfo,
    client,
    hierarchy,
    timings,
  };
}

/** Share of the primary's characters that the copy keeps unchanged. */
function keptRatio(v: VersionDiff): number {
  const changed = v.hunks.reduce((n, h) => n + h.pieces.filter((p) => p.op === 'delete').reduce((m, p) => m + p.text.replace(/\n/g, '').length, 0), 0);
  return v.charCount.before === 0 ? 1 : Math.round((1 - changed / v.charCount.before) * 1000) / 1000;
}
