import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MDX_CACHE_ENV, mdxCacheEnv, mdxCacheFromEnv } from '../../../scripts/steps/mdx-cache.ts';
import { compileGeneratedMdx, compileOrReuse } from '../../../scripts/site/mdx-processor.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mdx-cache-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const PAGE = '<section id="item_1">\n\n<Fragment set:html={"<p>推动链长制</p>"} />\n\n</section>\n';
const FILE = '/project/content/generated/docs/a.mdx';

describe('the compiled-MDX cache', () => {
  it('is off unless the build asks for it', () => {
    expect(mdxCacheFromEnv({}, root)).toBeNull();
    expect(mdxCacheEnv(false)).toEqual({ [MDX_CACHE_ENV]: 'read' });
    expect(mdxCacheEnv(true)).toEqual({ [MDX_CACHE_ENV]: 'write' });
  });

  it('gives the next build the module compiled before, the same as compiling it', async () => {
    const dir = path.join(root, 'reuse');
    const first = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
    const compiled = await compileOrReuse(first, PAGE, FILE, {});
    first.finish();
    expect(first.summary()).toBe('0 of 1 from the cache');
    const second = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
    const reused = await compileOrReuse(second, PAGE, FILE, {});
    expect(second.summary()).toBe('1 of 1 from the cache');
    expect(reused).toEqual(compiled);
    expect(reused).toEqual(await compileGeneratedMdx(PAGE, FILE, {}));
  });

  it('misses when the page, its file or its front matter differ, and reads nothing in a clean build', async () => {
    const dir = path.join(root, 'keys');
    const cache = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
    cache.set(PAGE, FILE, {}, 'kept');
    cache.finish();
    const next = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
    expect(next.get(PAGE, FILE, {})).toBe('kept');
    expect(next.get(`${PAGE}\n`, FILE, {})).toBeUndefined();
    expect(next.get(PAGE, FILE.replace('a.mdx', 'b.mdx'), {})).toBeUndefined();
    expect(next.get(PAGE, FILE, { title: 'x' })).toBeUndefined();
    expect(mdxCacheFromEnv(mdxCacheEnv(true), dir)!.get(PAGE, FILE, {}), 'a clean build').toBeUndefined();
  });

  it('keeps only the entries the last build used', async () => {
    const dir = path.join(root, 'prune');
    const first = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
    first.set('a', FILE, {}, 'A');
    first.set('b', FILE, {}, 'B');
    first.finish();
    const second = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
    expect(second.get('a', FILE, {})).toBe('A');
    second.finish();
    const third = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
    expect(third.get('a', FILE, {})).toBe('A');
    expect(third.get('b', FILE, {})).toBeUndefined();
  });

  it('never keeps a page that does not compile', async () => {
    const dir = path.join(root, 'broken');
    const cache = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
    await expect(compileOrReuse(cache, '<p>\n', '/tmp/bad.mdx', {})).rejects.toThrow(/Expected a closing tag/);
    cache.finish();
    expect(fs.readdirSync(dir), 'no pack, and no partial one').toEqual([]);
  });
});
