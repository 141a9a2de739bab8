/**
 * The caches of rendered and rewritten pages at work, in the rebuild scenario's incremental build
 * (tests/site/rebuild-scenario.ts; that it writes what a clean build writes is tests/site/rebuild.test.ts):
 * with the seeds put back, Astro copies from its cache the pages whose data the changes did not touch
 * (their keys: src/lib/page-keys.ts) and renders the others, and the offline copy takes the rewrites of
 * unchanged pages from its cache (scripts/offline/page-cache.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type SecondBuild, secondBuild } from './rebuild-scenario.ts';

const ASTRO = /^build: astro: (\d+) of (\d+) keyed pages unchanged/m;
const OFFLINE = /^build: offline copy in .*?, (\d+) of (\d+) pages as the previous build rewrote them\)/m;

let second: SecondBuild;

beforeAll(async () => {
  second = await secondBuild();
}, 600_000);

/** [reused, all] from the line of the incremental build's log that `pattern` finds. */
function counts(pattern: RegExp): [number, number] {
  const m = pattern.exec(second.stdout);
  if (!m) throw new Error(`the incremental build's log has no line like ${pattern}:\n${second.stdout.slice(-3000)}`);
  return [Number(m[1]), Number(m[2])];
}

describe('an incremental build after documents were added, edited and removed', () => {
  it("copies the pages the changes did not touch from Astro's cache, and renders the others", () => {
    const [unchanged, keyed] = counts(ASTRO);
    expect(keyed).toBeGreaterThan(100);
    expect(unchanged, 'pages copied').toBeGreaterThan(0);
    expect(unchanged, 'pages rendered: the restored, edited-back and related ones').toBeLessThan(keyed);
  });

  it('takes the offline rewrites of unchanged pages from its cache, and rewrites the others', () => {
    const [reused, pages] = counts(OFFLINE);
    expect(reused).toBeGreaterThan(0);
    expect(reused).toBeLessThan(pages);
  });
});
