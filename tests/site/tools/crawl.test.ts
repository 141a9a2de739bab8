import { describe, expect, it } from 'vitest';
import { crawlSite, type LinkProblem } from '../crawl.ts';
import { collectPageLinks, duplicateIds, srcsetUrls } from '../page-refs.ts';
import { resolveRef, type SiteIndex } from '../resolve-ref.ts';
import { fromHtml } from 'hast-util-from-html';

const FIXTURES = 'tests/fixtures/site';
const MISSING_HINT = 'fix the link or build the page it names (paths are case-sensitive)';
const FRAGMENT_HINT = 'ids are case-sensitive; link to an id the target page renders, or add the id there';

/** Shorthand for an expected problem. */
function problem(place: string, code: string, url: string, message: string, hint: string): LinkProblem {
  const [file = '', line = 0, column = 0] = place.split(':').map((part, i) => (i === 0 ? part : Number(part))) as [string, number, number];
  return { severity: 'error', code, message, hint, file, line, column, url };
}

describe('crawlSite on a served site', () => {
  it('finds nothing wrong with the basic fixture and lists its external links', () => {
    const result = crawlSite({ root: `${FIXTURES}/basic`, base: '/policy-atlas/' });
    expect(result.problems).toEqual([]);
    expect(result.pages).toBe(8);
    expect(result.checked).toBeGreaterThan(60);
    expect(result.external.map((link) => link.url)).toEqual(['https://www.gov.cn/', 'mailto:feedback@example.org']);
  });

  it('reports every kind of broken link with its file and line', () => {
    const result = crawlSite({ root: `${FIXTURES}/broken`, base: '/policy-atlas/' });
    expect(result.problems).toEqual([
      problem(
        'index.html:6:1',
        'link/missing',
        '/policy-atlas/_astro/gone.css',
        'link[href] "/policy-atlas/_astro/gone.css": _astro/gone.css does not exist',
        MISSING_HINT,
      ),
      problem(
        'index.html:14:4',
        'link/missing',
        '/policy-atlas/docs/missing/',
        'a[href] "/policy-atlas/docs/missing/": docs/missing/index.html does not exist',
        MISSING_HINT,
      ),
      problem(
        'index.html:15:4',
        'link/fragment',
        '/policy-atlas/other/#nope',
        'a[href] "/policy-atlas/other/#nope": other/index.html has no element with id="nope"',
        FRAGMENT_HINT,
      ),
      problem('index.html:16:4', 'link/fragment', '#absent', 'a[href] "#absent": index.html has no element with id="absent"', FRAGMENT_HINT),
      problem(
        'index.html:17:4',
        'link/outside-base',
        '/elsewhere/',
        'a[href] "/elsewhere/" points to /elsewhere/, outside the base path /policy-atlas/',
        'prefix it with the base (import.meta.env.BASE_URL in Astro) or make it relative',
      ),
      problem(
        'index.html:18:4',
        'link/missing',
        '/policy-atlas/assets/',
        'a[href] "/policy-atlas/assets/": the folder assets/ has no index.html',
        MISSING_HINT,
      ),
      problem(
        'index.html:19:4',
        'link/bad-encoding',
        '/policy-atlas/%E4%ZZ/',
        'a[href] "/policy-atlas/%E4%ZZ/" has a broken %-escape',
        'percent-encode the path with encodeURIComponent, segment by segment',
      ),
      problem(
        'index.html:20:4',
        'link/javascript',
        'javascript:void(0)',
        'a[href] "javascript:void(0)" runs script from a link',
        'use a <button> and attach the behaviour in a bundled script',
      ),
      problem('index.html:21:4', 'link/missing', 'img/missing.png', 'img[src] "img/missing.png": img/missing.png does not exist', MISSING_HINT),
      problem(
        'index.html:22:4',
        'link/missing',
        '/policy-atlas/assets/logo@2x.svg',
        'img[srcset] "/policy-atlas/assets/logo@2x.svg": assets/logo@2x.svg does not exist',
        MISSING_HINT,
      ),
      problem(
        'index.html:23:1',
        'link/missing',
        '/policy-atlas/search/',
        'form[action] "/policy-atlas/search/": search/index.html does not exist',
        MISSING_HINT,
      ),
      problem(
        'index.html:25:4',
        'link/localhost',
        'http://127.0.0.1:4321/docs/',
        'a[href] "http://127.0.0.1:4321/docs/" points at a server on the build machine; it breaks once the site is deployed',
        'set SITE_URL for the build (Astro `site`), or make the link relative',
      ),
    ]);
    // preconnect names an origin, not a file; data: URLs are inert.
    expect(result.external).toEqual([
      { url: 'https://img.example.net/remote.png', file: 'a11y-bad.html', line: 14 },
      { url: 'https://www.gov.cn/', file: 'index.html', line: 24 },
    ]);
  });

  it('finds the same site broken when checked under the wrong base path', () => {
    const result = crawlSite({ root: `${FIXTURES}/basic`, base: '/' });
    expect(new Set(result.problems.map((p) => p.code))).toEqual(new Set(['link/missing']));
  });
});

