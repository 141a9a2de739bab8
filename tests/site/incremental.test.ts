/**
 * A build that reuses the caches of the previous one (.build/cache/) writes exactly what a clean build
 * (`--clean`, no cache read) of the same folder writes: dist/ (with the offline zip) and dist-offline/,
 * byte for byte, after a document is added, after one is edited, after one is removed, and after the
 * glossary (content/curated/concepts.json) changes, whose new definition the rebuilt pages show.
 * Built in a temp copy of the project from a few short documents, to keep the nine builds cheap.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempProject, REPO_ROOT, type TempProject } from '../../scripts/harness/temp-project.ts';
import { differences, hashTree } from '../support/tree-hash.ts';

const CORPUS = path.join(REPO_ROOT, 'tests/corpus');
const FIRST = ['02_jiaoyubu-rengong-zhineng-zhutui-jiaoshi-shidian-tongzhi.txt', '28_jiaxing-canyinye-youyan-guanli-banfa_md.txt'];
const ADDED = '31_shanghai-fgw-shengjian-qingjie-goudian-banfa-yinfa-tongzhi_web.txt';
const OUTPUTS = ['dist', 'dist-offline'] as const;
const MARK = '（本定义经测试修订）';

let project: TempProject;
const seeds = () => path.join(project.dir, 'seeds');

beforeAll(() => {
  project = makeTempProject({ seeds: Object.fromEntries(FIRST.map((name) => [name, fs.readFileSync(path.join(CORPUS, name))])) });
  build();
}, 300_000);

afterAll(() => project?.cleanup());

/** Builds the copy (with `args`), failing with the end of its output when the build fails; returns its stdout. */
function build(...args: string[]): string {
  const built = project.run(['scripts/build.ts', ...args]);
  if (built.status !== 0) throw new Error(`build ${args.join(' ')} failed (exit ${built.status}):\n${built.stderr.slice(-4000)}`);
  return built.stdout;
}

/** Hashes of the copy's output folders. */
function outputs(): Record<string, Map<string, string>> {
  return Object.fromEntries(OUTPUTS.map((folder) => [folder, hashTree(path.join(project.dir, folder))]));
}

/** Builds with the caches, then clean, and expects the two to be byte-identical; returns the incremental build's log and hashes. */
function expectIncrementalEqualsClean(): { log: string; incremental: Record<string, Map<string, string>> } {
  const log = build();
  const incremental = outputs();
  build('--clean');
  const clean = outputs();
  for (const folder of OUTPUTS) {
    expect(incremental[folder].size, `files in ${folder}/`).toBeGreaterThan(10);
    expect(differences(incremental[folder], clean[folder]), `files of ${folder}/ that differ from a clean build`).toEqual([]);
  }
  return { log, incremental };
}

describe('an incremental build', () => {
  it('after a document is added, is byte-identical to a clean build', () => {
    const before = outputs();
    fs.copyFileSync(path.join(CORPUS, ADDED), path.join(seeds(), ADDED));
    const { log, incremental } = expectIncrementalEqualsClean();
    expect(log, 'the two unchanged files come from the cache').toContain('2 of 3 from the cache');
    expect(incremental.dist.size).toBeGreaterThan(before.dist.size);
  }, 300_000);

  it('after a document is edited, is byte-identical to a clean build', () => {
    const before = outputs();
    const file = path.join(seeds(), FIRST[1]);
    const text = fs.readFileSync(file, 'utf8');
    const edited = text.replace(/。(\r?\n)/, '，并定期公布检查结果。$1');
    expect(edited).not.toBe(text);
    fs.writeFileSync(file, edited);
    const { log, incremental } = expectIncrementalEqualsClean();
    expect(log).toContain('2 of 3 from the cache');
    expect(differences(before.dist, incremental.dist), 'the edit changes the site').not.toEqual([]);
  }, 300_000);

  it('after a document is removed, is byte-identical to a clean build', () => {
    fs.rmSync(path.join(seeds(), ADDED));
    const { log } = expectIncrementalEqualsClean();
    expect(log).toContain('2 of 2 from the cache');
  }, 300_000);

  it('after the glossary changes, shows the new definition and is byte-identical to a clean build', () => {
    const glossaryFile = path.join(project.dir, 'content/curated/concepts.json');
    const glossary = JSON.parse(fs.readFileSync(glossaryFile, 'utf8')) as { concepts: Array<{ id: string; definition: string }> };
    // Every glossary concept has its page, mentioned by these documents or not.
    const concept = glossary.concepts[0];
    concept.definition += MARK;
    fs.writeFileSync(glossaryFile, `${JSON.stringify(glossary, null, 2)}\n`);
    expectIncrementalEqualsClean();
    expect(fs.readFileSync(path.join(project.dir, 'dist/concepts', concept.id, 'index.html'), 'utf8')).toContain(MARK);
  }, 300_000);
});
