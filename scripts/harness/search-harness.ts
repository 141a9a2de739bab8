/**
 * Helpers for the search browser test: run a query on /search/ and read the
 * results, and read what a page really says (independently of the search
 * index) to check results and deep links against.
 */
import type { Page } from 'playwright-core';

/** One result as the page shows it. */
export interface ShownResult {
  /** data-url of the [data-result] element (site-relative). */
  url: string;
  /** The result's first link, absolute. */
  first: string;
  /** Links to matching sections, absolute. */
  sections: string[];
}

/** What /search/ showed for a query. */
export interface ShownSearch {
  status: string;
  state: string;
  results: ShownResult[];
  /** Ids of the concept cards above the results. */
  concepts: string[];
}

/** Opens the search page at `url` (…/search/?q=…), waits for results, shows them all, reads them. */
export async function runSearchPage(page: Page, url: string): Promise<ShownSearch> {
  await page.goto(url);
  await page.waitForSelector('#search-app[data-state="done"], #search-app[data-state="error"]', { timeout: 20_000 });
  return readResults(page);
}

/** Types a query into the open search page's box, submits it with Enter, and reads the results. */
export async function searchInPage(page: Page, query: string): Promise<ShownSearch> {
  await page.locator('#search-q').fill(query);
  await page.locator('#search-q').press('Enter');
  await page.waitForFunction(
    (q) => {
      const app = document.getElementById('search-app');
      return app?.dataset.query === q && (app.dataset.state === 'done' || app.dataset.state === 'error');
    },
    query,
    { timeout: 20_000 },
  );
  return readResults(page);
}

async function readResults(page: Page): Promise<ShownSearch> {
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    const before = await page.locator('[data-result]').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-result]').length > n, before);
  }
  return page.evaluate(() => ({
    status: document.getElementById('search-status')?.textContent ?? '',
    state: document.getElementById('search-app')?.dataset.state ?? '',
    results: [...document.querySelectorAll<HTMLElement>('[data-result]')].map((el) => ({
      url: el.dataset.url ?? '',
      first: el.querySelector('a')?.href ?? '',
      sections: [...el.querySelectorAll<HTMLAnchorElement>('a.sr-section')].map((a) => a.href),
    })),
    concepts: [...document.querySelectorAll<HTMLElement>('#search-concepts:not([hidden]) [data-concept-card]')].map((el) => el.dataset.conceptCard ?? ''),
  }));
}

/** A page's text as blocks: the whole indexed body, and each anchored section's blocks. */
export interface PageBlocks {
  body: string[];
  sections: Record<string, string[]>;
}

/**
 * Reads a built page in the browser (fetch + DOMParser, not the search index):
 * the blocks of its data-pagefind-body minus ignored/hidden parts, and for
 * every heading with an id, the blocks of the section it names.
 */
export async function readPageBlocks(page: Page, url: string): Promise<PageBlocks> {
  return page.evaluate(async (target) => {
    const html = await (await fetch(target)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    for (const el of doc.querySelectorAll('[data-pagefind-ignore], [hidden], script, style, button, template')) el.remove();
    const BLOCK =
      'p, li, td, th, caption, dt, dd, h1, h2, h3, h4, h5, h6, blockquote, figcaption, div, section, aside, article, ul, ol, dl, table, tr, nav, header, footer';
    // Text grouped by its nearest block element, in document order.
    const blocksOf = (root: Element): string[] => {
      const groups = new Map<Element, string>();
      const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const block = node.parentElement?.closest(BLOCK) ?? root;
        groups.set(block, (groups.get(block) ?? '') + (node.textContent ?? ''));
      }
      return [...groups.values()].map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
    };
    const bodies = [...doc.querySelectorAll('[data-pagefind-body]')];
    const sections: Record<string, string[]> = {};
    for (const heading of doc.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')) {
      const container = heading.parentElement;
      const first = container?.querySelector(':scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6');
      if (container && (container.tagName === 'SECTION' || container.tagName === 'ASIDE') && first === heading) {
        sections[heading.id] = blocksOf(container);
        continue;
      }
      // A heading outside a section element: it names what follows, up to the next heading.
      const blocks = [(heading.textContent ?? '').trim()];
      for (let el = heading.nextElementSibling; el && !/^H[1-6]$/.test(el.tagName); el = el.nextElementSibling) {
        blocks.push(...blocksOf(el));
      }
      sections[heading.id] = blocks;
    }
    return { body: bodies.flatMap(blocksOf), sections };
  }, url);
}
