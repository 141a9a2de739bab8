import { describe, expect, it } from 'vitest';
import { siteFiles } from '../../../scripts/offline/offline-copy.ts';
import { offlinePage, rewriteSrcset, type OfflinePageOptions } from '../../../scripts/offline/offline-page.ts';

const files = siteFiles([
  'index.html',
  'docs/a/index.html',
  'search/index.html',
  '_astro/page.X1.js',
  '_astro/site.Y2.css',
  'offline/policy-atlas-offline.zip',
  'logo.png',
  'logo@2x.png',
]);

function rewrite(html: string, overrides: Partial<OfflinePageOptions> = {}): string {
  return offlinePage(html, {
    file: 'docs/a/index.html',
    site: { origin: 'https://example.org', base: '/policy-atlas/' },
    files,
    classicScript: (file) => {
      if (file !== '_astro/page.X1.js') throw new Error(`no classic version of ${file}`);
      return file.replace(/\.js$/, '.classic.js');
    },
    keepCanonical: true,
    isExcluded: (file) => file.startsWith('offline/'),
    ...overrides,
  });
}

describe('offlinePage', () => {
  it('rewrites links, stylesheets and the search form to relative file URLs', () => {
    const html = rewrite(
      '<link rel="stylesheet" href="/policy-atlas/_astro/site.Y2.css"><a href="/policy-atlas/">首页</a><form action="/policy-atlas/search/" method="get"><input name="q"></form>',
    );
    expect(html).toContain('href="../../_astro/site.Y2.css"');
    expect(html).toContain('<a href="../../index.html">');
    expect(html).toContain('action="../../search/index.html"');
  });

  it('turns a module script into a deferred classic script', () => {
    const html = rewrite('<script type="module" src="/policy-atlas/_astro/page.X1.js"></script>');
    expect(html).toContain('<script src="../../_astro/page.X1.classic.js" defer></script>');
    expect(html).not.toContain('type="module"');
  });

  it('fails loudly on a module script without a classic version or from another origin', () => {
    expect(() => rewrite('<script type="module" src="/policy-atlas/_astro/other.js"></script>')).toThrow(/no classic version/);
    expect(() => rewrite('<script type="module" src="https://cdn.example.com/x.js"></script>')).toThrow(/outside the site/);
  });

  it('drops module preloads and crossorigin, which fail for origin null', () => {
    const html = rewrite(
      '<link rel="modulepreload" href="/policy-atlas/_astro/page.X1.js"><link rel="stylesheet" crossorigin href="/policy-atlas/_astro/site.Y2.css">',
    );
    expect(html).not.toContain('modulepreload');
    expect(html).not.toContain('crossorigin');
  });

  it('keeps canonical URLs absolute when the site has a public origin and drops them when it has none', () => {
    const head =
      '<link rel="canonical" href="https://example.org/policy-atlas/docs/a/"><meta property="og:url" content="https://example.org/policy-atlas/docs/a/">';
    expect(rewrite(head)).toContain('href="https://example.org/policy-atlas/docs/a/"');
    const local = rewrite(head, { keepCanonical: false });
    expect(local).not.toContain('canonical');
    expect(local).not.toContain('og:url');
  });

  it('sends links to files left out of the copy to the hosted site, or removes them', () => {
    const link = '<p><a href="/policy-atlas/offline/policy-atlas-offline.zip" download>下载离线版</a></p>';
    expect(rewrite(link)).toContain('href="https://example.org/policy-atlas/offline/policy-atlas-offline.zip"');
    expect(rewrite(link, { keepCanonical: false })).toBe('<p></p>');
    // Not a link a reader follows: removed with its content.
    expect(rewrite('<p>a<script src="/policy-atlas/offline/x.js">var x = "</p>";</script>b</p>')).toBe('<p>ab</p>');
  });

  it('copies everything it does not change byte for byte: text, entities, attribute order and quotes', () => {
    const page =
      '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>A &amp; B</title></head><body><header>站</header><p class=\'x\' data-lines=1-2>甲&lt;乙&gt; &#x27;丙&#39;</p><svg viewBox="0 0 1 1"><use xlink:href="/policy-atlas/logo.png"/></svg></body></html>';
    const html = rewrite(page, { keepCanonical: false });
    expect(html).toContain('<title>A &amp; B</title>');
    expect(html).toContain("<p class='x' data-lines=1-2>甲&lt;乙&gt; &#x27;丙&#39;</p>");
    expect(html).toContain('<svg viewBox="0 0 1 1"><use xlink:href="../../logo.png"/></svg>');
    expect(html.replace(/<aside class="offline-banner".*?<\/aside>/, '').replace(' data-offline="true"', '')).toBe(
      page.replace('/policy-atlas/logo.png', '../../logo.png'),
    );
  });

  it('writes a changed attribute value with its entities escaped', () => {
    expect(rewrite('<a title="&quot;A&quot; &amp; B" href="/policy-atlas/search/?q=a&amp;b=c">搜</a>')).toBe(
      '<a title="&quot;A&quot; &amp; B" href="../../search/index.html?q=a&amp;b=c">搜</a>',
    );
  });

  it('adds the offline banner after the site header and links its stylesheet', () => {
    const html = rewrite('<!doctype html><html><head></head><body><header>站名</header><main>正文</main></body></html>', { bannerStylesheet: 'offline.css' });
    expect(html).toContain('<link rel="stylesheet" href="../../offline.css"></head>');
    expect(html).toMatch(/<\/header><aside class="offline-banner" aria-label="离线版说明"><p><strong>离线版<\/strong>/);
    expect(html).toContain('在线版：<a href="https://example.org/policy-atlas/">https://example.org/policy-atlas/</a>');
    expect(html).toContain('<html data-offline="true">');
    // Without a site header, the banner opens the body.
    expect(rewrite('<html><head></head><body><main>正文</main></body></html>', { bannerStylesheet: 'offline.css' })).toContain(
      '<body><aside class="offline-banner"',
    );
  });

  it('rewrites every URL of a srcset and the URL of a meta refresh', () => {
    const html = rewrite(
      '<img alt="" srcset="/policy-atlas/logo.png 1x, /policy-atlas/logo@2x.png 2x"><meta http-equiv="refresh" content="0;url=/policy-atlas/docs/a/">',
    );
    expect(html).toContain('srcset="../../logo.png 1x, ../../logo@2x.png 2x"');
    expect(html).toContain('content="0;url=index.html"');
  });
});

describe('rewriteSrcset', () => {
  it('keeps descriptors and commas inside URLs', () => {
    expect(rewriteSrcset('a.png 1x,b,c.png 2x', (url) => `[${url}]`)).toBe('[a.png] 1x, [b,c.png] 2x');
    expect(rewriteSrcset('a.png', (url) => `[${url}]`)).toBe('[a.png]');
  });
});
