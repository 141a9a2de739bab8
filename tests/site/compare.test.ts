/**
 * The compare view in the built site, in Chromium: choosing two documents on
 * /compare/ and seeing aligned rows; the pre-rendered pair page and the
 * version page without JavaScript; the 相似任务 list on a document page; the
 * open data file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browser, server, serveSiteForThisFile } from './served-site.ts';
import { siteUnderTest } from './site-under-test.ts';

const site = siteUnderTest();
serveSiteForThisFile();
const SHIZHONG = 'jinan-shizhong-2024-xinxing-gongyehua';
const CITY = 'jinan-gongye-qiangshi-draft';

/** The task heading links of each aligned row: [A eid, B eid] (undefined for a lone task). */
function rowEids(page: Page): Promise<Array<[string | undefined, string | undefined]>> {
  return page.locator('.cmp-row').evaluateAll((rows) =>
    rows.map((row) => {
      const eid = (side: string) => row.querySelector<HTMLAnchorElement>(`.cmp-cell--${side} .cmp-task a`)?.hash.slice(1);
      return [eid('a'), eid('b')] as [string | undefined, string | undefined];
    }),
  );
}

describe(`compare in ${site.label}`, () => {
  it('compares two documents chosen on /compare/ with aligned task rows', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Arrive as from a document page's 对比 button: A is chosen, B is not.
    await page.goto(`${server.url}compare/?a=${SHIZHONG}`);
    expect(await page.locator('#cmp-a').inputValue()).toBe(SHIZHONG);
    await page.locator('#cmp-b').selectOption(CITY);
    await page.getByRole('button', { name: '对比' }).click();
    await page.waitForURL(new RegExp(`[?&]b=${CITY}`));
    await page.locator('.cmp-row').first().waitFor();
    const rows = await rowEids(page);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['item_13', 'item_14'],
        ['item_14', 'item_18'],
        ['item_16', 'item_19'],
      ]),
    );
    // Every task of both documents is in exactly one row.
    expect(rows.filter(([a]) => a).length).toBe(17);
    expect(rows.filter(([, b]) => b).length).toBe(22);
    expect(await page.locator('.cmp-status').textContent()).toMatch(/对应任务 \d+ 对/);
    // Differences are marked inside a pair, scores shown beside it.
    const pair = page.locator('.cmp-row--pair').filter({ has: page.locator(`.cmp-cell--a a[href$="#item_13"]`) });
    expect(await pair.locator('.cmp-only').count()).toBeGreaterThan(0);
    expect(await pair.locator('.cmp-score__value').textContent()).toMatch(/^0\.\d\d$/);
    // Targets both plans set, e.g. 高新技术企业, with each side's value.
    const target = page.locator('table.cmp-targets tr').filter({ hasText: '高新技术企业' }).first();
    expect(await target.locator('td').count()).toBe(2);
    // Task links lead to the task anchors.
    await pair.locator('.cmp-cell--b .cmp-task a').click();
    await page.waitForURL(new RegExp(`/docs/${CITY}/#item_14$`));
    expect(errors).toEqual([]);
    expect(browser.blocked).toEqual([]);
  });

  it('shows the pre-rendered pair page with its rows without JavaScript', async () => {
    const page = await browser.context.newPage();
    await (await browser.context.newCDPSession(page)).send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${server.url}compare/`);
    await page.locator(`.cmp-pairs li[data-a="${SHIZHONG}"][data-b="${CITY}"] a`).click();
    await page.waitForURL(new RegExp(`/compare/${SHIZHONG}--${CITY}/$`));
    const rows = await rowEids(page);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['item_13', 'item_14'],
        ['item_14', 'item_18'],
        ['item_16', 'item_19'],
      ]),
    );
    expect(await page.locator('#cmp-units').count()).toBe(1);
    await page.close();
  });

  it('shows the two copies of the 市中区 2024 plan as a version diff without JavaScript', async () => {
    const page = await browser.context.newPage();
    await (await browser.context.newCDPSession(page)).send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${server.url}docs/${SHIZHONG}/`);
    await page.getByRole('link', { name: /版本对比/ }).click();
    await page.waitForURL(new RegExp(`/compare/${SHIZHONG}--${SHIZHONG}\\.copy1/$`));
    expect(await page.locator('#vd-outline + ul del').allTextContents()).toEqual(['（四）实施绿色发展提档升级行动。']);
    const deleted = (await page.locator('.vd-text del').allTextContents()).map((t) => t.replace(/〔仅主文本有：|〕/g, ''));
    expect(deleted.some((t) => t.startsWith('抄送：'))).toBe(true);
    expect(await page.locator('.vd-text ins').count()).toBe(0);
    await page.close();
  });

  it('lists similar tasks of other documents under a task, linked to them and to the comparison', async () => {
    const { page } = browser;
    await page.goto(`${server.url}docs/${SHIZHONG}/#item_13`);
    const similar = page.locator('article[aria-labelledby="item_13"] > details.similar');
    expect(await similar.getAttribute('data-pagefind-ignore')).not.toBeNull();
    await similar.locator('summary').click();
    const first = similar.locator('li').first();
    expect(await first.locator('a').first().getAttribute('href')).toMatch(new RegExp(`/docs/${CITY}/#item_14$`));
    await first.locator('a.similar__compare').click();
    await page.waitForURL(new RegExp(`/compare/${SHIZHONG}--${CITY}/$`));
  });

  it('publishes data/comparisons.json with the matched task pairs of each pre-rendered pair', () => {
    const data = JSON.parse(readFileSync(path.join(site.dir, 'data/comparisons.json'), 'utf8')) as {
      comparisons: Array<{ a: string; b: string; url: string; pairs: Array<{ a: string; b: string; score: number }> }>;
    };
    const pair = data.comparisons.find((c) => c.a === SHIZHONG && c.b === CITY);
    expect(pair?.url).toMatch(new RegExp(`/compare/${SHIZHONG}--${CITY}/$`));
    expect(pair?.pairs).toEqual(expect.arrayContaining([expect.objectContaining({ a: 'item_13', b: 'item_14' })]));
    expect(data.comparisons.some((c) => c.b === `${SHIZHONG}.copy1`)).toBe(true);
  });

  it('publishes a comparison for exactly the pre-rendered pair pages, and a payload for exactly the documents with tasks', () => {
    const read = (file: string) => JSON.parse(readFileSync(path.join(site.dir, file), 'utf8')) as unknown;
    const { comparisons } = read('data/comparisons.json') as { comparisons: Array<{ url: string }> };
    const pairPages = readdirSync(path.join(site.dir, 'compare')).filter((name) => name.includes('--'));
    const listed = comparisons.map((c) => new URL(c.url).pathname.split('/').filter(Boolean).at(-1));
    expect(listed.sort()).toEqual(pairPages.sort());
    for (const name of pairPages) expect(existsSync(path.join(site.dir, 'compare', name, 'index.html'))).toBe(true);
    const documents = read('data/documents.json') as Array<{ id: string; tasks: unknown[] }>;
    const withTasks = documents.filter((d) => d.tasks.length > 0).map((d) => `${d.id}.js`);
    expect(readdirSync(path.join(site.dir, 'data/compare')).sort()).toEqual(withTasks.sort());
  });
});
