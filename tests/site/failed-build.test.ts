/**
 * A build that fails inside Astro, or is killed while Astro runs, leaves the published site exactly as it
 * was: dist/ (with the offline zip) and dist-offline/ byte for byte, and says so. Built in a temp copy of the
 * project from two short documents, so the three builds stay cheap (about 60 s together on two busy cores);
 * the failure comes from the build's own test hook (scripts/steps/test-hooks.ts), never from seed content.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAK_PAGE_ENV } from '../../scripts/steps/test-hooks.ts';
import { makeTempProject, projectNode, REPO_ROOT, type TempProject } from '../../scripts/harness/temp-project.ts';
import { differences, hashTree } from '../support/tree-hash.ts';

const SEEDS = ['02_jiaoyubu-rengong-zhineng-zhutui-jiaoshi-shidian-tongzhi.txt', '28_jiaxing-canyinye-youyan-guanli-banfa_md.txt'];
const OUTPUTS = ['dist', 'dist-offline'] as const;
const NOTICE = 'build failed; the previous site in dist/ is unchanged';

let project: TempProject;
let before: Record<string, Map<string, string>>;

/** The hashes of every output folder of the copy. */
const outputs = () => Object.fromEntries(OUTPUTS.map((folder) => [folder, hashTree(path.join(project.dir, folder))]));

beforeAll(() => {
  project = makeTempProject({ seeds: Object.fromEntries(SEEDS.map((name) => [name, fs.readFileSync(path.join(REPO_ROOT, 'tests/corpus', name))])) });
  const built = project.build();
  if (built.status !== 0) throw new Error(`first build failed (exit ${built.status}):\n${built.stderr.slice(-4000)}`);
  if (fs.existsSync(path.join(project.dir, '.build', 'staging'))) throw new Error('a published build left .build/staging/ behind');
  before = outputs();
}, 300_000);

afterAll(() => project?.cleanup());

/** Expects every output folder to hold exactly the files, with the bytes, it held after the first build. */
function expectUnchanged(): void {
  const after = outputs();
  for (const folder of OUTPUTS) {
    expect(before[folder].size, `files in ${folder}/ after the first build`).toBeGreaterThan(10);
    expect(differences(before[folder], after[folder]), `files of ${folder}/ that changed`).toEqual([]);
  }
}

describe('a build that does not finish', () => {
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
