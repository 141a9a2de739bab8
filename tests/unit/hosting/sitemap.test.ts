import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, describe, expect, it } from 'vitest';
import { isNoindex, pageUrlPath, robotsTxt, sitemapXml } from '../../../scripts/hosting/sitemap.ts';
import { metaTagsOf, readHead, writeHostingFiles } from '../../../scripts/steps/hosting-step.ts';
import { CONTENT_SECURITY_POLICY } from '../../../scripts/hosting/csp.ts';

describe('sitemap', () => {
  it('lists each page once as an absolute, percent-encoded URL under the base', () => {
    const xml = sitemapXml(['index.html', 'docs/a/index.html', 'concepts/新型工业化/index.html', 'docs/a/index.html'], 'https://example.org/policy-atlas/');
    expect(xml.match(/<loc>[^<]*<\/loc>/g)).toEqual([
      '<loc>https://example.org/policy-atlas/</loc>',
      '<loc>https://example.org/policy-atlas/concepts/%E6%96%B0%E5%9E%8B%E5%B7%A5%E4%B8%9A%E5%8C%96/</loc>',
      '<loc>https://example.org/policy-atlas/docs/a/</loc>',
    ]);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  });

  it('maps page files to the URL path they are served at', () => {
    expect(pageUrlPath('index.html')).toBe('');
    expect(pageUrlPath('docs/a/source/index.html')).toBe('docs/a/source/');
  });

  it('leaves out pages marked noindex and redirect pages', () => {
    expect(isNoindex(fromHtml('<head><meta name="robots" content="noindex"></head>'))).toBe(true);
    expect(isNoindex(fromHtml('<head><meta http-equiv="refresh" content="0;url=/x/"></head>'))).toBe(true);
    expect(isNoindex(fromHtml('<head><meta name="description" content="noindex"></head>'))).toBe(false);
  });

  it('robots.txt names the sitemap by absolute URL', () => {
    expect(robotsTxt('https://example.org/policy-atlas/sitemap.xml')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/policy-atlas/sitemap.xml\n',
    );
  });
});

describe('Content-Security-Policy', () => {
  it('allows no inline script or style and no other origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

describe('metaTagsOf', () => {
  it('keeps the <meta> tags of the head, also with ">" in a quoted value, and nothing of the body', () => {
    const page =
      '<!DOCTYPE html><html><head><title>甲</title><meta name="robots" content="a>b, noindex"><meta charset=utf-8></head><body><meta name="robots" content="noindex"></body></html>';
    expect(metaTagsOf(page)).toBe('<meta name="robots" content="a>b, noindex"><meta charset=utf-8>');
    expect(isNoindex(fromHtml(metaTagsOf(page)))).toBe(true);
    expect(metaTagsOf('<html><head><title>乙</title></head><body></body></html>')).toBe('');
  });
});

describe('readHead', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-read-head-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };

  it('reads a page up to its </head>, also when the head is longer than a read and the tag or a character straddles two reads', () => {
    for (const pad of [16 * 1024 - 10, 16 * 1024 - 3, 16 * 1024 - 1, 40_000]) {
      const head = `<!doctype html><html><head><title>${'政'.repeat(Math.ceil(pad / 3))}</title><meta name="robots" content="noindex">`.slice(0, pad);
      const text = `${head}<meta name="robots" content="noindex"></head><body>${'正文'.repeat(10_000)}</body></html>`;
      expect(readHead(file('page.html', text))).toBe(text.slice(0, text.indexOf('</head>') + '</head>'.length));
    }
  });

  it('reads the whole page when it has no </head>, so no meta tag is missed', () => {
    const text = `<meta name="robots" content="noindex">${'字'.repeat(20_000)}`;
    expect(readHead(file('bare.html', text))).toBe(text);
    expect(isNoindex(fromHtml(metaTagsOf(readHead(file('bare.html', text)))))).toBe(true);
  });
});

describe('writeHostingFiles', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-hosting-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const page = (name: string, head: string) => {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    fs.writeFileSync(path.join(dir, name, 'index.html'), `<!doctype html><html><head>${head}</head><body>正文</body></html>`);
  };

  it('leaves out pages that ask not to be indexed, also by a name written as character references, and lists the rest', () => {
    page('plain', '<meta charset="utf-8"><meta name="description" content="链长制 noindex">');
    page('robots', '<meta name="ROBOTS" content="NoIndex, follow">');
    page('referenced', '<meta name="&#114;obots" content="noindex">');
    page('refresh', '<meta http-equiv="Refresh" content="0;url=../plain/">');
    page('robots-indexed', '<meta name="robots" content="index">');
    expect(writeHostingFiles(dir)).toEqual({ sitemapPages: 2 });
    const xml = fs.readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
    expect([...xml.matchAll(/<loc>[^<]*\/([^/<]+)\/<\/loc>/g)].map((m) => m[1])).toEqual(['plain', 'robots-indexed']);
  });
});