describe('crawlSite on an offline copy (file://)', () => {
  it('accepts relative links that name files', () => {
    const result = crawlSite({ root: `${FIXTURES}/offline`, offline: true });
    expect(result).toEqual({ pages: 2, checked: 6, external: [{ url: 'https://www.gov.cn/', file: 'index.html', line: 5 }], problems: [] });
  });

  it('rejects root-relative links, folder links and links out of the copy', () => {
    const result = crawlSite({ root: `${FIXTURES}/offline-broken`, offline: true });
    expect(result.problems).toEqual([
      problem(
        'docs/a/index.html:4:27',
        'link/fragment',
        '../../index.html#nope',
        'a[href] "../../index.html#nope": index.html has no element with id="nope"',
        FRAGMENT_HINT,
      ),
      problem(
        'index.html:6:4',
        'offline/absolute',
        '/docs/a/index.html',
        'a[href] "/docs/a/index.html" is root-relative; opened from disk it points at the root of the file system',
        'make the link relative to the page (e.g. ../x/index.html)',
      ),
      problem(
        'index.html:7:4',
        'offline/folder',
        'docs/a/',
        'a[href] "docs/a/" names a folder; file:// shows a folder listing, not its index.html',
        'link to docs/a/index.html instead',
      ),
      problem(
        'index.html:8:4',
        'offline/folder',
        'docs/a',
        'a[href] "docs/a" names a folder; file:// shows a folder listing, not its index.html',
        'link to docs/a/index.html instead',
      ),
      problem(
        'index.html:9:4',
        'offline/outside',
        '../outside.html',
        'a[href] "../outside.html" climbs out of the offline copy',
        'remove the extra ../ so the link stays inside the copy',
      ),
      problem(
        'index.html:10:4',
        'link/missing',
        'docs/b/index.html',
        'a[href] "docs/b/index.html": docs/b/index.html does not exist in the offline copy',
        'fix the link or copy the file it names',
      ),
    ]);
  });

  it('rejects the served fixture as an offline copy, since it links root-relatively', () => {
    const result = crawlSite({ root: `${FIXTURES}/basic`, offline: true });
    expect(result.problems.filter((p) => p.code === 'offline/absolute').length).toBeGreaterThan(10);
  });
});

