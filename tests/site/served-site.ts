/**
 * The site under test served on 127.0.0.1 with a Chromium session, for the
 * tests of one file: call serveSiteForThisFile() at the top of a test file and
 * use `server` and `browser` (live bindings, set before the first test runs).
 * Vitest gives each test file its own module instance, so files do not share them.
 */
import { afterAll, beforeAll } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/harness/static-server.ts';
import { launchBrowser, type BrowserSession } from '../../scripts/harness/browser.ts';
import { siteUnderTest } from './site-under-test.ts';

export let server: StaticServer;
export let browser: BrowserSession;

/** Starts the server and the browser before this file's tests and stops them after. */
export function serveSiteForThisFile(): void {
  const site = siteUnderTest();
  beforeAll(async () => {
    server = await startStaticServer({ root: site.dir, base: site.base });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
