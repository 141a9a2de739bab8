/**
 * The order site test files start in, two at a time: the longest first, so the two workers finish
 * together instead of one running a long file alone at the end. Vitest's own order (by the
 * durations of the last run, else by file size) puts the 34-line accessibility file last on a fresh
 * clone, where it then ran alone for a minute. Only the order changes, never what runs.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that take longest (axe on ten pages; files that build their own copy of the site), longest first. */
const LONGEST_FIRST = ['rebuild', 'a11y', 'hostile', 'hosting', 'search', 'offline', 'html'];

/** Vitest's order, with the files of LONGEST_FIRST moved to the front in that order. */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.indexOf(path.basename(file.moduleId, '.test.ts'));
      return index < 0 ? LONGEST_FIRST.length : index;
    };
    return sorted
      .map((file, i) => ({ file, i }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i)
      .map(({ file }) => file);
  }
}
