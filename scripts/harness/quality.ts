/**
 * Recall and precision@5 of search on the query set, from what the search
 * page showed (scripts/harness/search-harness.ts) and the ground truth
 * (ground-truth.ts). Shared by the browser test, which asserts the goals, and
 * the benchmark, which reports the figures.
 */
import { topFiveDocuments, type QueryCase } from './ground-truth.ts';

/** The goals: every expected place found; nineteen of twenty top-five results right. */
export const QUALITY_GOALS = { recall: 1, precisionAt5: 0.95 } as const;

/** Scores of one run over the query set, with what went wrong. */
export interface Quality {
  recall: number;
  /** Documents and departments expected, and of them the ones not found. */
  expected: number;
  missed: string[];
  precisionAt5: number;
  /** Results in the top fives, and of them the ones that should not be there. */
  shown: number;
  wrong: string[];
}

/**
 * Scores the results shown per query (site-relative URLs in order).
 * Recall: every document containing the query and every department it names is listed.
 * Precision@5: each of the first five is a document that contains the query
 * (`containsOnPage`, checked on the page itself) and uses it at least as much as
 * any document left out of the top five, or a department the query names.
 */
export async function scoreQuality(
  cases: readonly QueryCase[],
  shownUrls: (query: string) => string[],
  containsOnPage: (url: string, terms: string[]) => Promise<boolean>,
): Promise<Quality> {
  let expected = 0;
  let shown = 0;
  const missed: string[] = [];
  const wrong: string[] = [];
  for (const c of cases) {
    const urls = shownUrls(c.query);
    const found = new Set(urls);
    for (const url of [...Object.keys(c.expected).map((id) => `docs/${id}/`), ...c.departments.map((slug) => `departments/${slug}/`)]) {
      expected++;
      if (!found.has(url)) missed.push(`${c.query} → ${url}`);
    }
    const allowed = topFiveDocuments(c.levels);
    for (const url of urls.slice(0, 5)) {
      shown++;
      const department = /^departments\/([^/]+)\/$/.exec(url);
      const document = /^docs\/([^/]+)\/$/.exec(url);
      if (department) {
        if (!c.departments.includes(department[1])) wrong.push(`${c.query} → ${url} (a department the query does not name)`);
      } else if (!document) wrong.push(`${c.query} → ${url} (not a document)`);
      else if (!(await containsOnPage(url, c.terms))) wrong.push(`${c.query} → ${url} (does not contain it)`);
      else if (!allowed.has(document[1])) wrong.push(`${c.query} → ${url} (use level ${c.levels[document[1]] ?? '?'} while a stronger use is left out)`);
    }
  }
  return {
    recall: expected === 0 ? 1 : (expected - missed.length) / expected,
    expected,
    missed,
    precisionAt5: shown === 0 ? 1 : (shown - wrong.length) / shown,
    shown,
    wrong,
  };
}
