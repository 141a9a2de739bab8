/**
 * Every internal link of the built site resolves: each href/src names a file
 * of the site and each #fragment an id on the target page.
 * External links are listed, never fetched.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crawlSite } from './crawl.ts';
import { expectNoDiagnostics } from './report.ts';
import { siteUnderTest } from './site-under-test.ts';

const site = siteUnderTest();

describe(`links of ${site.label} (base ${site.base})`, () => {
  const result = crawlSite({ root: site.dir, base: site.base, site: site.site });

  it('every internal href/src and #fragment resolves', () => {
    expect(result.pages).toBeGreaterThan(0);
    expectNoDiagnostics(result.problems, site.label, 'broken links');
  });

  it('lists external links without fetching them', () => {
    const byOrigin = new Map<string, Set<string>>();
    for (const { url } of result.external) {
      const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*|^[a-z][a-z0-9+.-]*:|^\/\/[^/?#]*/i.exec(url)?.[0] ?? url;
      byOrigin.set(origin, (byOrigin.get(origin) ?? new Set()).add(url));
    }
    const listing = [...byOrigin]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([origin, urls]) => `  ${origin}  ${urls.size} URL(s), e.g. ${[...urls].slice(0, 3).join('  ')}`);
    console.info(`${result.pages} pages, ${result.checked} internal links checked, ${result.external.length} external links:\n${listing.join('\n')}`);
    for (const { url } of result.external) expect(url, 'external links must be absolute').toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i);
  });
});

// The offline copy (opened from disk over file://) must link relatively and
// name files, not folders. It is checked when SITE_OFFLINE_DIR is set or a
// dist-offline/ folder sits next to the site folder.
const offlineDir = process.env.SITE_OFFLINE_DIR?.trim() || path.join(path.dirname(site.dir), 'dist-offline');
describe.skipIf(!existsSync(offlineDir))(`offline copy ${path.relative(process.cwd(), offlineDir)}`, () => {
  it('every link is relative, names a file, and its #fragment exists', () => {
    const result = crawlSite({ root: offlineDir, offline: true, site: site.site });
    expect(result.pages).toBeGreaterThan(0);
    expectNoDiagnostics(result.problems, path.relative(process.cwd(), offlineDir), 'broken offline links');
  });
});
