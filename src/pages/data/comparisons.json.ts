/**
 * data/comparisons.json: every pre-rendered comparison with its matched task
 * pairs (eids and scores), for re-use outside the site.
 */
import type { APIRoute } from 'astro';
import { compareData, copyTasks, pairSlug, taskTexts } from '../../lib/compare-data.ts';
import { taskPairs } from '../../../scripts/compare/compare-pair.ts';
import { paths } from '../../../scripts/site/paths.ts';
import { siteConfig } from '../../../scripts/site/config.ts';

export const GET: APIRoute = () => {
  const { origin } = siteConfig();
  const data = compareData();
  const comparisons = data.pairs.map((pair) => {
    const url = origin + paths.compare() + `${pairSlug(pair)}/`;
    // For a version pair, b is the copy ("<id>.copy1") and its tasks are the copy's.
    const tasksB = pair.version ? copyTasks(pair.a, pair.version.copy) : taskTexts(pair.b);
    const pairs = pair.comparison ? taskPairs(pair.comparison, taskTexts(pair.a), tasksB) : [];
    return { kind: pair.kind, a: pair.a, b: pair.b, url, score: pair.score, pairs };
  });
  return new Response(JSON.stringify({ generatedBy: 'src/pages/data/comparisons.json.ts', comparisons }, null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
