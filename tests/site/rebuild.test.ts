/**
 * Rebuilds, in one temp copy of the project (tests/site/rebuild-scenario.ts):
 *
 * - An incremental build writes what a clean build writes. The copy is first built from changed seeds
 *   (one seed file removed, one edited, one more document, the hostile seeds) and a changed glossary
 *   definition; with the exact seeds and glossary put back, a build that reuses the caches of the first
 *   (.build/cache/) must write dist/ (pages, search index, data, the offline zip) and dist-offline/ byte
 *   for byte as the project's own clean build of seeds/ did (npm test builds dist/ before the site
 *   checks). So one comparison covers a document added, edited and removed, a glossary change, nothing
 *   of a previous build surviving (the offline copy is updated in place), and two builds elsewhere on
 *   disk agreeing (an absolute path leaking into the output would show).
 * - A build that fails inside Astro, or is killed while Astro runs, leaves the published site exactly as
 *   it was, and says so. The failure comes from the build's own test hook (scripts/steps/test-hooks.ts),
 *   never from seed content.
 *
 * content/generated/ is not compared: it is the build's scratch space, not output, and compare.json
 * there records the stage's timings on purpose.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { CorpusSchema } from '../../scripts/contract/corpus.ts';
import { BREAK_PAGE_ENV } from '../../scripts/steps/test-hooks.ts';
import { openTempProject, projectNode, REPO_ROOT, type TempProject } from '../../scripts/harness/temp-project.ts';
import { differences, hashTree, sha256 } from '../support/tree-hash.ts';
import { DEFINITION_MARK, EDIT, EXTRA_DOCUMENT, type FirstBuild, firstBuild, type SecondBuild, secondBuild } from './rebuild-scenario.ts';

/** Output folders of a build, relative to the project. */
const OUTPUTS = ['dist', 'dist-offline'] as const;
const NOTICE = 'build failed; the previous site in dist/ is unchanged';

let first: FirstBuild;
let second: SecondBuild;
let project: TempProject;
/** The copy's outputs after the second build, which the unfinished builds must leave as they are. */
let published: Record<string, Map<string, string>>;

const outputs = (root: string) => Object.fromEntries(OUTPUTS.map((folder) => [folder, hashTree(path.join(root, folder))]));
const readCorpus = (file: string) => CorpusSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));

beforeAll(async () => {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'index.html')) || process.env.SEEDS_DIR) {
    throw new Error('rebuild: compares against the build of seeds/ in dist/; run npm run build (without SEEDS_DIR) first, as npm test does');
  }
  first = await firstBuild();
  second = await secondBuild();
  project = openTempProject(second.projectDir);
  published = outputs(project.dir);
}, 600_000);

describe('the first build, from changed seeds and glossary', () => {
  it('shows each change: the extra document, the edited sentence, the new definition, and not the removed seed', () => {
    const changed = readCorpus(path.join(first.snapshotDir, 'corpus.json'));
    const restored = readCorpus(path.join(project.dir, 'content/generated/corpus.json'));
    const docsOf = (corpus: typeof changed, file: string) => corpus.documents.filter((d) => d.sources.some((s) => s.file === file)).map((d) => d.id);
    const page = (root: string, id: string) => path.join(root, 'dist/docs', id, 'index.html');

    const [extra] = docsOf(changed, EXTRA_DOCUMENT);
    expect(extra, 'the extra document').toBeDefined();
    expect(fs.existsSync(page(first.snapshotDir, extra)), `first build: page of ${extra}`).toBe(true);
    expect(fs.existsSync(page(project.dir, extra)), `second build: page of ${extra}`).toBe(false);

    const removed = docsOf(restored, first.removedSeed);
    expect(removed, `documents of ${first.removedSeed}`).not.toEqual([]);
    for (const id of removed) {
      expect(fs.existsSync(page(first.snapshotDir, id)), `first build: page of ${id}`).toBe(false);
      expect(fs.existsSync(page(project.dir, id)), `second build: page of ${id}`).toBe(true);
    }

    const [edited] = docsOf(restored, first.editedSeed);
    expect(fs.readFileSync(page(first.snapshotDir, edited), 'utf8'), `first build: ${edited} has the edit`).toContain(EDIT);
    expect(fs.readFileSync(page(project.dir, edited), 'utf8'), `second build: ${edited} has it no more`).not.toContain(EDIT);

    const concept = (root: string) => fs.readFileSync(path.join(root, 'dist/concepts', first.conceptId, 'index.html'), 'utf8');
    expect(concept(first.snapshotDir), 'first build: the changed definition').toContain(DEFINITION_MARK);
    expect(concept(project.dir), 'second build: the definition as the glossary has it').not.toContain(DEFINITION_MARK);
  });
});

