/**
 * Concepts in the built site, in Chromium: from a task's concept link to the
 * concept page and on to another document's task; the definition tooltip
 * with keyboard focus, hover and touch; the concept index and open data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browser, server, serveSiteForThisFile } from './served-site.ts';
import { siteUnderTest } from './site-under-test.ts';

const site = siteUnderTest();
serveSiteForThisFile();
const DOC_001 = 'jinan-gongye-qiangshi-draft';
const LINK_IN_TASK_4 = `article[aria-labelledby="item_4"] a[aria-describedby][href$="/concepts/lianzhangzhi/"]`;
/** Whether the tooltip (the ::after of the "?" button after the link) is displayed. */
const tooltipShown = (page: Page, link: string) =>
  page.locator(`${link} + button`).evaluate((button) => getComputedStyle(button, '::after').display !== 'none');

/** True when the element's box is inside the viewport. */
const inView = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
  });

describe(`concepts in ${site.label}`, () => {
  it("lists the document's concepts with its own mentions of each, and whether other documents use it, shared ones first", async () => {
    const { page } = browser;
    await page.goto(`${server.url}docs/${DOC_001}/`);
    const data = JSON.parse(readFileSync('content/generated/concepts.json', 'utf8')) as {
      concepts: Array<{ id: string; documents: Array<{ document: string; mentions: number }> }>;
    };
    const items = await page
      .locator('.concepts-panel li')
      .evaluateAll((lis) =>
        lis.map((li) => ({ href: li.querySelector('a')?.getAttribute('href') ?? '', count: li.querySelector('.count')?.textContent ?? '' })),
      );
    expect(items.length).toBeGreaterThan(3);
    let sharedSeen = true;
    for (const { href, count } of items) {
      const concept = data.concepts.find((c) => href.endsWith(`/concepts/${c.id}/`))!;
      const here = concept.documents.find((d) => d.document === DOC_001)!;
      const shared = concept.documents.length > 1;
      expect(count).toBe(shared ? `本文${here.mentions}处，其他文件亦有` : `仅见于本文（${here.mentions}处）`);
      expect(shared && !sharedSeen, 'shared concepts come first').toBe(false);
      sharedSeen = shared;
    }
  });

  it("goes from 链长制 in 001's task 4 to the concept page (four or more documents) and on to a task anchor", async () => {
    const { page } = browser;
    await page.goto(`${server.url}docs/${DOC_001}/`);
    await page.locator(LINK_IN_TASK_4).click();
    await page.waitForURL(/\/concepts\/lianzhangzhi\/$/);
    expect(await page.locator('h1').textContent()).toBe('链长制');
    const groups = page.locator('section[aria-labelledby^="doc-"]');
    expect(await groups.count()).toBeGreaterThanOrEqual(4);
    const docs = await groups.evaluateAll((els) => els.map((el) => el.getAttribute('aria-labelledby')));
    expect(docs).toEqual(
      expect.arrayContaining([
        `doc-${DOC_001}`,
        'doc-shandong-2025-jingxi-huagong',
        'doc-jinan-shizhong-news-erci-chuangye',
        'doc-jinan-shizhong-2024-xinxing-gongyehua',
      ]),
    );
    // The 市中区 2024 plan never writes 链长制: its task 1 is listed through the alias, highlighted.
    const alias = page.locator('section[aria-labelledby="doc-jinan-shizhong-2024-xinxing-gongyehua"] li').first();
    expect(await alias.locator('mark').textContent()).toBe('“六个一”产业链群工作推进机制');
    await alias.locator('a.where').click();
    await page.waitForURL(/\/docs\/jinan-shizhong-2024-xinxing-gongyehua\/#item_1$/);
    expect(await inView(page, '#item_1')).toBe(true);
    expect(browser.blocked).toEqual([]);
  });

  it('shows the definition while the link has keyboard focus or the pointer, without JavaScript', async () => {
    const page = await browser.context.newPage();
    await (await browser.context.newCDPSession(page)).send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${server.url}docs/${DOC_001}/#item_4`);
    const link = page.locator(LINK_IN_TASK_4);
    const definition = page.locator(`#${await link.getAttribute('aria-describedby')}`);
    expect(await definition.textContent()).toMatch(/^链长制：由一位地方领导/);
    expect(await page.locator(`${LINK_IN_TASK_4} + button`).getAttribute('aria-labelledby')).toBe(await link.getAttribute('aria-describedby'));
    const tooltipText = await page.locator(`${LINK_IN_TASK_4} + button`).evaluate((button) => getComputedStyle(button, '::after').content);
    expect(tooltipText).toBe(JSON.stringify(await definition.textContent()));
    expect(await tooltipShown(page, LINK_IN_TASK_4)).toBe(false);
    await page.keyboard.press('Tab'); // a keyboard user: focus() below then counts as :focus-visible
    await link.focus();
    expect(await tooltipShown(page, LINK_IN_TASK_4)).toBe(true);
    await link.blur();
    expect(await tooltipShown(page, LINK_IN_TASK_4)).toBe(false);
    await link.hover();
    expect(await tooltipShown(page, LINK_IN_TASK_4)).toBe(true);
    await page.close();
  });

  it('opens the definition on a touch screen with the ? button (a popover), and not a second link per task', async () => {
    const context = browser.context;
    const page = await context.newPage();
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      await cdp.send('Emulation.setDeviceMetricsOverride', { mobile: true, width: 390, height: 844, deviceScaleFactor: 2 });
      await page.goto(`${server.url}docs/${DOC_001}/#item_4`);
      expect(await page.evaluate(() => matchMedia('(hover: none)').matches)).toBe(true);
      const tipId = await page.locator(LINK_IN_TASK_4).getAttribute('aria-describedby');
      const button = page.locator(`${LINK_IN_TASK_4} + button`);
      // A real touch (CDP touch events), as the persistent browser context has no hasTouch option.
      await button.scrollIntoViewIfNeeded();
      const box = (await button.boundingBox())!;
      const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await page.locator(`#${tipId}`).waitFor({ state: 'visible', timeout: 5000 });
      expect(await page.locator(`#${tipId}`).isVisible()).toBe(true);
      expect(await page.locator(`#${tipId}`).evaluate((el) => el.matches(':popover-open'))).toBe(true);
      // Task 4 mentions 链主 twice: only the first mention is linked.
      expect(await page.locator('article[aria-labelledby="item_4"] a[aria-describedby][href$="/concepts/lianzhu-qiye/"]').count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('lists every concept on /concepts/ by pinyin, with document counts and a link to 待收录概念', async () => {
    const { page } = browser;
    await page.goto(`${server.url}concepts/`);
    const items = page.locator('ul.index-grid > li');
    expect(await items.count()).toBeGreaterThanOrEqual(40);
    const first = await items.first().textContent();
    expect(first).toMatch(/份文件/);
    await page.locator('a', { hasText: '待收录概念' }).click();
    await page.waitForURL(/\/concepts\/candidates\/$/);
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it('publishes data/concepts.json with occurrences that name a document and the task anchor', () => {
    const data = JSON.parse(readFileSync(path.join(site.dir, 'data/concepts.json'), 'utf8')) as Array<{
      id: string;
      name: string;
      url: string;
      aliases: string[];
      definition: string;
      occurrences: Array<{ document: string; eid: string | null; anchor: string }>;
    }>;
    expect(data.length).toBeGreaterThanOrEqual(40);
    const chain = data.find((c) => c.id === 'lianzhangzhi')!;
    expect(chain.url).toMatch(/\/concepts\/lianzhangzhi\/$/);
    expect(chain.occurrences).toEqual(
      expect.arrayContaining([expect.objectContaining({ document: DOC_001, eid: 'item_4' }), expect.objectContaining({ document: DOC_001, eid: 'item_19' })]),
    );
    const zjtx = data.find((c) => c.id === 'zhuanjingtexin')!;
    expect(new Set(zjtx.occurrences.map((o) => o.document)).size).toBeGreaterThanOrEqual(10);
  });
});