describe('resolveRef', () => {
  const index: SiteIndex = {
    files: new Set(['index.html', 'docs/a/index.html', 'concepts/新型工业化/index.html', 'about.html']),
    dirs: new Set(['', 'docs', 'docs/a', 'concepts', 'concepts/新型工业化']),
  };
  const served = { base: '/x/', offline: false, site: 'https://example.org' };

  it('resolves folder URLs, Chinese paths, .html-less names, queries and fragments', () => {
    expect(resolveRef('/x/docs/a/?q=1#sec_1', 'index.html', undefined, index, served)).toEqual({
      kind: 'internal',
      target: 'docs/a/index.html',
      fragment: 'sec_1',
    });
    expect(resolveRef('../../concepts/新型工业化/#%E5%AE%9A%E4%B9%89', 'docs/a/index.html', undefined, index, served)).toEqual({
      kind: 'internal',
      target: 'concepts/新型工业化/index.html',
      fragment: '定义',
    });
    expect(resolveRef('/x/about', 'index.html', undefined, index, served)).toEqual({ kind: 'internal', target: 'about.html', fragment: '' });
    expect(resolveRef('/x/docs/a', 'index.html', undefined, index, served)).toEqual({ kind: 'internal', target: 'docs/a/index.html', fragment: '' });
    expect(resolveRef('  a/  ', 'docs/index.html', undefined, index, served)).toEqual({ kind: 'internal', target: 'docs/a/index.html', fragment: '' });
  });

  it('follows <base href>', () => {
    expect(resolveRef('a/', 'index.html', '/x/docs/', index, served)).toEqual({ kind: 'internal', target: 'docs/a/index.html', fragment: '' });
  });

  it('treats absolute links to the deployed site as internal and other origins as external', () => {
    expect(resolveRef('https://example.org/x/docs/a/', 'index.html', undefined, index, served)).toEqual({
      kind: 'internal',
      target: 'docs/a/index.html',
      fragment: '',
    });
    expect(resolveRef('https://example.org/x/nope/', 'index.html', undefined, index, served)).toMatchObject({ kind: 'problem', code: 'link/missing' });
    expect(resolveRef('//cdn.example.net/a.js', 'index.html', undefined, index, served)).toEqual({ kind: 'external', url: '//cdn.example.net/a.js' });
    expect(resolveRef('tel:0531-1234', 'index.html', undefined, index, served)).toEqual({ kind: 'external', url: 'tel:0531-1234' });
  });

  it('skips empty and data: URLs', () => {
    expect(resolveRef('', 'index.html', undefined, index, served)).toEqual({ kind: 'skip' });
    expect(resolveRef('data:image/png;base64,AAAA', 'index.html', undefined, index, served)).toEqual({ kind: 'skip' });
  });
});

describe('page-refs', () => {
  it('collects URLs from every linking attribute, with lines', () => {
    const tree = fromHtml(
      [
        '<meta http-equiv="refresh" content="0;url=/x/new/"><meta property="og:url" content="https://example.org/x/"><meta property="og:title" content="标题">',
        '<link rel="stylesheet" href="a.css"><link rel="dns-prefetch" href="//cdn.example.net">',
        '<img src="i.png" srcset="i.png 1x, i,2.png 2x"><form action="/s/"><button formaction="/t/">t</button></form>',
        '<svg><use href="#icon"></use></svg><a name="old">x</a><p id="new">y</p>',
      ].join('\n'),
    );
    const links = collectPageLinks(tree);
    expect(links.refs.map((ref) => `${ref.line} ${ref.element}[${ref.attribute}] ${ref.url}`)).toEqual([
      '1 meta[content] /x/new/',
      '1 meta[content] https://example.org/x/',
      '2 link[href] a.css',
      '3 img[src] i.png',
      '3 img[srcset] i.png',
      '3 img[srcset] i,2.png',
      '3 form[action] /s/',
      '3 button[formaction] /t/',
      '4 use[href] #icon',
    ]);
    expect(links.anchors).toEqual(new Set(['old', 'new']));
  });

  it('splits srcset the way browsers do', () => {
    expect(srcsetUrls('a.png 1x, b.png 2x')).toEqual(['a.png', 'b.png']);
    expect(srcsetUrls('a.png,b.png 2x')).toEqual(['a.png,b.png']);
    expect(srcsetUrls('a.png, b.png')).toEqual(['a.png', 'b.png']);
    expect(srcsetUrls(' a.png 480w , img/b(1).png 800w ')).toEqual(['a.png', 'img/b(1).png']);
  });

  it('finds duplicate ids with the lines of each use', () => {
    expect(duplicateIds(fromHtml('<p id="a">1</p>\n<p id="b">2</p>\n<p id="a">3</p>'))).toEqual([{ id: 'a', lines: [1, 3] }]);
  });
});
