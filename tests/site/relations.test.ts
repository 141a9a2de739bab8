/**
 * Relations, status and period in the built site, in Chromium: the 市中区 2024 plan shown
 * carrying out the 济南 plan of the same theme with its evidence, on both pages; every 《》
 * citation of a collection document a relation on both pages; the relations graph and the
 * timeline readable without JavaScript; the home page newest first with filters by status and
 * year in force; the search filter "in force in 2025"; and all of it in the offline copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, server, serveSiteForThisFile } from './served-site.ts';
import { launchBrowser, type BrowserSession } from '../../scripts/harness/browser.ts';
import { siteUnderTest } from './site-under-test.ts';
import type { ConceptsData } from '../../scripts/concepts/model.ts';

const site = siteUnderTest();
const SHIZHONG = 'jinan-shizhong-2024-xinxing-gongyehua';
const JINAN = 'jinan-gongye-qiangshi-draft';
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
interface DocumentJson {
  id: string;
  title: string;
  status: string;
  date: string | null;
  period: string | null;
  inForce: number[];
  validity: { from: string | null; to: string | null } | null;
  relations: Array<{
    kind: string;
    direction: string;
    label: string;
    document: string | null;
    basis: string;
    evidence: Array<{ text: string; url: string }>;
    alignment?: { score: number };
  }>;
}
const documents = JSON.parse(read(site.dir, 'data/documents.json')) as DocumentJson[];
const byId = new Map(documents.map((d) => [d.id, d]));
const at = (p: string) => new URL(p, server.url).href;
serveSiteForThisFile();

describe('relations in the open data', () => {
  it('gives every document a status, a period when it states one, and years in force', () => {
    for (const d of documents) expect(['征求意见稿', '送审稿', '正式', '修订', '已废止'], d.id).toContain(d.status);
    expect(byId.get(SHIZHONG)).toMatchObject({ status: '正式', period: '2024—2026年', inForce: [2024, 2025, 2026] });
    expect(byId.get(JINAN)).toMatchObject({ status: '征求意见稿', inForce: [] });
    expect(byId.get('beijing-2024-qingneng')).toMatchObject({ status: '修订', validity: { from: '2024-12-17', to: '2025-08-31' }, inForce: [2024, 2025] });
  });

  it('lists the 市中区 2024 plan carrying out the 济南 plan, on both, with the alignment score and the sentence', () => {
    const out = byId.get(SHIZHONG)!.relations.find((r) => r.document === JINAN)!;
    expect(out).toMatchObject({ kind: '落实', direction: 'outgoing', label: '落实', basis: 'alignment' });
    expect(out.alignment!.score).toBeGreaterThanOrEqual(0.15);
    expect(out.evidence[0].text).toContain('全市加快建设工业强市的工作要求');
    expect(out.evidence[0].url).toBe(`${site.site}${site.base}docs/${SHIZHONG}/#para-17`);
    expect(byId.get(JINAN)!.relations.find((r) => r.document === SHIZHONG)).toMatchObject({ kind: '落实', direction: 'incoming', label: '被落实' });
  });

  it('lists every 《》 citation of a collection document as a relation of both documents', () => {
    const { citations } = JSON.parse(read(path.resolve('content/generated'), 'concepts.json')) as ConceptsData;
    for (const [id, c] of Object.entries(citations)) {
      for (const cited of c.cites) {
        expect(
          byId.get(id)!.relations.some((r) => r.document === cited.target && r.basis !== 'alignment'),
          `${id} → ${cited.target}`,
        ).toBe(true);
        expect(
          byId.get(cited.target!)!.relations.some((r) => r.document === id && r.basis !== 'alignment'),
          `${cited.target} ← ${id}`,
        ).toBe(true);
      }
      for (const cited of c.external)
        expect(
          byId.get(id)!.relations.some((r) => r.document === null),
          `${id}: ${cited.title}`,
        ).toBe(true);
    }
  });
});

describe('relations on the pages, in the browser', () => {
  it('shows the 市中区 plan carrying out the 济南 plan with its evidence, and the 济南 plan carried out by it', async () => {
    const { page } = browser;
    await page.goto(at(`docs/${SHIZHONG}/`));
    const item = page.locator(`.relations-panel .relation[data-other="${JINAN}"]`);
    expect(await item.locator('.relation__what').innerText()).toMatch(/^落实\s*本文件落实《深入推进新型工业化加快建设工业强市三年行动计划》/);
    expect(await item.locator('.evidence mark').allInnerTexts()).toEqual(['全市加快建设工业强市']);
    expect(await item.locator('.alignment').innerText()).toMatch(/对齐得分 0\.\d{3}/);
    await item.locator('.evidence footer a').click();
    await page.waitForURL(/#para-17$/);
    expect(await page.locator('#para-17').innerText()).toContain('按照全省加力提速工业经济高质量发展和全市加快建设工业强市的工作要求');

    await page.goto(at(`docs/${JINAN}/`));
    const back = page.locator(`.relations-panel .relation[data-other="${SHIZHONG}"]`);
    expect(await back.locator('.badge--relation').innerText()).toBe('被落实');
    await back.locator(`.relation__what a[href$="docs/${SHIZHONG}/"]`).click();
    await page.waitForURL(new RegExp(`${SHIZHONG}/$`));
  });

  it('shows status and period in the metadata card, the period linked to the sentence it is read from', async () => {
    const { page } = browser;
    await page.goto(at('docs/beijing-2024-qingneng/'));
    const card = await page.locator('.meta-card').innerText();
    expect(card).toContain('修订');
    expect(card).toContain('自发布之日起实施，有效期至2025年8月');
    expect(card).toContain('有效年份：2024—2025年');
    const source = page.locator('.meta-card .meta-source a').last();
    const href = (await source.getAttribute('href'))!;
    expect(href).toMatch(/^#/);
    // The anchor is the provision's heading; its text is in the provision it labels.
    expect(await page.locator(`[aria-labelledby="${href.slice(1)}"]`).innerText()).toContain('有效期至2025年8月');
  });

  it('draws the relations graph with JavaScript off: every document a link, the 落实 arrow between the two plans', async () => {
    const noJs = await browser.context.browser()!.newContext({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(at('relations/'));
      const nodes = page.locator('svg a.graph-node');
      expect(await nodes.count()).toBe(documents.length);
      const edge = page.locator('svg .graph-edge.rel-luoshi');
      expect(await edge.locator('title').textContent()).toBe(`《${byId.get(SHIZHONG)!.title}》落实《${byId.get(JINAN)!.title}》`);
      const box = await page.locator('svg').boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      await page.locator(`svg a.graph-node[href$="docs/${JINAN}/"]`).click();
      await page.waitForURL(new RegExp(`${JINAN}/$`));
      await page.goto(at('timeline/'));
      const bars = page.locator('svg a.span');
      expect(await bars.count()).toBe(documents.filter((d) => d.validity && (d.validity.from || d.validity.to)).length);
      expect(await page.locator('.validity-table tbody tr').count()).toBe(documents.filter((d) => d.validity).length);
    } finally {
      await noJs.close();
    }
  });

  it('lists the newest documents first on the home page, filters by status and by year in force, and keeps the filter in the URL', async () => {
    const { page } = browser;
    await page.goto(at(''));
    const items = page.locator('[data-doc-list] > li');
    const dates = (await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-date') ?? ''))).filter(Boolean);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await items.count()).toBe(documents.length);

    await page.locator('form[data-doc-filters] select[name="inforce"]').selectOption('2025');
    const in2025 = documents.filter((d) => d.inForce.includes(2025));
    await expect.poll(() => items.evaluateAll((lis) => lis.filter((li) => !(li as HTMLElement).hidden).length)).toBe(in2025.length);
    expect(await page.locator('output[data-filter-count]').innerText()).toBe(`显示${in2025.length}份，共${documents.length}份`);
    expect(page.url()).toMatch(/\?inforce=2025$/);

    await page.locator('form[data-doc-filters] select[name="status"]').selectOption('征求意见稿');
    await expect.poll(() => items.evaluateAll((lis) => lis.filter((li) => !(li as HTMLElement).hidden).length)).toBe(0);
    await page.goto(at('?status=%E5%BE%81%E6%B1%82%E6%84%8F%E8%A7%81%E7%A8%BF'));
    await expect
      .poll(() => items.evaluateAll((lis) => lis.filter((li) => !(li as HTMLElement).hidden).map((li) => li.querySelector('a')!.textContent)))
      .toEqual([byId.get(JINAN)!.title]);
  });

  it('shows the whole list, without the filter form, when JavaScript is off', async () => {
    const noJs = await browser.context.browser()!.newContext({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(at('?inforce=2025'));
      expect(await page.locator('form[data-doc-filters]').isVisible()).toBe(false);
      expect(await page.locator('[data-doc-list] > li:visible').count()).toBe(documents.length);
    } finally {
      await noJs.close();
    }
  });

  it('finds the documents in force in 2025 with the search filter 有效年份', async () => {
    const { page } = browser;
    await page.goto(at(`search/?inforce=${encodeURIComponent('2025年')}`));
    const results = page.locator('#search-results li a[href*="/docs/"]');
    await results.first().waitFor({ timeout: 10_000 });
    const ids = (await results.evaluateAll((as) => as.map((a) => /\/docs\/([^/]+)\//.exec((a as HTMLAnchorElement).href)?.[1] ?? ''))).filter(Boolean);
    expect([...new Set(ids)].sort()).toEqual(
      documents
        .filter((d) => d.inForce.includes(2025))
        .map((d) => d.id)
        .sort(),
    );
  });
});

describe('relations in the offline copy', () => {
  const offlineDir = process.env.SITE_OFFLINE_DIR?.trim() || path.join(path.dirname(site.dir), 'dist-offline');
  let offline: BrowserSession;
  beforeAll(async () => {
    offline = await launchBrowser({ offline: true });
  });
  afterAll(async () => offline?.close());
  const fileUrl = (file: string) => pathToFileURL(path.join(offlineDir, file)).href;

  it('leaves out the open data downloads and the feeds: the pages carry the relations, status and period', () => {
    // Open data is for reuse, from the hosted site; at 2,000 documents documents.json alone is over the copy's 5 MB limit per file.
    expect(existsSync(path.join(offlineDir, 'data/documents.json'))).toBe(false);
    expect(existsSync(path.join(offlineDir, 'feeds'))).toBe(false);
  });

  it('opens the relations graph, a document’s relations and the filtered home page from disk', async () => {
    const { page } = offline;
    await page.goto(fileUrl('relations/index.html'));
    expect(await page.locator('svg a.graph-node').count()).toBe(documents.length);
    await page.locator(`svg a.graph-node[href*="${SHIZHONG}"]`).click();
    await page.waitForURL(/index\.html$/);
    expect(page.url()).toBe(fileUrl(`docs/${SHIZHONG}/index.html`));
    expect(await page.locator(`.relations-panel .relation[data-other="${JINAN}"] .evidence`).innerText()).toContain('全市加快建设工业强市');
    await page.goto(fileUrl('index.html'));
    await page.locator('form[data-doc-filters] select[name="inforce"]').selectOption('2025');
    await expect.poll(() => page.locator('[data-doc-list] > li:visible').count()).toBe(documents.filter((d) => d.inForce.includes(2025)).length);
    expect(offline.blocked).toEqual([]);
  });
});
