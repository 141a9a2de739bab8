/**
 * A site built from real documents in the shapes they come in (four files of the development corpus,
 * tests/corpus/, and a Traditional-script fixture) beside the seeds: the build succeeds, reporting a
 * curated record that matches no document of the folder (its seed is left out), and in Chromium each
 * page shows what the parser read — the title (inferred and marked where the copy lost it), where each
 * metadata value was read, anchored chapters, articles and attachments, the closing — and the
 * original-text page marks the lines set aside. The build is the first of the rebuild checks
 * (tests/site/rebuild-scenario.ts), read from the copy of its output made before the copy is built again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusSchema } from '../../scripts/contract/corpus.ts';
import { ingestDirectory } from '../../scripts/ingest/index.ts';
import type { Corpus } from '../../scripts/ingest/model.ts';
import { REPO_ROOT } from '../../scripts/harness/temp-project.ts';
import { startStaticServer, type StaticServer } from '../../scripts/harness/static-server.ts';
import { launchBrowser, type BrowserSession } from '../../scripts/harness/browser.ts';
import { type FirstBuild, firstBuild, REAL_DOCUMENTS } from './rebuild-scenario.ts';

let built: FirstBuild;
let corpus: Corpus;
let report: string;
let server: StaticServer;
let browser: BrowserSession;

beforeAll(async () => {
  built = await firstBuild();
  corpus = CorpusSchema.parse(JSON.parse(fs.readFileSync(path.join(built.snapshotDir, 'corpus.json'), 'utf8')));
  report = fs.readFileSync(path.join(built.snapshotDir, 'build-report.md'), 'utf8');
  server = await startStaticServer({ root: path.join(built.snapshotDir, 'dist'), base: '/' });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The first document of the file named by `prefix` (18 holds two). */
const idOf = (prefix: string) =>
  corpus.documents.filter((d) => d.sources[0].file.startsWith(prefix)).sort((a, b) => a.sources[0].lineStart - b.sources[0].lineStart)[0].id;
const open = async (url: string) => {
  const response = await browser.page.goto(new URL(url.replace(/^\//, ''), server.url).href);
  expect(response?.status(), url).toBe(200);
};
/** The metadata card as "label value" lines. */
const card = async () => (await browser.page.locator('.meta-card').innerText()).replace(/\n(?=\S)/g, ' ');

describe('a site built from real documents beside the seeds', () => {
  it('builds, reporting a curated record that matches no document of the folder', () => {
    expect(built.status).toBe(0);
    // The left-out seed holds one document, which has a curated record (content/curated/documents.json).
    const seeds = ingestDirectory(path.join(REPO_ROOT, 'seeds'), path.join(REPO_ROOT, 'content/curated'));
    const leftOut = seeds.documents.filter((d) => d.sources.every((s) => s.file === built.removedSeed)).map((d) => d.id);
    expect(leftOut).toHaveLength(1);
    const reported = [...report.matchAll(/curated\/no-document: curated record "([^"]+)"/g)].map((m) => m[1]);
    expect(reported).toEqual(leftOut);
    const real = new Set(Object.keys(REAL_DOCUMENTS));
    expect(corpus.documents.filter((d) => real.has(d.sources[0].file)).length).toBe(6); // 18 holds two documents
  });

  it('shows a title inferred from the text, marked, with the signature’s issuer and date', async () => {
    await open(`/docs/${idOf('04_')}/`);
    const h1 = await browser.page.locator('h1').innerText();
    expect(h1).toContain('关于加强数字政府建设的意见');
    expect(h1).toContain('原文无标题，据正文拟定');
    const meta = await card();
    expect(meta).toMatch(/国务院\s*据署名/);
    expect(meta).toMatch(/2022年6月6日\s*据成文日期/);
    expect(await browser.page.locator('.closing .signature').innerText()).toContain('国务院');
  });

  it('reads a joint letterhead, anchors chapters, articles and attachments, and links each value to its line', async () => {
    const id = idOf('18_');
    await open(`/docs/${id}/`);
    const page = browser.page;
    expect(await page.locator('h1').innerText()).toContain('济南市智能网联汽车道路测试与示范应用管理办法（试行）');
    expect(await card()).toMatch(/济南市工业和信息化局、济南市公安局、济南市城乡交通运输局\s*据版头/);
    expect(await page.locator('#chp_1').innerText()).toContain('第一章');
    expect(await page.locator('#art_42').getAttribute('data-label')).toBe('第四十二条');
    expect(await page.locator('#att_1').innerText()).toContain('附件1');
    expect(await page.locator('.closing .attachment-note').innerText()).toContain('附件：1.');
    const origin = page.locator('.meta-card a.origin').first();
    const href = (await origin.getAttribute('href'))!;
    await open(href.split('#')[0]);
    expect(await page.locator(`#${href.split('#')[1]}`).count()).toBe(1);
  });

  it('sets aside an export header and a web page’s chrome, marked on the original-text page and read as metadata', async () => {
    await open(`/docs/${idOf('23_')}/source/`);
    expect(await browser.page.locator('.ln.set-aside', { hasText: '［数据库导出信息，读作元数据，不计入正文］' }).count()).toBe(2);
    await open(`/docs/${idOf('23_')}/`);
    expect(await card()).toMatch(/上海市人民政府\s*据令/);
    const tianjin = idOf('30_');
    await open(`/docs/${tianjin}/source/`);
    expect(await browser.page.locator('.ln.set-aside', { hasText: '［网站导航，不计入正文］' }).count()).toBeGreaterThan(40);
    await open(`/docs/${tianjin}/`);
    expect(await card()).toMatch(/津工信电力〔2021〕3号\s*据网页信息/);
    expect(await browser.page.locator('main').innerText()).not.toContain('网站标识码');
  });

  it('shows a Traditional-script document as printed, parsed into articles', async () => {
    await open(`/docs/${idOf('traditional')}/`);
    const page = browser.page;
    expect(await page.locator('h1').innerText()).toContain('臺北市政府關於推進新型工業化的實施辦法');
    expect(await page.locator('#art_3').getAttribute('data-label')).toBe('第三條');
    expect(await card()).toMatch(/府法綜字第1120001234號/);
  });
});
