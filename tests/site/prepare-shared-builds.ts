/**
 * Makes the shared builds the site tests read, ahead of them: `npm test` runs this alongside the unit
 * tests and the build of the seeds (scripts/test.ts), in the folder it names in SHARED_BUILDS_ENV, since
 * that phase leaves part of a core idle. The site test files then find the build made (shared-build.ts);
 * a failure here is written where they read it, so the file that needs the build reports it.
 *   node tests/site/prepare-shared-builds.ts
 */
import { firstBuild } from './rebuild-scenario.ts';
import { SHARED_BUILDS_ENV } from '../../scripts/harness/temp-project.ts';

if (!process.env[SHARED_BUILDS_ENV]) {
  console.error(`prepare-shared-builds: set ${SHARED_BUILDS_ENV} to the folder the site tests will read`);
  process.exit(2);
}
try {
  const built = await firstBuild();
  console.log(`prepare-shared-builds: first build of the rebuild scenario in ${built.projectDir}`);
} catch (error) {
  // Recorded for the test files (shared-build.ts); they fail with it.
  console.error('prepare-shared-builds: the first build of the rebuild scenario failed:', error);
}
