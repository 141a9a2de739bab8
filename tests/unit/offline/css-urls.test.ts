import { describe, expect, it } from 'vitest';
import { rewriteCssUrls } from '../../../scripts/offline/css-urls.ts';

describe('rewriteCssUrls', () => {
  it('passes every url() through the rewrite and leaves the rest of the stylesheet alone', () => {
    const css = '@font-face{font-family:x;src:url(/_astro/x.Ab.woff2) format("woff2")}body{background:url("/img/a b.png");color:red}';
    const out = rewriteCssUrls(css, '_astro/site.css', (url) => `rewritten${url}`);
    expect(out).toContain('url(rewritten/_astro/x.Ab.woff2)');
    expect(out).toMatch(/url\("?rewritten\/img\/a b\.png"?\)/);
    expect(out).toContain('color:red');
  });

  it('does not touch text that only looks like a url() (in a string)', () => {
    const out = rewriteCssUrls('a::after{content:"url(/x)"}', 'a.css', () => 'changed');
    expect(out).toContain('"url(/x)"');
  });
});
