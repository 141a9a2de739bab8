/**
 * Global setup of the site tests: one temp folder for the builds the test files share (shared-build.ts),
 * removed when the run ends — or the folder `npm test` made (SHARED_BUILDS_ENV), which it removes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { SHARED_BUILDS_ENV } from '../../scripts/harness/temp-project.ts';

/** Makes the folder, hands its path to every test file, and returns its removal. */
export default function setup(project: TestProject): () => Promise<void> {
  // npm test made the folder and started builds in it before the run; it removes the folder itself.
  const prepared = process.env[SHARED_BUILDS_ENV];
  if (prepared) {
    project.provide('sharedBuildsDir', prepared);
    return async () => {};
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-shared-builds-'));
  project.provide('sharedBuildsDir', dir);
  // Removed without blocking: a synchronous removal of two project copies kept the run's event loop
  // busy long enough (over 10 s on a loaded machine) for vitest to report its workers as slow to stop.
  return () => fs.promises.rm(dir, { recursive: true, force: true });
}
