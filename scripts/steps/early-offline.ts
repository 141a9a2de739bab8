/**
 * Build step 5, started early: the offline copy's pages rewritten while Astro renders (scripts/offline/early-rewrite.ts),
 * in a child process that runs only when a core is idle (runWhenIdle). The copy made after Astro (offline-step.ts)
 * gets what it did: rewrites it checks and reuses, the pages' cache keys (while a page's stamp is unchanged it is
 * not read and hashed again) and the rewritten pages' zip entries.
 *
 * Nothing depends on it but time: if it fails or is slow, the copy after Astro does the pages itself.
 */
import { fork, spawnSync } from 'node:child_process';
import os from 'node:os';
import type { EarlyCommand, EarlyReport } from '../offline/early-pages.ts';
import type { EarlyJob, EarlyPage, EarlyPages } from '../offline/early-rewrite.ts';
import { stopWithBuild } from './interrupt.ts';

export type { EarlyPages };

const EARLY_PAGES = new URL('../offline/early-pages.ts', import.meta.url);

/**
 * Puts process `pid` below every other: Linux's SCHED_IDLE policy (util-linux's chrt) where there is one, and
 * nice 19 besides. Nice 19 alone did not keep it off Astro's back: over three interleaved pairs of clean builds
 * at 2,019 documents, Astro took 13–17 s longer while the copy after it took 10–16 s less, no gain (likely because
 * a nice 19 process keeps a core until its slice ends when one of Astro's threads wakes, thousands of times as
 * pages are written, where a SCHED_IDLE one gives it up at once; a SCHED_IDLE busy loop beside seeds builds cost
 * Astro nothing measurable). With it, three pairs: Astro within the noise (−11 to +4 s), the
 * copy after it 20–27 s instead of 29–50 s, the whole build 0.85–0.96 of the clean builds beside it (README).
 * Where neither is allowed or there is no chrt, the child shares the cores with the build, which only costs time.
 */
function runWhenIdle(pid: number): void {
  try {
    os.setPriority(pid, 19);
  } catch {}
  if (process.platform === 'linux') spawnSync('chrt', ['--idle', '-p', '0', String(pid)], { stdio: 'ignore' });
}

/** The early rewrite, running; `finish` stops it and resolves with what it did. */
export interface EarlyRun {
  finish(): Promise<EarlyPages>;
  /** Pages reported so far. */
  readonly taken: number;
}

/** Starts the early rewrite of `job`'s pages; `idle`: in a process that runs only on a core nothing else wants (runWhenIdle). */
export function startEarlyPages(job: EarlyJob, idle = true): EarlyRun {
  const result: EarlyPages = { known: new Map(), stored: [], deflated: new Map() };
  const child = fork(EARLY_PAGES, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  stopWithBuild(child);
  if (idle && child.pid !== undefined) runWhenIdle(child.pid);
  const ended = new Promise<void>((resolve) => {
    child.on('message', (report: EarlyReport) => {
      if (report.type === 'pages') for (const page of report.pages) add(result, page);
      else resolve();
    });
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  send(child, { type: 'start', job });
  return {
    get taken() {
      return result.known.size;
    },
    async finish() {
      send(child, { type: 'stop' });
      await ended;
      return result;
    },
  };
}

function send(child: ReturnType<typeof fork>, command: EarlyCommand): void {
  if (child.connected) child.send(command);
}

function add(result: EarlyPages, page: EarlyPage): void {
  result.known.set(page.file, { key: page.key, stamp: page.stamp });
  if (page.rewritten) result.stored.push(page.key);
  if (page.deflated) result.deflated.set(page.file, page.deflated);
  else result.deflated.delete(page.file);
}
