/**
 * Builds the project for another SITE_URL in a throwaway copy of the tree, so
 * the hosted-under-a-subpath checks never touch dist/ or content/generated/
 * that other builds and tests are using. node_modules is shared package by
 * package (symlinks, scripts/harness/temp-project.ts), with its own cache
 * folders, so Astro's content cache of the copy stays apart from the real one.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { linkNodeModules } from '../../scripts/harness/temp-project.ts';

/** A built copy of the project; `siteDir` is its dist/. */
export interface SubpathBuild {
  root: string;
  siteDir: string;
  offlineDir: string;
  /** Removes the copy. */
  cleanup(): void;
}

const PROJECT = path.resolve(import.meta.dirname, '../..');
// Left behind: build output, generated content, caches, tests, git and dot-folders (scratch space).
const SKIPPED = new Set(['node_modules', 'dist', 'dist-offline', 'tests', 'content/generated', 'test-results', 'bench']);

/** True for the project files a build may read. */
function isSource(relative: string): boolean {
  return relative === '' || (!SKIPPED.has(relative) && !relative.startsWith('.') && !relative.includes('/.'));
}

/** Copies the project, runs `npm run build`'s script there with SITE_URL=`siteUrl`, and returns where the site is. */
export function buildWithSiteUrl(siteUrl: string): SubpathBuild {
  const root = mkdtempSync(path.join(tmpdir(), 'policy-atlas-subpath-'));
  const cleanup = (): void => rmSync(root, { recursive: true, force: true });
  try {
    cpSync(PROJECT, root, { recursive: true, filter: (source) => isSource(path.relative(PROJECT, source).split(path.sep).join('/')) });
    linkNodeModules(root);
    const result = spawnSync(process.execPath, ['scripts/build.ts'], {
      cwd: root,
      env: { ...process.env, SITE_URL: siteUrl, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`build with SITE_URL=${siteUrl} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  } catch (error) {
    cleanup();
    throw error;
  }
  return { root, siteDir: path.join(root, 'dist'), offlineDir: path.join(root, 'dist-offline'), cleanup };
}
