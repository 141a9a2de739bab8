/**
 * Astro's incremental build with the pages' keys (src/lib/page-keys.ts): after a document is added, the
 * pages that do not show it are copied from the previous build rather than rendered, and a build with
 * nothing changed copies every keyed page. (That such builds equal clean ones is tests/site/incremental.test.ts.)
 * Built in a temp copy of the project from a few short documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempProject, REPO_ROOT, type TempProject } from '../../scripts/harness/temp-project.ts';

const CORPUS = path.join(REPO_ROOT, 'tests/corpus');
const FIRST = ['02_jiaoyubu-rengong-zhineng-zhutui-jiaoshi-shidian-tongzhi.txt', '28_jiaxing-canyinye-youyan-guanli-banfa_md.txt'];
const ADDED = '31_shanghai-fgw-shengjian-qingjie-goudian-banfa-yinfa-tongzhi_web.txt';
const UNCHANGED = /^build: astro: (\d+) of (\d+) keyed pages unchanged/m;

let project: TempProject;

beforeAll(() => {
  project = makeTempProject({ seeds: Object.fromEntries(FIRST.map((name) => [name, fs.readFileSync(path.join(CORPUS, name))])) });
}, 60_000);

afterAll(() => project?.cleanup());

/** Builds the copy and returns [unchanged, keyed] pages as the build reports them. */
function build(): [number, number] {
  const built = project.run(['scripts/build.ts']);
  if (built.status !== 0) throw new Error(`build failed (exit ${built.status}):\n${built.stderr.slice(-4000)}`);
  const m = UNCHANGED.exec(built.stdout);
  if (!m) throw new Error(`the build did not report Astro's unchanged pages:\n${built.stdout.slice(-2000)}`);
  return [Number(m[1]), Number(m[2])];
}

describe("Astro's incremental build", () => {
  it('renders every page on the first build, and none of the keyed ones when nothing changed', () => {
    const [first, keyed] = build();
    expect(first).toBe(0);
    expect(keyed).toBeGreaterThan(10);
    expect(build()).toEqual([keyed, keyed]);
  }, 600_000);

  it('after a document is added, copies the pages that do not show it', () => {
    const [, before] = build();
    fs.copyFileSync(path.join(CORPUS, ADDED), path.join(project.dir, 'seeds', ADDED));
    const [unchanged, keyed] = build();
    // The new document's two pages are new; the old documents' original-text pages at least are unchanged.
    expect(keyed).toBeGreaterThanOrEqual(before + 2);
    expect(unchanged).toBeGreaterThanOrEqual(FIRST.length);
    expect(unchanged).toBeLessThan(keyed);
  }, 600_000);
});
