/**
 * Two builds of the same sources give byte-identical output: every file of
 * dist/ (pages, search index, data files, the offline zip) and of the offline
 * copy dist-offline/. The first build is the project's own (npm test builds
 * dist/ before the site checks), the second runs in a temp copy of the project
 * elsewhere on disk, so an absolute path leaking into the output shows up too.
 *
 * The copy is first built with one more document, which is then removed, so
 * this also checks that nothing of a previous build survives a rebuild: its
 * MDX page, its pages, data and search entries, and its files in the offline
 * copy (which is updated in place).
 *
 * content/generated/ is not compared: it is the build's scratch space, not
 * output, and compare.json there records the stage's timings on purpose.
 */
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempProject, REPO_ROOT, type TempProject } from '../../scripts/harness/temp-project.ts';
import { writeSyntheticSeeds } from '../../scripts/bench/corpus.ts';
import { differences, hashTree, sha256 } from '../support/tree-hash.ts';

/** Output folders of a build, relative to the project. */
const OUTPUTS = ['dist', 'dist-offline'] as const;

/** The project's own build: dist/ and dist-offline/ at the root of the repository. */
const first = { dir: REPO_ROOT };
let second: TempProject;
/** Document folders in the second copy's dist/docs/ while it had the extra document. */
let extraDocFolders = 0;

beforeAll(() => {
  if (!fs.existsSync(path.join(first.dir, 'dist', 'index.html')) || process.env.SEEDS_DIR) {
    throw new Error('determinism: compares against the build of seeds/ in dist/; run npm run build (without SEEDS_DIR) first, as npm test does');
  }
  second = makeTempProject({ seeds: 'copy-real' });
  const extra = writeSyntheticSeeds({ documents: 1, dir: path.join(second.dir, 'seeds') });
  const build = (project: TempProject) => {
    const built = project.build();
    if (built.status !== 0) throw new Error(`build in ${project.dir} failed (exit ${built.status}):\n${built.stderr.slice(-4000)}`);
  };
  build(second);
  extraDocFolders = fs.readdirSync(path.join(second.dir, 'dist', 'docs')).length;
  for (const file of fs.readdirSync(extra.dir).filter((name) => name.startsWith('syn_'))) fs.rmSync(path.join(extra.dir, file));
  build(second);
}, 400_000);

afterAll(() => {
  second?.cleanup();
});

describe('two builds of the same sources', () => {
  for (const output of OUTPUTS) {
    it(`write byte-identical ${output}/`, () => {
      const a = hashTree(path.join(first.dir, output));
      const b = hashTree(path.join(second.dir, output));
      if (output === 'dist') expect(a.size, 'files in dist/').toBeGreaterThan(100);
      const differing = differences(a, b).map((file) => describeDifference(file, path.join(first.dir, output), path.join(second.dir, output)));
      expect(differing, `files of ${output}/ that differ between ${first.dir} and ${second.dir}`).toEqual([]);
    });
  }

  it('leave nothing of a previous build with one more document', () => {
    expect(extraDocFolders, 'the extra document had its own page').toBe(fs.readdirSync(path.join(first.dir, 'dist', 'docs')).length + 1);
  });

  it('include the offline zip, identical byte for byte', () => {
    const zips = [...hashTree(path.join(first.dir, 'dist')).keys()].filter((file) => file.endsWith('.zip'));
    expect(zips, 'a zip in dist/').not.toEqual([]);
    for (const zip of zips) expect(sha256(path.join(first.dir, 'dist', zip)), zip).toBe(sha256(path.join(second.dir, 'dist', zip)));
  });
});

/** "file", "file (only in the first build)", or for a zip "file: entries a, b differ". */
function describeDifference(file: string, rootA: string, rootB: string): string {
  const [a, b] = [path.join(rootA, file), path.join(rootB, file)];
  if (!fs.existsSync(a)) return `${file} (only in the second build)`;
  if (!fs.existsSync(b)) return `${file} (only in the first build)`;
  if (!file.endsWith('.zip')) return file;
  const [za, zb] = [unzipSync(fs.readFileSync(a)), unzipSync(fs.readFileSync(b))];
  const entries = [...new Set([...Object.keys(za), ...Object.keys(zb)])].filter((name) => !za[name] || !zb[name] || Buffer.compare(za[name], zb[name]) !== 0);
  // Same entries with the same bytes: the zip's own headers (timestamps, order) differ.
  return `${file}: ${entries.length > 0 ? `entries ${entries.slice(0, 10).join(', ')} differ` : 'same entries, different zip headers (timestamps or order)'}`;
}
