import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileFor, offlineUrl, relativeUrl, servedPath, siteTarget, type SiteFiles } from '../../../scripts/offline/site-urls.ts';
import { siteFiles } from '../../../scripts/offline/offline-copy.ts';

const files: SiteFiles = siteFiles([
  'index.html',
  'docs/a/index.html',
  'docs/a/source/index.html',
  'concepts/新型工业化/index.html',
  'data/documents.json',
  '_astro/site.Ab12Cd34.css',
  'about.html',
]);
const root = { origin: 'https://example.org', base: '/' };
const sub = { origin: 'https://example.org', base: '/policy-atlas/' };

describe('servedPath', () => {
  it('serves a folder index at the folder and other files at their own name', () => {
    expect(servedPath('index.html')).toBe('');
    expect(servedPath('docs/a/index.html')).toBe('docs/a/');
    expect(servedPath('404.html')).toBe('404.html');
  });
});

describe('fileFor', () => {
  it('names index.html for a folder, with or without its slash', () => {
    expect(fileFor('', files)).toBe('index.html');
    expect(fileFor('docs/a/', files)).toBe('docs/a/index.html');
    expect(fileFor('docs/a', files)).toBe('docs/a/index.html');
  });

  it('keeps files and finds build.format "file" pages', () => {
    expect(fileFor('data/documents.json', files)).toBe('data/documents.json');
    expect(fileFor('about', files)).toBe('about.html');
  });
});

describe('siteTarget', () => {
  it('leaves fragments, other schemes and other origins alone', () => {
    for (const url of ['#item_3', '', 'mailto:a@b.cn', 'data:image/png;base64,AA', 'javascript:void 0', 'https://www.gov.cn/x/', '//cdn.example.com/x.js']) {
      expect(siteTarget(url, 'index.html', root, files), url).toBeNull();
    }
  });

  it('leaves URLs outside the base path alone', () => {
    expect(siteTarget('/other/', 'index.html', sub, files)).toBeNull();
  });

  it('recognises absolute URLs on the site origin as site links', () => {
    expect(siteTarget('https://example.org/policy-atlas/docs/a/#sec_1', 'index.html', sub, files)).toEqual({ file: 'docs/a/index.html', suffix: '#sec_1' });
  });
});

describe('offlineUrl', () => {
  it('makes root-relative links relative and names index.html', () => {
    expect(offlineUrl('/docs/a/', 'index.html', root, files)).toBe('docs/a/index.html');
    expect(offlineUrl('/', 'docs/a/index.html', root, files)).toBe('../../index.html');
    expect(offlineUrl('/docs/a/source/', 'docs/a/index.html', root, files)).toBe('source/index.html');
  });

  it('strips the base path of a site served under a subpath', () => {
    expect(offlineUrl('/policy-atlas/_astro/site.Ab12Cd34.css', 'docs/a/index.html', sub, files)).toBe('../../_astro/site.Ab12Cd34.css');
  });

  it('keeps the query and the task anchor', () => {
    expect(offlineUrl('/policy-atlas/docs/a/#sec_2__subsec_1__item_3', 'index.html', sub, files)).toBe('docs/a/index.html#sec_2__subsec_1__item_3');
    expect(offlineUrl('/policy-atlas/?q=%E9%93%BE', 'docs/a/index.html', sub, files)).toBe('../../index.html?q=%E9%93%BE');
  });

  it('resolves links that were already relative against the served URL', () => {
    expect(offlineUrl('source/#L12', 'docs/a/index.html', root, files)).toBe('source/index.html#L12');
    expect(offlineUrl('../', 'docs/a/source/index.html', root, files)).toBe('../index.html');
  });

  it('percent-encodes non-ASCII folders so the link survives any file system', () => {
    expect(offlineUrl('/concepts/%E6%96%B0%E5%9E%8B%E5%B7%A5%E4%B8%9A%E5%8C%96/', 'index.html', root, files)).toBe(
      'concepts/%E6%96%B0%E5%9E%8B%E5%B7%A5%E4%B8%9A%E5%8C%96/index.html',
    );
  });

  it('returns links that leave the site unchanged', () => {
    expect(offlineUrl('https://www.gov.cn/zhengce/', 'index.html', root, files)).toBe('https://www.gov.cn/zhengce/');
    expect(offlineUrl('#main', 'docs/a/index.html', root, files)).toBe('#main');
  });
});

describe('relativeUrl', () => {
  // What the segment-by-segment path must agree with: path.posix.relative, then each segment encoded.
  const viaPosix = (from: string, file: string) =>
    path.posix
      .relative(path.posix.dirname(from), file)
      .split('/')
      .map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s).replace(/%(?:40|24|26|2B|3B|3D)/g, decodeURIComponent)))
      .join('/');

  it('gives what path.posix.relative gives, for pages at every depth and files in every folder', () => {
    const pages = ['index.html', '404.html', 'docs/a/index.html', 'docs/a/source/index.html', 'docs/ab/index.html', 'concepts/新型工业化/index.html'];
    const targets = [...pages, 'docs/a/x.json', 'docs/index.html', '_astro/site.Ab12Cd34.css', 'data/a b+c@d.json', 'docs/a', 'docs'];
    for (const from of pages)
      for (const file of targets) expect(relativeUrl(from, { file, suffix: '#x' }), `${from} → ${file}`).toBe(`${viaPosix(from, file)}#x`);
  });

  it('goes up to a folder above the page without a trailing slash, as path.posix does', () => {
    expect(relativeUrl('docs/a/source/index.html', { file: 'docs/a', suffix: '' })).toBe('..');
    expect(relativeUrl('docs/a/index.html', { file: 'docs', suffix: '' })).toBe('..');
  });

  it('resolves paths with dot or empty segments as path.posix does', () => {
    for (const [from, file] of [
      ['docs/a/index.html', 'docs/./b/index.html'],
      ['docs/a/index.html', 'docs/a/../b/index.html'],
      ['docs//a/index.html', 'docs/b/index.html'],
    ])
      expect(relativeUrl(from, { file, suffix: '' })).toBe(viaPosix(from, file));
  });
});
