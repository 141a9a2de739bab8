/** Build step 3: runs `astro build` with this Node (the project's pinned runtime). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Runs Astro's CLI in a child process; throws with its exit code when the build fails. */
export function runAstroBuild(): void {
  const cli = path.resolve('node_modules/astro/bin/astro.mjs');
  const result = spawnSync(process.execPath, [cli, 'build', '--silent'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error(`astro build failed (exit ${result.status}); see the output above`);
}
