/**
 * Generated files a build step is still writing while Astro already runs. The build starts Astro
 * first, so that its start-up (loading its code and the config, about 0.7 s) overlaps the ingest;
 * its content loaders wait until the MDX pages are written (PAGES_READY_FILE), and its pages read the
 * site data, compare.json and relations.json only when they render, after Astro has bundled them,
 * while the compare stage finishes on its worker thread. The build names them in
 * {@link PENDING_FILES_ENV}; a reader that finds one missing waits until it appears, and its writer
 * puts it in place whole (putWholeFile, whole-file.ts), so a reader never sees part of it.
 * Outside a build (the variable unset), a missing file is an error at once, as before.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The environment variable listing the pending files (path.delimiter between them). */
export const PENDING_FILES_ENV = 'POLICY_ATLAS_PENDING_FILES';

/** Written once every generated MDX page (documents and concepts) is in place; Astro's content loaders wait for it. */
export const PAGES_READY_FILE = 'content/generated/pages-ready';

/** How long a reader waits: far longer than the compare stage takes on 5,000 documents (about 30 s). */
const WAIT_MS = 15 * 60_000;
/** Between two looks at the file. */
const POLL_MS = 20;

/** The environment entry that tells a reader (Astro's process) to wait for `files`. */
export function pendingFilesEnv(files: readonly string[]): Record<string, string> {
  return { [PENDING_FILES_ENV]: files.map((f) => path.resolve(f)).join(path.delimiter) };
}

/**
 * Returns once `file` exists, if it is pending; at once otherwise. Synchronous, because the pages read
 * the generated data synchronously; the process has nothing else to do meanwhile.
 */
export function waitForPendingFile(file: string, env: NodeJS.ProcessEnv = process.env, waitMs = WAIT_MS): void {
  if (!isPending(file, env) || fs.existsSync(file)) return;
  const until = Date.now() + waitMs;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (!fs.existsSync(file)) {
    checkWaited(file, until, waitMs);
    Atomics.wait(sleeper, 0, 0, POLL_MS);
  }
}

/**
 * Resolves once `file` exists, if it is pending; at once otherwise. For Astro's content loaders, which
 * are asynchronous: Astro's other start-up work goes on meanwhile.
 */
export async function pendingFileWritten(file: string, env: NodeJS.ProcessEnv = process.env, waitMs = WAIT_MS): Promise<void> {
  if (!isPending(file, env)) return;
  const until = Date.now() + waitMs;
  while (!fs.existsSync(file)) {
    checkWaited(file, until, waitMs);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Whether the build named `file` as one it is still writing. */
function isPending(file: string, env: NodeJS.ProcessEnv): boolean {
  return (env[PENDING_FILES_ENV] ?? '').split(path.delimiter).includes(path.resolve(file));
}

/** Throws once a reader has waited `waitMs` (until `until`) for `file`. */
function checkWaited(file: string, until: number, waitMs: number): void {
  if (Date.now() > until) throw new Error(`${file}: not written after ${Math.round(waitMs / 1000)} s; the build writes it while Astro runs`);
}
