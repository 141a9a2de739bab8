/**
 * Builds that several site test files read, made once per test run by whichever file asks first.
 * The run's global setup (shared-builds-setup.ts) gives every file one folder; a build claims its
 * subfolder (mkdir is atomic, so two workers never both build), and writes `<name>.json` beside it
 * when done: what the build made, or why it failed. A file that asks while another builds waits for
 * that file. Run alone, a file builds what it needs itself. Each build of the project costs 12–20
 * CPU-seconds, most of it Astro's fixed cost, so sharing one build beats building per file.
 */
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { z } from 'zod';
import { SHARED_BUILDS_ENV } from '../../scripts/harness/temp-project.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** The folder shared builds of this run live in (removed at the end of the run). */
    sharedBuildsDir: string;
  }
}

/** How long a file waits for another file's build before giving up (a build of the seeds takes 10–60 s). */
const WAIT_MS = 15 * 60_000;
const POLL_MS = 250;

const OutcomeSchema = z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })]);

/** Builds already read in this worker, by name. */
const known = new Map<string, Promise<unknown>>();

/**
 * The result of the shared build `name`: `prepare(dir)` run once per test run in the empty folder `dir`
 * (its value must survive JSON and match `schema`), or its result read back when another file ran it.
 */
export function sharedBuild<T>(name: string, schema: z.ZodType<T>, prepare: (dir: string) => T | Promise<T>): Promise<T> {
  let result = known.get(name) as Promise<T> | undefined;
  if (!result) {
    result = claimOrWait(name, schema, prepare);
    known.set(name, result);
  }
  return result;
}

async function claimOrWait<T>(name: string, schema: z.ZodType<T>, prepare: (dir: string) => T | Promise<T>): Promise<T> {
  const dir = path.join(sharedBuildsDir(), name);
  const outcomeFile = `${dir}.json`;
  if (claim(dir)) {
    try {
      const value = schema.parse(await prepare(dir));
      fs.writeFileSync(outcomeFile, JSON.stringify({ ok: true, value }));
      return value;
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      fs.writeFileSync(outcomeFile, JSON.stringify({ ok: false, error: message }));
      throw error;
    }
  }
  const start = performance.now();
  while (!fs.existsSync(outcomeFile)) {
    if (performance.now() - start > WAIT_MS) throw new Error(`shared build "${name}": no result in ${outcomeFile} after ${WAIT_MS / 60_000} minutes`);
    await sleep(POLL_MS);
  }
  const outcome = OutcomeSchema.parse(JSON.parse(fs.readFileSync(outcomeFile, 'utf8')));
  if (!outcome.ok) throw new Error(`shared build "${name}" failed in another test file:\n${outcome.error}`);
  return schema.parse(outcome.value);
}

/**
 * The run's folder of shared builds: the one `npm test` made and named in SHARED_BUILDS_ENV (it starts
 * builds there before the site tests, see tests/site/prepare-shared-builds.ts), else the global setup's.
 */
function sharedBuildsDir(): string {
  return process.env[SHARED_BUILDS_ENV] || inject('sharedBuildsDir');
}

/** True when this worker created `dir` and so makes the build; false when another worker did. */
function claim(dir: string): boolean {
  try {
    fs.mkdirSync(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