describe('an incremental build after the seeds and glossary are put back', () => {
  it('reads the three seed files and the pages the first build made unchanged from the caches, and leaves no staging folder', () => {
    expect(second.stdout).toContain('ingest: 19 documents from 5 files; 3 of 5 from the cache');
    const mdx = /compiled MDX pages, (\d+) of (\d+) from the cache/.exec(second.stdout);
    expect(mdx, 'the compiled-MDX cache reports').not.toBeNull();
    expect(Number(mdx![1]), 'unchanged pages read, not compiled').toBeGreaterThan(Number(mdx![2]) / 2);
    const postings = /pages' postings (\d+) of (\d+) from the cache/.exec(second.stdout);
    expect(postings, "the search index reports its pages' postings").not.toBeNull();
    expect(Number(postings![1]), 'unchanged pages joined from their kept postings').toBeGreaterThan(Number(postings![2]) / 2);
    expect(fs.existsSync(path.join(project.dir, '.build', 'staging')), 'a published build left .build/staging/ behind').toBe(false);
  });

  for (const output of OUTPUTS) {
    it(`writes ${output}/ byte for byte as the project's own clean build`, () => {
      const clean = hashTree(path.join(REPO_ROOT, output));
      if (output === 'dist') expect(clean.size, 'files in dist/').toBeGreaterThan(100);
      const differing = differences(clean, published[output]).map((file) =>
        describeDifference(file, path.join(REPO_ROOT, output), path.join(project.dir, output)),
      );
      expect(differing, `files of ${output}/ that differ between ${REPO_ROOT} and ${project.dir}`).toEqual([]);
    });
  }

  it('writes the offline zip byte for byte as the clean build', () => {
    const zips = [...hashTree(path.join(REPO_ROOT, 'dist')).keys()].filter((file) => file.endsWith('.zip'));
    expect(zips, 'a zip in dist/').not.toEqual([]);
    for (const zip of zips) expect(sha256(path.join(project.dir, 'dist', zip)), zip).toBe(sha256(path.join(REPO_ROOT, 'dist', zip)));
  });
});

describe('a build that does not finish', () => {
  /** Expects every output folder to hold exactly the files, with the bytes, it held after the second build. */
  function expectUnchanged(): void {
    const after = outputs(project.dir);
    for (const folder of OUTPUTS) {
      expect(published[folder].size, `files in ${folder}/ after the second build`).toBeGreaterThan(10);
      expect(differences(published[folder], after[folder]), `files of ${folder}/ that changed`).toEqual([]);
    }
  }

  it('fails inside Astro on a page it cannot compile and leaves dist/ and dist-offline/ byte-identical', () => {
    const failed = project.build({ [BREAK_PAGE_ENV]: '1' });
    expect(failed.status, 'exit status').toBe(1);
    expect(failed.stdout + failed.stderr).toMatch(/Unexpected end of file in expression/);
    expect(failed.stderr).toContain(NOTICE);
    expectUnchanged();
  }, 300_000);

  it('stops its children when killed while Astro runs, exits 143 and leaves dist/ and dist-offline/ byte-identical', async () => {
    const { status, output, astroPid } = await killOnceAstroRuns(project.dir);
    expect(status, 'exit status').toBe(143);
    expect(output).toContain('interrupted by SIGTERM');
    expect(output).toContain(NOTICE);
    expect(astroPid, 'Astro had started').toBeGreaterThan(0);
    expect(isRunning(astroPid), "Astro's process is stopped with the build").toBe(false);
    expectUnchanged();
  }, 300_000);
});

/** "file", "file (only in the first build)", or for a zip "file: entries a, b differ". */
function describeDifference(file: string, rootA: string, rootB: string): string {
  const [a, b] = [path.join(rootA, file), path.join(rootB, file)];
  if (!fs.existsSync(a)) return `${file} (only in the incremental build)`;
  if (!fs.existsSync(b)) return `${file} (only in the clean build)`;
  if (!file.endsWith('.zip')) return file;
  const [za, zb] = [unzipSync(fs.readFileSync(a)), unzipSync(fs.readFileSync(b))];
  const entries = [...new Set([...Object.keys(za), ...Object.keys(zb)])].filter((name) => !za[name] || !zb[name] || Buffer.compare(za[name], zb[name]) !== 0);
  // Same entries with the same bytes: the zip's own headers (timestamps, order) differ.
  return `${file}: ${entries.length > 0 ? `entries ${entries.slice(0, 10).join(', ')} differ` : 'same entries, different zip headers (timestamps or order)'}`;
}

/** Starts a build in `dir`, sends it SIGTERM once Astro has been running for a second, and waits for it to exit. */
function killOnceAstroRuns(dir: string): Promise<{ status: number | null; output: string; astroPid: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(projectNode(), ['scripts/build.ts'], { cwd: dir, env: { ...process.env, SEEDS_DIR: '', ASTRO_TELEMETRY_DISABLED: '1' } });
    let output = '';
    let astroPid = 0;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (astroPid === 0 && output.includes('build: astro started')) {
        astroPid = astroChildOf(child.pid ?? 0);
        setTimeout(() => child.kill('SIGTERM'), 1000);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ status: code ?? (signal ? -1 : null), output, astroPid }));
  });
}

/** The pid of the Astro process among the children of `pid` (Linux /proc), or 0. */
function astroChildOf(pid: number): number {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('astro.mjs')) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return 0;
}

/** True while a process with that pid exists (and is not a zombie). */
function isRunning(pid: number): boolean {
  try {
    return !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
