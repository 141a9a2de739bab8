/**
 * One temp copy of the project built twice, shared by the files that check rebuilds and hostile seeds:
 *
 * 1. `firstBuild()`: the seeds changed every way a rebuild must follow — one seed file removed, one
 *    edited, more documents (every hostile seed of tests/fixtures/hostile/, real documents in the shapes
 *    they come in, one more from tests/corpus/) and a glossary definition changed — built with empty
 *    caches. Its dist/, dist-offline/, corpus.json and build report are copied aside for the checks,
 *    since the copy is built again.
 * 2. `secondBuild()`: the exact seeds and glossary put back, built again with the first build's caches.
 *    That incremental build must write what the project's own clean build of seeds/ wrote, byte for byte.
 *
 * A build of the seeds costs about 16 CPU-seconds, one of two tiny documents about 12 (Astro's fixed cost):
 * these two replace fourteen full builds the test files made on their own copies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { makeTempProject, openTempProject, REPO_ROOT, type RunResult, type TempProject } from '../../scripts/harness/temp-project.ts';
import { HOSTILE_CASES } from '../fixtures/hostile/cases.ts';
import { sharedBuild } from './shared-build.ts';

/**
 * The seed file left out of the first build: its one document, a news item, comes back in the second,
 * and meanwhile its curated record (content/curated/documents.json) matches no document.
 */
export const REMOVED_SEED = /^003_/;
/** The seed file edited for the first build (one document), and the words its first sentence gains. */
export const EDITED_SEED = /^001_/;
export const EDIT = '，并定期公布检查结果';
/** A real document that is no seed, present in the first build only. */
export const EXTRA_DOCUMENT = '31_shanghai-fgw-shengjian-qingjie-goudian-banfa-yinfa-tongzhi_web.txt';
/**
 * Real documents in the shapes they come in, for tests/site/real-documents.test.ts: a 国务院 opinion
 * without its title line, a PDF notice with its 办法 and attachments, a 法宝 export, a web page (four
 * files of the development corpus, tests/corpus/) and Traditional script.
 */
