import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroEnv } from '../../../scripts/steps/astro-step.ts';

describe("Astro's process environment", () => {
  it('turns off the bundler allocator’s huge pages and purge delay unless the environment sets them', () => {
    const env = astroEnv({ PATH: '/bin' }, { ASTRO_TELEMETRY_DISABLED: '1' });
    expect(env).toMatchObject({ MIMALLOC_ALLOW_THP: '0', MIMALLOC_PURGE_DELAY: '0', PATH: '/bin', ASTRO_TELEMETRY_DISABLED: '1' });
    expect(astroEnv({ MIMALLOC_ALLOW_THP: '2' }, {}).MIMALLOC_ALLOW_THP).toBe('2');
  });

  // The settings are environment variables a dependency reads: if Astro's bundler stopped reading them (another
  // allocator, a renamed option), the build would silently lose what they win. mimalloc lists its options when verbose.
  it("is read by the allocator of Astro's bundler", () => {
    const viteRequire = createRequire(createRequire(path.resolve('package.json')).resolve('vite/package.json'));
    const rolldown = viteRequire.resolve('rolldown');
    const env = astroEnv({ PATH: process.env.PATH }, { MIMALLOC_VERBOSE: '1' });
    const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(rolldown)})`], { env, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/option 'allow_thp': 0\b/);
    expect(run.stderr).toMatch(/option 'purge_delay': 0\b/);
  });
});
