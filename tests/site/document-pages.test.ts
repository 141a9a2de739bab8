/**
 * Document pages as a reader uses them, in Chromium against dist/ served on
 * 127.0.0.1: home → a document → a task anchor → a department → back; the
 * copy-link and copy-citation actions; the original-text page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { browser, server, serveSiteForThisFile } from './served-site.ts';

const SHIZHONG = 'docs/jinan-shizhong-2024-xinxing-gongyehua/';
serveSiteForThisFile();
beforeAll(async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
});

const at = (path: string) => new URL(path, server.url).href;

describe('document pages in the browser', () => {
  it('goes home → document → task anchor → department → back', async () => {
    const { page } = browser;
    await page.goto(at(''));
    expect(await page.locator('h1').innerText()).toBe('政策图谱');
    await page.getByRole('link', { name: '济南市市中区推进新型工业化加快产业转型升级行动计划（2024—2026年）' }).first().click();
    await page.waitForURL(/jinan-shizhong-2024-xinxing-gongyehua\/$/);
    expect(await page.locator('h1').innerText()).toContain('济南市市中区推进新型工业化加快产业转型升级行动计划');
    expect(await page.locator('.meta-card').innerText()).toContain('市中政字〔2024〕29号');

    // The table of contents links to task 10; the task heading ends up in view, below the sticky header.
    await page.locator('.doc-toc a[href="#item_10"]').click();
    await page.waitForURL(/#item_10$/);
    const heading = page.locator('#item_10');
    expect(await heading.innerText()).toContain('10.促进能源互联网产业聚力成势');
    const box = await heading.boundingBox();
    const header = await page.locator('.site-header').boundingBox();
    expect(box && header && box.y >= header.y + header.height - 1).toBe(true);
    expect(box && box.y < 300).toBe(true);
    expect(await page.locator('article[aria-labelledby="item_10"]').getAttribute('class')).toMatch(/is-target/);
    expect(await page.locator('article[aria-labelledby="item_10"] .permalink').innerText()).toContain('三、（四）10.');

    // A unit chip leads to the department page listing this task.
    await page.locator('article[aria-labelledby="item_10"] .units a', { hasText: '区发展改革局' }).click();
    await page.waitForURL(/\/departments\/[a-z0-9-]+\/$/);
    expect(await page.locator('h1').innerText()).toBe('区发展改革局');
    const taskLink = page.locator(`a[href$="${SHIZHONG}#item_10"]`);
    expect(await taskLink.count()).toBe(1);

    await page.goBack();
    await page.waitForURL(/#item_10$/);
    expect(await page.locator('#item_10').isVisible()).toBe(true);
  });

  it('copies a task link and a citation with the URL', async () => {
    const { page } = browser;
    await page.goto(at(`${SHIZHONG}#item_10`));
    const cite = page.locator('article[aria-labelledby="item_10"] button.copy-cite');
    expect(await cite.isVisible()).toBe(true);
    await cite.click();
    await expect.poll(() => cite.getAttribute('data-copied')).toBe('true');
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    expect(citation).toBe(`《济南市市中区推进新型工业化加快产业转型升级行动计划（2024—2026年）》三、（四）10. ${at(`${SHIZHONG}#item_10`)}`);
    await page.locator('article[aria-labelledby="item_5"] .permalink').click();
    await page.waitForURL(/#item_5$/);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(at(`${SHIZHONG}#item_5`));
  });

  it('shows the original text with line anchors and links each task to its lines', async () => {
    const { page } = browser;
    await page.goto(at(SHIZHONG));
    const src = page.locator('article[aria-labelledby="item_1"] .srclink');
    const href = await src.getAttribute('href');
    expect(href).toMatch(/source\/#L\d+$/);
    await src.click();
    const line = Number(href!.split('#L')[1]);
    await page.waitForURL(/source\/#L\d+$/);
    expect(await page.locator(`#L${line}`).innerText()).toContain('1.');
    const lineBox = await page.locator(`#L${line}`).boundingBox();
    expect(lineBox && lineBox.y >= 0 && lineBox.y < 800).toBe(true);
    // Normalisations are visible: the hard-wrapped lines say they were joined.
    expect(await page.locator('.norm', { hasText: '接下行' }).count()).toBeGreaterThan(50);
  });

  it('renders the notice and footer apart from the body, and units as chips', async () => {
    const { page } = browser;
    await page.goto(at(SHIZHONG));
    expect(await page.locator('.notice').innerText()).toContain('各街道办事处，区政府各部门：');
    expect(await page.locator('.doc-footer').innerText()).toContain('抄送');
    expect(await page.locator('article[aria-labelledby="item_1"] > .units li').count()).toBe(12);
  });

  it('needs no JavaScript to read a document', async () => {
    const page = await browser.context.newPage();
    try {
      await page.route('**/*.js', (route) => route.abort());
      await page.goto(at(`${SHIZHONG}#item_3`));
      expect(await page.locator('#item_3').isVisible()).toBe(true);
      expect(await page.locator('article.doc-text').innerText()).toContain('力促项目提质扩容');
    } finally {
      await page.close();
    }
  });
});