export const REAL_DOCUMENTS: Record<string, Buffer> = Object.fromEntries([
  corpusFile('04_'),
  corpusFile('18_'),
  corpusFile('23_'),
  corpusFile('30_'),
  ['traditional.txt', fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/documents/traditional-with-pinyin/input.txt'))],
]);
/** The file a hostile seed would create if anything in it ran (tests/fixtures/hostile/). */
export const CANARY = '/tmp/x';
/** Appended to the first glossary concept's definition for the first build. */
export const DEFINITION_MARK = '（本定义经测试修订）';

/** The first build: the copy, where its outputs were copied to, and how it ran. */
const FirstBuildSchema = z.object({
  /** The temp copy of the project (built again by `secondBuild`). */
  projectDir: z.string(),
  /** Holds the first build's dist/, dist-offline/, corpus.json and build-report.md. */
  snapshotDir: z.string(),
  /** The seed file left out, and the one edited. */
  removedSeed: z.string(),
  editedSeed: z.string(),
  /** The concept whose definition changed. */
  conceptId: z.string(),
  /** The hostile seeds' file names (names only: the 20 MB seed stays out of JSON). */
  hostileSeeds: z.array(z.string()),
  status: z.number().nullable(),
  /** The canary file (CANARY) just before and just after the build: a seed that runs code would touch it. */
  canaryBefore: z.object({ exists: z.boolean(), mtimeMs: z.number().optional(), size: z.number().optional() }),
  canaryAfter: z.object({ exists: z.boolean(), mtimeMs: z.number().optional(), size: z.number().optional() }),
});
export type FirstBuild = z.infer<typeof FirstBuildSchema>;

/** The second, incremental build of the restored seeds. */
const SecondBuildSchema = z.object({ projectDir: z.string(), stdout: z.string(), status: z.number().nullable() });
export type SecondBuild = z.infer<typeof SecondBuildSchema>;

const GLOSSARY = 'content/curated/concepts.json';
const GlossarySchema = z.looseObject({ concepts: z.array(z.looseObject({ id: z.string(), definition: z.string() })) });

/** The first build of the copy (made once per test run, whichever file asks first). */
export function firstBuild(): Promise<FirstBuild> {
  return sharedBuild('rebuild-first', FirstBuildSchema, (dir) => {
    const seedNames = fs.readdirSync(path.join(REPO_ROOT, 'seeds')).sort();
    const removedSeed = seedNames.find((name) => REMOVED_SEED.test(name))!;
    const editedSeed = seedNames.find((name) => EDITED_SEED.test(name))!;
    const hostile: Record<string, Uint8Array> = Object.assign({}, ...HOSTILE_CASES.map((c) => c.seeds()));
    const project = makeTempProject({
      parent: dir,
      seeds: 'copy-real',
      extraSeeds: { ...hostile, ...REAL_DOCUMENTS, [EXTRA_DOCUMENT]: fs.readFileSync(path.join(REPO_ROOT, 'tests/corpus', EXTRA_DOCUMENT)) },
    });
    const seeds = path.join(project.dir, 'seeds');
    fs.rmSync(path.join(seeds, removedSeed));
    const text = fs.readFileSync(path.join(seeds, editedSeed), 'utf8');
    const edited = text.replace(/。(\r?\n)/, `${EDIT}。$1`);
    if (edited === text) throw new Error(`rebuild scenario: no sentence to edit in ${editedSeed}`);
    fs.writeFileSync(path.join(seeds, editedSeed), edited);
    const glossaryFile = path.join(project.dir, GLOSSARY);
    const glossary = GlossarySchema.parse(JSON.parse(fs.readFileSync(glossaryFile, 'utf8')));
    // Every glossary concept has its page, whether the documents mention it or not.
    const concept = glossary.concepts[0];
    concept.definition += DEFINITION_MARK;
    fs.writeFileSync(glossaryFile, `${JSON.stringify(glossary, null, 2)}\n`);

    // Recorded here, not by the test files: the build may run before they load (scripts/test.ts starts it early).
    const canaryBefore = fileState(CANARY);
    const built = expectBuilt(project, 'first build (changed seeds and glossary, empty caches)');
    const canaryAfter = fileState(CANARY);
    const snapshotDir = path.join(dir, 'first-build');
    for (const folder of ['dist', 'dist-offline']) fs.cpSync(path.join(project.dir, folder), path.join(snapshotDir, folder), { recursive: true });
    for (const file of ['corpus.json', 'build-report.md']) fs.cpSync(path.join(project.dir, 'content/generated', file), path.join(snapshotDir, file));
    return {
      projectDir: project.dir,
      snapshotDir,
      removedSeed,
      editedSeed,
      conceptId: concept.id,
      hostileSeeds: Object.keys(hostile),
      status: built.status,
      canaryBefore,
      canaryAfter,
    };
  });
}

/** The second build of the copy, after the first (made once per test run). */
export async function secondBuild(): Promise<SecondBuild> {
  const first = await firstBuild();
  return sharedBuild('rebuild-second', SecondBuildSchema, () => {
    const project = openTempProject(first.projectDir);
    // The exact seeds and glossary of the repository, nothing else.
    const seeds = path.join(project.dir, 'seeds');
    fs.rmSync(seeds, { recursive: true });
    fs.mkdirSync(seeds);
    for (const name of fs.readdirSync(path.join(REPO_ROOT, 'seeds')))
      fs.writeFileSync(path.join(seeds, name), fs.readFileSync(path.join(REPO_ROOT, 'seeds', name)));
    fs.writeFileSync(path.join(project.dir, GLOSSARY), fs.readFileSync(path.join(REPO_ROOT, GLOSSARY)));
    const built = expectBuilt(project, 'second build (seeds and glossary restored, with the caches)');
    return { projectDir: project.dir, stdout: built.stdout, status: built.status };
  });
}

/** The file of tests/corpus/ whose name starts with `prefix`, and its bytes. */
function corpusFile(prefix: string): [string, Buffer] {
  const name = fs.readdirSync(path.join(REPO_ROOT, 'tests/corpus')).find((file) => file.startsWith(prefix))!;
  return [name, fs.readFileSync(path.join(REPO_ROOT, 'tests/corpus', name))];
}

/** Builds the copy; throws with the end of its output when the build fails. */
function expectBuilt(project: TempProject, what: string): RunResult {
  const built = project.build();
  if (built.status !== 0) {
    throw new Error(`${what} failed (exit ${built.status}) in ${project.dir}:\n${built.stdout.slice(-2000)}\n${built.stderr.slice(-4000)}`);
  }
  return built;
}

/** Whether `file` exists, and its time and size when it does. */
export function fileState(file: string): { exists: boolean; mtimeMs?: number; size?: number } {
  try {
    const stat = fs.statSync(file);
    return { exists: true, mtimeMs: stat.mtimeMs, size: stat.size };
  } catch {
    return { exists: false };
  }
}
