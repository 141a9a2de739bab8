/**
 * Global setup of the site tests: one temp folder for the builds the test files share (shared-build.ts),
 * removed when the run ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type {} from './shared-build.ts';

/** Makes the folder, hands its path to every test file, and returns its removal. */
export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-shared-builds-'));
  project.provide('sharedBuildsDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
