/**
 * Axe finds no serious or critical accessibility violation on one page of
 * each kind (the table in a11y-pages.ts), rendered in Chromium, in the light
 * and (when the page offers it) the dark colour scheme.
 */
import { describe, expect, it } from 'vitest';
import { browser, server, serveSiteForThisFile } from './served-site.ts';
import { A11Y_PAGES, findPage } from './a11y-pages.ts';
import { auditPage, describeFindings } from './axe-audit.ts';
import { indexSite } from './site-files.ts';
import { siteUnderTest } from './site-under-test.ts';

const site = siteUnderTest();
serveSiteForThisFile();
const files = indexSite(site.dir).list;

describe(`accessibility of ${site.label}`, () => {
  for (const row of A11Y_PAGES) {
    const path = findPage(row.path, files);
    if (path === null && !row.required) {
      it.todo(`${row.name} page: no page matches "${row.path}" yet (update A11Y_PAGES in tests/site/a11y-pages.ts)`);
      continue;
    }
    it(`${row.name} page /${path ?? row.path} has no serious or critical axe violations`, async () => {
      if (path === null) throw new Error(`no page in ${site.label} matches "${row.path}" for the ${row.name} page; fix A11Y_PAGES in tests/site/a11y-pages.ts`);
      browser.blocked.length = 0;
      const { status, findings } = await auditPage(browser.page, server.url + encodeURI(path));
      expect(status, `GET /${path}`).toBe(200);
      expect(findings.length, describeFindings(findings, `/${path}`)).toBe(0);
      expect(browser.blocked, 'the page tried to reach the network').toEqual([]);
    });
  }
});
