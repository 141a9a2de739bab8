/**
 * Keyboard navigation: with Tab alone a reader reaches the search box, the
 * table of contents (and follows a task link with Enter), and the compare
 * controls (and starts a comparison with Enter).
 */
import { describe, expect, it } from 'vitest';
import { browser, server, serveSiteForThisFile } from './served-site.ts';
import type { Page } from 'playwright-core';

serveSiteForThisFile();

/** Presses Tab until `matches` holds for the focused element; returns how many presses it took. */
async function tabUntil(page: Page, matches: string, limit = 80): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return presses;
  }
  throw new Error(`Tab never reached ${matches} within ${limit} presses`);
}

describe('keyboard navigation', () => {
  it('reaches the search box and the table of contents, and follows a task link', async () => {
    const { page } = browser;
    await page.goto(new URL('docs/jinan-shizhong-2024-xinxing-gongyehua/', server.url).href);
    expect(await tabUntil(page, '#site-search-q')).toBeLessThan(10);
    await tabUntil(page, '.doc-toc a[href="#item_1"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#item_1$/);
    const box = await page.locator('#item_1').boundingBox();
    expect(box && box.y >= 0 && box.y < 400).toBe(true);
  });

  it('reaches the compare controls and starts a comparison with Enter', async () => {
    const { page } = browser;
    await page.goto(new URL('compare/', server.url).href);
    await tabUntil(page, 'select#cmp-a');
    await page.keyboard.press('ArrowDown'); // the first document
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cmp-b');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // the second document
    const [a, b] = await page.evaluate(() => ['cmp-a', 'cmp-b'].map((id) => (document.getElementById(id) as HTMLSelectElement).value));
    expect(a).not.toBe('');
    expect(b).not.toBe('');
    expect(a).not.toBe(b);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('.cmp-pick button[type="submit"]'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const result = document.getElementById('cmp-result');
      return result !== null && !result.hidden && result.textContent !== '';
    });
  });
});
