import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ASTRO_CACHE_DIR,
  finishAstroRun,
  forgetRenderedPages,
  readRenderRecord,
  startAstroRun,
  unchangedPages,
  type RenderRecord,
} from '../../../scripts/steps/astro-cache.ts';
import { dataKey } from '../../../src/lib/page-keys.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'astro-cache-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const DOC = 'src/pages/docs/[id]/index.astro';

/** A record of one route with the given pages (path → cacheKey). */
function record(pages: Record<string, string>, options: { dependencyHash?: string; configHash?: string } = {}): RenderRecord {
  return {
    configHash: options.configHash ?? 'config',
    lockfileHash: 'lock',
    routes: {
      [DOC]: {
        dependencyHash: options.dependencyHash ?? 'code',
        paths: Object.fromEntries(Object.entries(pages).map(([pathname, cacheKey]) => [pathname, { cacheKey }])),
      },
    },
  };
}

describe("Astro's render record", () => {
  it('counts as unchanged only the pages whose key and route code are those of the previous build', () => {
    const before = record({ '/docs/a/': 'ka', '/docs/b/': 'kb' });
    expect(unchangedPages(before, record({ '/docs/a/': 'ka', '/docs/b/': 'kb2', '/docs/c/': 'kc' }))).toEqual({ keyed: 3, unchanged: 1 });
    expect(unchangedPages(before, record({ '/docs/a/': 'ka' }, { dependencyHash: 'new code' }))).toEqual({ keyed: 1, unchanged: 0 });
    expect(unchangedPages(before, record({ '/docs/a/': 'ka' }, { configHash: 'new config' }))).toEqual({ keyed: 1, unchanged: 0 });
    expect(unchangedPages(null, record({ '/docs/a/': 'ka' }))).toEqual({ keyed: 1, unchanged: 0 });
  });

  it('is read from Astro’s cache folder and removed by a clean build', () => {
    fs.mkdirSync(path.join(root, ASTRO_CACHE_DIR), { recursive: true });
    const file = path.join(root, ASTRO_CACHE_DIR, 'incremental-build.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, keyDigest: 'x', ...record({ '/docs/a/': 'ka' }) }));
    expect(readRenderRecord(root)).toEqual(record({ '/docs/a/': 'ka' }));
    forgetRenderedPages(root);
    expect(fs.existsSync(file)).toBe(false);
    expect(readRenderRecord(root)).toBeNull();
  });
});

describe('a page key', () => {
  it('follows every value of its slice, and tells an absent value from an empty one', () => {
    const doc = { id: 'a', title: '甲' };
    expect(dataKey(doc, ['x'])).toBe(dataKey({ id: 'a', title: '甲' }, ['x']));
    expect(dataKey(doc, ['x'])).not.toBe(dataKey({ ...doc, title: '乙' }, ['x']));
    expect(dataKey(doc, ['x'])).not.toBe(dataKey(doc, ['x', 'y']));
    expect(dataKey(undefined, [])).not.toBe(dataKey([], undefined));
  });
});

describe('an Astro run', () => {
  it('forgets the record when the run before it did not finish, or when the build is clean', () => {
    const project = path.join(root, 'runs');
    const file = path.join(project, ASTRO_CACHE_DIR, 'incremental-build.json');
    const write = () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(record({ '/docs/a/': 'ka' })));
    };
    write();
    expect(startAstroRun(false, project)).toEqual(record({ '/docs/a/': 'ka' }));
    finishAstroRun(project);
    expect(startAstroRun(false, project), 'after a finished run').not.toBeNull();
    // This run is not finished (failed or killed): the next one renders every page.
    expect(startAstroRun(false, project)).toBeNull();
    finishAstroRun(project);
    write();
    expect(startAstroRun(true, project), 'a clean build').toBeNull();
    finishAstroRun(project);
  });
});
