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
    cache.set(PAGE, FILE, {}, 'kept', null);
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
    first.set('a', FILE, {}, 'A', null);
    first.set('b', FILE, {}, 'B', null);
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
    expect(fs.readdirSync(dir), 'no pack, and no partial one').toEqual(['mdx-html']);
    expect(fs.readdirSync(path.join(dir, 'mdx-html'))).toEqual([]);
  });

  describe("a page's long HTML, kept out of its module", () => {
    const LONG = `<p id="para-1">${'推动“链长制”落地，\\强化 </script> 链主企业带动。'.repeat(40)}</p>`;
    const LONG_PAGE = `<Fragment set:html={${JSON.stringify(LONG)}} />\n`;
    const htmlFiles = (dir: string) => fs.readdirSync(path.join(dir, 'mdx-html'));

    it('is one file named by its content, which the module names and the next build reuses', async () => {
      const dir = path.join(root, 'html');
      const first = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
      const compiled = await compileOrReuse(first, LONG_PAGE, FILE, {});
      first.finish();
      const [name] = htmlFiles(dir);
      expect(htmlFiles(dir)).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.json$/)]);
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'mdx-html', name), 'utf8'))).toEqual([LONG]);
      expect(compiled.code).toContain(path.join(path.resolve(dir), 'mdx-html', name));
      expect(compiled.code).not.toContain('链主企业');
      const second = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
      expect(await compileOrReuse(second, LONG_PAGE, FILE, {})).toEqual(compiled);
      expect(second.summary()).toBe('1 of 1 from the cache');
      second.finish();
      expect(htmlFiles(dir)).toEqual([name]);
    });

    it('compiles a page anew when its file is gone, and removes files no page uses', async () => {
      const dir = path.join(root, 'html-gone');
      const first = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
      const compiled = await compileOrReuse(first, LONG_PAGE, FILE, {});
      first.finish();
      const [name] = htmlFiles(dir);
      fs.rmSync(path.join(dir, 'mdx-html', name));
      const second = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
      expect(await compileOrReuse(second, LONG_PAGE, FILE, {})).toEqual(compiled);
      expect(second.summary()).toBe('0 of 1 from the cache');
      second.finish();
      expect(htmlFiles(dir)).toEqual([name]);
      const third = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
      await compileOrReuse(third, LONG_PAGE.replace('链长制', '链主制'), FILE, {});
      third.finish();
      expect(htmlFiles(dir), "the edited page's file only").toEqual([expect.not.stringMatching(name)]);
    });

    it('is written anew by a clean build', async () => {
      const dir = path.join(root, 'html-clean');
      const first = mdxCacheFromEnv(mdxCacheEnv(false), dir)!;
      await compileOrReuse(first, LONG_PAGE, FILE, {});
      first.finish();
      const [name] = htmlFiles(dir);
      fs.writeFileSync(path.join(dir, 'mdx-html', name), '["damaged"]');
      const clean = mdxCacheFromEnv(mdxCacheEnv(true), dir)!;
      await compileOrReuse(clean, LONG_PAGE, FILE, {});
      clean.finish();
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'mdx-html', name), 'utf8'))).toEqual([LONG]);
    });
  });
});
