/**
 * `npm test`: every test, in the order they depend on each other —
 * the type-check, the lint and the format check, then the unit tests of each pipeline stage alongside a full build
 * of the site (neither reads what the other writes), then the browser and site checks against
 * dist/ (and the offline copy).
 * Browser tests need Debian's Chromium (and Firefox ESR for the offline copy);
 * when one is missing and we are root we install it (a fresh machine),
 * otherwise we stop with the command to run.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SHARED_BUILDS_ENV } from './harness/temp-project.ts';

const CHROMIUM = '/usr/bin/chromium';
const FIREFOX = '/usr/bin/firefox-esr';

function run(label: string, command: string, args: string[]): void {
  const start = performance.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✗ ${label} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    process.exit(result.status || 1);
  }
  console.log(`✓ ${label} (${seconds} s)`);
}

/** A step run beside the main one: its label, command and arguments, and the file its output goes to. */
type SideStep = { label: string; command: string; args: string[]; log: string };

/**
 * Runs `main` and the `side` steps at once and waits for all: `main` prints as it goes, each side step
 * into its log (shown when it fails). The side steps are the build of the seeds and the site tests' first
 * shared build: on two cores the unit tests and the builds' single-threaded stretches (ingest, Astro's
 * bundling) leave part of a core idle, which the other steps fill.
 */
async function runAlongside(main: [string, string, string[]], side: SideStep[]): Promise<void> {
  const start = performance.now();
  const seconds = () => ((performance.now() - start) / 1000).toFixed(1);
  for (const step of side) console.log(`\n▶ ${step.label}, alongside ${main[0]} (output in ${step.log})`);
  const running = side.map((step) => {
    fs.mkdirSync(path.dirname(step.log), { recursive: true });
    const out = fs.openSync(step.log, 'w');
    const child = spawn(step.command, step.args, { stdio: ['ignore', out, out], env: process.env });
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { step, child, out, exit };
  });
  // When the main step fails, run() exits: stop the side steps with it.
  const stop = () => {
    for (const { child } of running) child.kill();
  };
  process.once('exit', stop);
  run(main[0], main[1], main[2]);
  for (const { step, out, exit } of running) {
    const status = await exit;
    fs.closeSync(out);
    if (status !== 0) {
      process.off('exit', stop);
      stop();
      console.error(fs.readFileSync(step.log, 'utf8').slice(-6000));
      console.error(`✗ ${step.label} failed (exit ${status}) after ${seconds()} s; its output is in ${step.log}`);
      process.exit(status || 1);
    }
    console.log(`✓ ${step.label} (${seconds()} s, with the ${main[0]})`);
  }
  process.off('exit', stop);
}

/** Debian's Chromium and Firefox ESR (the offline copy is also checked in Firefox), installed when missing and we are root. */
function ensureBrowsers(): void {
  const missing = [...(fs.existsSync(CHROMIUM) ? [] : ['chromium', 'fonts-noto-cjk']), ...(fs.existsSync(FIREFOX) ? [] : ['firefox-esr'])];
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(`Browser tests need Chromium at ${CHROMIUM} and Firefox at ${FIREFOX}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing Debian's ${missing.join(', ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed; install the browsers by hand: apt-get install -y ${missing.join(' ')}`);
      process.exit(1);
    }
  }
}

const vitest = path.resolve('node_modules/vitest/vitest.mjs');
const node = process.execPath;
const RESULTS = 'test-results';

/** Vitest's arguments for a run that also writes its counts to test-results/<name>.json. */
const vitestRun = (name: string, ...args: string[]) => [
  vitest,
  'run',
  ...args,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${RESULTS}/${name}.json`,
];

/** Passed and failed test counts from vitest's JSON report. */
function counts(name: string): { passed: number; failed: number } {
  const report = JSON.parse(fs.readFileSync(path.join(RESULTS, `${name}.json`), 'utf8')) as { numPassedTests: number; numFailedTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}

fs.rmSync(RESULTS, { recursive: true, force: true });
// Astro writes the types of astro:content (.astro/) when it builds; a fresh clone has none yet.
if (!fs.existsSync('.astro/types.d.ts')) run("types of Astro's content modules (astro sync)", node, [path.resolve('node_modules/astro/bin/astro.mjs'), 'sync']);
// Types first: a type error fails in 2 s, before a minute of tests.
run('type-check (tsc)', node, [path.resolve('node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.']);
run('lint (biome)', node, [path.resolve('node_modules/@biomejs/biome/bin/biome'), 'lint', '.']);
run('format check (biome; npm run format fixes it)', node, [path.resolve('node_modules/@biomejs/biome/bin/biome'), 'format', '.']);
// The site tests' shared builds (tests/site/shared-build.ts) go in this folder; the first one starts now.
const sharedBuilds = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-shared-builds-'));
process.env[SHARED_BUILDS_ENV] = sharedBuilds;
// Removed without waiting on exit (a pass or a failure); the OS temp folder catches a crash.
process.once('exit', () => fs.rmSync(sharedBuilds, { recursive: true, force: true }));
await runAlongside(
  ['unit tests (vitest)', node, vitestRun('unit')],
  [
    { label: 'build (npm run build)', command: node, args: ['scripts/build.ts'], log: path.join(RESULTS, 'build.log') },
    {
      label: "site tests' first shared build",
      command: node,
      args: ['tests/site/prepare-shared-builds.ts'],
      log: path.join(RESULTS, 'shared-builds.log'),
    },
  ],
);
ensureBrowsers();
run('site and browser tests (vitest, Chromium, Firefox)', node, vitestRun('site', '-c', 'vitest.site.config.ts'));
const unit = counts('unit');
const site = counts('site');
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; site and browser: ${site.passed} passed, ${site.failed} failed`);
// The plain closing line CI systems read: totals of both runs.
console.log(`${unit.passed + site.passed} passed, ${unit.failed + site.failed} failed`);
