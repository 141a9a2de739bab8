/**
 * What a build does when it fails or is interrupted: stop the processes it started (Astro, Pagefind's
 * service), say that the published site is untouched, and exit non-zero. The steps write only under
 * .build/staging/ (scripts/steps/staging.ts), so there is nothing to undo.
 */
import type { ChildProcess } from 'node:child_process';

/** How long a child gets to exit after SIGTERM before it is killed. */
const GRACE_MS = 5000;

const children = new Set<ChildProcess>();
const closers = new Set<() => Promise<unknown> | unknown>();
let stopping = false;

/** Registers a child process to stop when the build fails or is interrupted. */
export function stopWithBuild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** Registers a function that stops a service the build started (e.g. Pagefind's `close`). */
export function closeWithBuild(close: () => Promise<unknown> | unknown): void {
  closers.add(close);
}

/** True once the build has begun to stop, so a step's own failure is not reported twice. */
export function isStopping(): boolean {
  return stopping;
}

/** Sends SIGTERM to every registered child, waits for each to exit (SIGKILL after a grace period), and runs the closers. */
export async function stopChildren(): Promise<void> {
  const exits = [...children].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), GRACE_MS);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );
  await Promise.all([
    ...exits,
    ...[...closers].map(async (close) => {
      try {
        await close();
      } catch {
        /* already closed */
      }
    }),
  ]);
}

/** What the build says about the published site when it stops without publishing. */
export interface FailureNotice {
  /** The published site folder (dist). */
  siteDir: string;
  /** Whether there was a published site before this build. */
  hadSite: boolean;
  /** Where the unfinished output was left. */
  stagingDir: string;
}

/** The closing line of a failed build. */
export function failureMessage(notice: FailureNotice): string {
  const kept = notice.hadSite
    ? `the previous site in ${notice.siteDir}/ is unchanged`
    : `there was no previous site in ${notice.siteDir}/, and none was written`;
  return `build failed; ${kept} (the unfinished output in ${notice.stagingDir}/ is removed by the next build)`;
}

/**
 * Stops the build: stops its children, prints `reason` and the failure notice, exits with `code`.
 * A second call (a signal during a failure) does nothing.
 */
export async function stopBuild(reason: unknown, notice: FailureNotice, code = 1): Promise<never> {
  if (stopping) return new Promise<never>(() => {});
  stopping = true;
  await stopChildren();
  if (reason !== undefined) console.error(reason instanceof Error ? (reason.stack ?? reason.message) : String(reason));
  console.error(failureMessage(notice));
  process.exit(code);
}

/**
 * On SIGINT or SIGTERM, stops the build as {@link stopBuild} does and exits with 128 + the signal's number
 * (130, 143), unless `published()` says the new site is already in place.
 */
export function stopOnSignals(notice: FailureNotice, published: () => boolean): void {
  const numbers: Record<string, number> = { SIGINT: 2, SIGTERM: 15 };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (published()) process.exit(128 + numbers[signal]);
      void stopBuild(`build: interrupted by ${signal}`, notice, 128 + numbers[signal]);
    });
  }
}
