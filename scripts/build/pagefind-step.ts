/**
 * Build step 4: Pagefind indexes the built pages, for the search page's opt-in
 * extended search (src/scripts/search/extended.ts). Only data-pagefind-body
 * content is indexed; titles come from data-pagefind-meta="title" (badges are
 * data-pagefind-ignore), sections from the task headings' ids, and the filters
 * from data-pagefind-filter — the same attributes the exact index reads.
 *
 * Pagefind runs as its own process, alongside the exact search index and the
 * offline copy: those are JavaScript on one core, Pagefind is native code, and
 * none of them reads what another writes (the offline copy leaves pagefind/
 * out). On a 2,000-document corpus that saves about half a minute.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The pages that carry data-pagefind-body (document, concept and department pages). Pagefind
 * would skip the others anyway, but only after reading and parsing them: the original-text
 * pages alone are as large as the document pages.
 */
export const INDEXED_PAGES_GLOB = '{docs,concepts,departments}/*/index.html';

/** Pagefind's command line, run with this Node (the project's pinned runtime). */
export function pagefindArguments(siteDir: string): string[] {
  return ['--site', siteDir, '--glob', INDEXED_PAGES_GLOB, '--force-language', 'zh-cn', '--output-subdir', 'pagefind'];
}

/** The page count in Pagefind's log ("Indexed 325 pages"), or null when it has none. */
export function indexedPages(log: string): number | null {
  const m = /Indexed (\d+) pages?/.exec(log);
  return m ? Number(m[1]) : null;
}

/** Pagefind's command line: the package exports only its Node API, its CLI sits beside it (package.json "bin"). */
export function pagefindCli(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner', 'bin.cjs');
}

/**
 * Starts Pagefind on `siteDir` in the background; the promise settles when it has written
 * `siteDir/pagefind`, and rejects with the end of its log when it fails. Its output goes to a
 * file, not a pipe, so it never waits on this process while a step keeps the event loop busy.
 */
export function startPagefind(siteDir: string): Promise<{ pages: number; seconds: number }> {
  const start = performance.now();
  const cli = pagefindCli();
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-pagefind-')), 'pagefind.log');
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [cli, ...pagefindArguments(siteDir)], { stdio: ['ignore', log, log] });
  return new Promise((resolve, reject) => {
    const finish = (error: Error | null, code: number | null) => {
      fs.closeSync(log);
      const text = fs.readFileSync(logFile, 'utf8');
      fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
      const pages = indexedPages(text);
      if (error || code !== 0 || pages === null) {
        reject(new Error(`pagefind failed (${error?.message ?? `exit ${code}`}):\n${text.slice(-3000)}`));
      } else resolve({ pages, seconds: (performance.now() - start) / 1000 });
    };
    child.once('error', (error) => finish(error, null));
    child.once('exit', (code) => finish(null, code));
  });
}
