/** Build step 3: runs `astro build` with this Node (the project's pinned runtime). */
import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs Astro's CLI in a child process, so this process can do other work meanwhile; rejects with
 * its exit code when the build fails (Astro prints the error itself).
 */
export function runAstroBuild(): Promise<void> {
  const cli = path.resolve('node_modules/astro/bin/astro.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'build', '--silent'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`astro build failed (${signal ?? `exit ${code}`}); see the output above`))));
  });
}
