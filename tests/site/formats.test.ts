/**
 * A site built from a folder of PDF, Word, web-page and text documents (the format fixtures), with
 * an encrypted PDF and an .rtf beside them, in a throw-away copy of the project: the build succeeds
 * and names the bad files, and in Chromium each document page links its original file, which is
 * served byte for byte (and is in the offline copy), and the original-text page shows the extracted
 * lines with the PDF's pages, running headers and Word's numbers marked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../scripts/ingest/model.ts';
import { startStaticServer, type StaticServer } from '../../scripts/harness/static-server.ts';
import { makeTempProject, type TempProject } from '../../scripts/harness/temp-project.ts';
import { launchBrowser, type BrowserSession } from '../../scripts/harness/browser.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/formats');
const fixture = (file: string) => fs.readFileSync(path.join(FIXTURES, file));
/** The folder a user might have: one document per format, two files the build cannot read. */
const FOLDER: Record<string, Buffer> = {
  'jinan-icv-notice.pdf': fixture('jinan-icv-notice/jinan-icv-notice.pdf'),
  '山东省服务业数字化转型行动方案.docx': fixture('shandong-services-plan/shandong-services-plan.docx'),
  'ndrc-contract-notice.html': fixture('ndrc-contract-notice/ndrc-contract-notice.html'),
  'jinan-logistics-plan.txt': fixture('jinan-logistics-plan/jinan-logistics-plan.txt'),
  'encrypted.pdf': fixture('bad/encrypted.pdf'),
  'notes.rtf': fixture('bad/notes.rtf'),
};

let project: TempProject;
let corpus: Corpus;
let report: string;
let server: StaticServer;
let browser: BrowserSession;

beforeAll(async () => {
  project = makeTempProject({ seeds: {} });
  // The folder lives outside the project and is named by SEEDS_DIR, as the README says.
  const folder = path.join(project.dir, 'my-documents');
  fs.mkdirSync(folder);
  for (const [name, bytes] of Object.entries(FOLDER)) fs.writeFileSync(path.join(folder, name), bytes);
  const built = project.build({ SEEDS_DIR: folder });
  if (built.status !== 0)
    throw new Error(`the build of the format fixtures failed (exit ${built.status}):\n${built.stdout.slice(-2000)}\n${built.stderr.slice(-4000)}`);
  corpus = JSON.parse(fs.readFileSync(path.join(project.dir, 'content/generated/corpus.json'), 'utf8')) as Corpus;
  report = fs.readFileSync(path.join(project.dir, 'content/generated/build-report.md'), 'utf8');
  server = await startStaticServer({ root: path.join(project.dir, 'dist'), base: '/' });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  project?.cleanup();
});

const idOf = (file: string) => corpus.documents.find((d) => d.sources[0].file === file && d.body.length > 0)!.id;
const open = async (url: string) => {
  const response = await browser.page.goto(new URL(url.replace(/^\//, ''), server.url).href);
  expect(response?.status(), url).toBe(200);
};

describe('a site built from a folder of PDF, Word, web-page and text documents', () => {
  it('builds every readable document and names each file it could not read', () => {
    expect(Object.keys(corpus.sources).sort()).toEqual([
      'jinan-icv-notice.pdf',
      'jinan-logistics-plan.txt',
      'ndrc-contract-notice.html',
      '山东省服务业数字化转型行动方案.docx',
    ]);
    expect(report).toMatch(/encrypted\.pdf.*encrypted with a password/);
    expect(report).toMatch(/notes\.rtf.*not read/);
  });

  it.each([
    ['jinan-icv-notice.pdf', 'PDF', 'jinan-icv-notice.pdf'],
    ['山东省服务业数字化转型行动方案.docx', 'Word', 'shandongshengfuwuyeshuzihuazhuanxingxingdongfangan.docx'],
    ['ndrc-contract-notice.html', '网页', 'ndrc-contract-notice.html.txt'],
    ['jinan-logistics-plan.txt', '文本', 'jinan-logistics-plan.txt'],
  ])('links %s from its document page, served byte for byte and in the offline copy', async (file, format, published) => {
    await open(`/docs/${idOf(file)}/`);
    const link = browser.page.locator('a[data-original-file]');
    // A first page of a fresh browser on a loaded machine can take more than expect.poll's 1 s default.
    await expect.poll(() => link.textContent(), { timeout: 10_000 }).toContain(`原件（${format}`);
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe(`/data/originals/${published}`);
    const response = await browser.page.request.get(new URL(href.slice(1), server.url).href);
    expect(Buffer.from(await response.body()).equals(FOLDER[file])).toBe(true);
    expect(fs.readFileSync(path.join(project.dir, 'dist-offline/data/originals', published)).equals(FOLDER[file])).toBe(true);
  });

  it('shows a PDF line by line with its pages, page numbers and running header marked', async () => {
    await open(`/docs/${idOf('jinan-icv-notice.pdf')}/source/`);
    const page = browser.page;
    expect(await page.locator('.source-page').count()).toBeGreaterThanOrEqual(18);
    const header = page.locator('.ln', { hasText: '［页眉，不计入正文］' }).first();
    expect(await header.getAttribute('title')).toMatch(/^第2页第1行$/);
    expect(await page.locator('.ln', { hasText: '［删除页码］' }).count()).toBeGreaterThanOrEqual(18);
    expect(await page.locator('.ln', { hasText: '［接下行］' }).count()).toBeGreaterThan(100);
  });

  it('shows Word paragraphs with their restored automatic numbers marked', async () => {
    await open(`/docs/${idOf('山东省服务业数字化转型行动方案.docx')}/source/`);
    const numbered = browser.page.locator('.ln', { hasText: '一、总体目标' });
    expect(await numbered.textContent()).toContain('［Word自动编号］');
    expect(await numbered.getAttribute('title')).toMatch(/^第\d+段$/);
  });

  it('shows a web page with its navigation set aside, and its document text as the page', async () => {
    const id = idOf('ndrc-contract-notice.html');
    await open(`/docs/${id}/source/`);
    expect(await browser.page.locator('.ln', { hasText: '［网站导航，不计入正文］' }).count()).toBeGreaterThanOrEqual(5);
    await open(`/docs/${id}/`);
    const article = (await browser.page.locator('main').textContent()) ?? '';
    expect(article).toContain('抓紧签订2021年电力中长期合同');
    expect(article).not.toContain('排行榜');
  });
});
