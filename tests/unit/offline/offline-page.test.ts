import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { siteFiles } from '../../../scripts/offline/offline-copy.ts';
import { rehypeOffline, rewriteSrcset, type RehypeOfflineOptions } from '../../../scripts/offline/rehype-offline.ts';

const files = siteFiles(['index.html', 'docs/a/index.html', 'search/index.html', '_astro/page.X1.js', '_astro/site.Y2.css', 'offline/policy-atlas-offline.zip', 'logo.png', 'logo@2x.png']);

function rewrite(html: string, overrides: Partial<RehypeOfflineOptions> = {}): string {
  const tree = fromHtml(html);
  rehypeOffline({
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
  })(tree);
  return toHtml(tree);
}

describe('rehypeOffline', () => {
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
    const html = rewrite('<link rel="modulepreload" href="/policy-atlas/_astro/page.X1.js"><link rel="stylesheet" crossorigin href="/policy-atlas/_astro/site.Y2.css">');
    expect(html).not.toContain('modulepreload');
    expect(html).not.toContain('crossorigin');
  });

  it('keeps canonical URLs absolute when the site has a public origin and drops them when it has none', () => {
    const head = '<link rel="canonical" href="https://example.org/policy-atlas/docs/a/"><meta property="og:url" content="https://example.org/policy-atlas/docs/a/">';
    expect(rewrite(head)).toContain('href="https://example.org/policy-atlas/docs/a/"');
    const local = rewrite(head, { keepCanonical: false });
    expect(local).not.toContain('canonical');
    expect(local).not.toContain('og:url');
  });

  it('sends links to files left out of the copy to the hosted site, or removes them', () => {
    const link = '<p><a href="/policy-atlas/offline/policy-atlas-offline.zip" download>下载离线版</a></p>';
    expect(rewrite(link)).toContain('href="https://example.org/policy-atlas/offline/policy-atlas-offline.zip"');
    expect(rewrite(link, { keepCanonical: false })).toBe('<html><head></head><body><p></p></body></html>');
  });

  it('adds the offline banner after the site header and links its stylesheet', () => {
    const html = rewrite('<!doctype html><html><head></head><body><header>站名</header><main>正文</main></body></html>', { bannerStylesheet: 'offline.css' });
    expect(html).toContain('<link rel="stylesheet" href="../../offline.css">');
    expect(html).toMatch(/<\/header><aside class="offline-banner" aria-label="离线版说明"><p><strong>离线版<\/strong>/);
    expect(html).toContain('<html data-offline="true">');
  });

  it('rewrites every URL of a srcset and the URL of a meta refresh', () => {
    const html = rewrite('<img alt="" srcset="/policy-atlas/logo.png 1x, /policy-atlas/logo@2x.png 2x"><meta http-equiv="refresh" content="0;url=/policy-atlas/docs/a/">');
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
