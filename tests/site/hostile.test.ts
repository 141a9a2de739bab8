/**
 * Hostile and malformed seeds (tests/fixtures/hostile/cases.ts) built together
 * with the real seeds in a throw-away copy of the project: the build succeeds,
 * the real documents are all there, every expected diagnostic is in the build
 * report at file:line, and in Chromium each hostile page shows its text
 * literally while nothing from the seeds runs — at build time or in the page.
 * The build is the first of the rebuild checks (tests/site/rebuild-scenario.ts),
 * where one real seed file is left out and one edited: checked from the copy of
 * its output made before the copy is built again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDirectory } from '../../scripts/ingest/index.ts';
import type { Block, Corpus, PolicyDocument } from '../../scripts/ingest/model.ts';
import { CorpusSchema } from '../../scripts/contract/corpus.ts';
import { startStaticServer, type StaticServer } from '../../scripts/harness/static-server.ts';
import { siteConfig } from '../../scripts/urls/config.ts';
import { paths } from '../../scripts/urls/paths.ts';
import { HOSTILE_CASES, type ExpectedDiagnostic, type HostileCase } from '../fixtures/hostile/cases.ts';
import { REPO_ROOT } from '../../scripts/harness/temp-project.ts';
import { launchBrowser, type BrowserSession } from '../../scripts/harness/browser.ts';
import { duplicateIds } from './page-refs.ts';
import { expectNoDiagnostics } from './report.ts';
import { buildSeedIndex, findUnsafeMarkup } from './script-safety.ts';
import { CANARY, type FirstBuild, fileState, firstBuild } from './rebuild-scenario.ts';
import { loadPages } from './site-files.ts';

/** The file a `{fs.writeFileSync("/tmp/x","y")}` line would write if MDX ever ran it. */

let built: FirstBuild;
/** Where the build's dist/, corpus.json and build-report.md were copied to. */
let snapshot: string;
let corpus: Corpus;
let report: string;
let server: StaticServer;
let browser: BrowserSession;
const dialogs: string[] = [];
const pageErrors: string[] = [];
const canaryBefore = fileState(CANARY);
/** Each case's seed files, made once (the huge one is 20 MB). */
const SEEDS = new Map(HOSTILE_CASES.map((c) => [c.name, c.seeds()]));

beforeAll(async () => {
  built = await firstBuild();
  snapshot = built.snapshotDir;
  expect(built.hostileSeeds.sort(), 'the seeds the build had').toEqual([...SEEDS.values()].flatMap((seeds) => Object.keys(seeds)).sort());
  corpus = CorpusSchema.parse(JSON.parse(fs.readFileSync(path.join(snapshot, 'corpus.json'), 'utf8')));
  report = fs.readFileSync(path.join(snapshot, 'build-report.md'), 'utf8');
  server = await startStaticServer({ root: path.join(snapshot, 'dist'), base: siteConfig().base });
  browser = await launchBrowser();
  browser.context.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  browser.context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
  browser.page.on('pageerror', (error) => pageErrors.push(error.message));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a build with every hostile seed beside the real ones', () => {
  it('succeeds and keeps every real document under its usual id', () => {
    const real = ingestDirectory(path.join(REPO_ROOT, 'seeds'), path.join(REPO_ROOT, 'content/curated'));
    const realFiles = new Set(Object.keys(real.sources));
    const kept = corpus.documents.filter((d) => d.sources.some((s) => realFiles.has(s.file)));
    // The seed file the rebuild checks leave out takes its documents with it; the edited one keeps its ids.
    const present = real.documents.filter((d) => d.sources.some((s) => s.file !== built.removedSeed));
    expect(real.documents).toHaveLength(19);
    expect(present.length).toBeGreaterThan(15);
    expect(kept.map((d) => d.id).sort()).toEqual(present.map((d) => d.id).sort());
    for (const doc of present) expect(fs.existsSync(pageFile(paths.doc(doc.id))), `page of ${doc.id}`).toBe(true);
  });

  it('lists every hostile case once, at least twenty of them', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
  });

  for (const c of HOSTILE_CASES) {
    it(`${c.name}: ${c.why}`, () => {
      const docs = documentsOf(c);
      expect(
        docs.map((d) => d.id),
        'documents from the case',
      ).toHaveLength(c.expect.documents);
      if (c.expect.sourcesPerDocument) for (const doc of docs) expect(doc.sources).toHaveLength(c.expect.sourcesPerDocument);
      if (c.expect.units) expect(docs.flatMap((d) => unitNames(d.body))).toEqual(expect.arrayContaining(c.expect.units));
      const missing = c.expect.diagnostics.filter((d) => !reportLists(report, d));
      expect(missing.map(describeDiagnostic), `not in content/generated/build-report.md:\n${reportLinesOf(c).join('\n')}`).toEqual([]);
    });
  }
});

describe('hostile pages in Chromium', () => {
  for (const c of HOSTILE_CASES.filter((x) => x.expect.documents > 0)) {
    it(`${c.name}: the document and original-text pages show the text literally`, async () => {
      for (const doc of documentsOf(c)) {
        const docText = await visibleText(browser.page, paths.doc(doc.id));
        for (const literal of c.expect.literal) expect(docText, `${paths.doc(doc.id)} shows ${JSON.stringify(literal)}`).toContain(squash(literal));
        const sourceText = await visibleText(browser.page, paths.source(doc.id));
        for (const literal of c.expect.sourceLiteral ?? c.expect.literal) {
          expect(sourceText, `${paths.source(doc.id)} shows ${JSON.stringify(literal)}`).toContain(squash(literal));
        }
      }
    });
  }

  it('a title with markup is text in <title>, the heading and the open data', async () => {
    const [doc] = documentsOf(HOSTILE_CASES.find((c) => c.name === 'title-markup')!);
    const title = '市中区<script>alert("title")</script>{title}数据开放实施方案';
    await browser.page.goto(url(paths.doc(doc.id)));
    expect(await browser.page.title()).toContain(title);
    expect(await browser.page.locator('h1').first().innerText()).toContain(title);
    const data = JSON.parse(fs.readFileSync(pageFile(paths.data('documents.json')), 'utf8')) as unknown;
    expect(JSON.stringify(data)).toContain(JSON.stringify(title).slice(1, -1));
  });

  it('no page of the site has inline event handlers, javascript: URLs or seed text in a script', () => {
    // Every decoded seed line, real and hostile, as the ingest read it.
    const seeds = buildSeedIndex(Object.values(corpus.sources).map((lines) => lines.join('\n')));
    const pages = loadPages(path.join(snapshot, 'dist'));
    expect(pages.length).toBeGreaterThan(100);
    expectNoDiagnostics(
      pages.flatMap((page) => findUnsafeMarkup(page.tree, page.file, seeds)),
      'hostile build',
      'unsafe markup findings',
    );
  });

  it('hostile pages use no id twice', () => {
    const hostile = HOSTILE_CASES.flatMap(documentsOf).flatMap((d) => [paths.doc(d.id), paths.source(d.id)]);
    const repeated = hostile.flatMap((sitePath) => duplicateIds(fromHtml(fs.readFileSync(pageFile(sitePath), 'utf8'))).map(({ id }) => `${sitePath}#${id}`));
    expect(repeated).toEqual([]);
  });

  it('nothing from the seeds ran: no dialog, no script error, no /tmp/x, the build exited 0', () => {
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(built.canaryAfter, `${CANARY} after the build`).toEqual(built.canaryBefore);
    expect(fileState(CANARY), `${CANARY} after the pages were opened`).toEqual(canaryBefore);
    expect(built.status).toBe(0);
    const hostilePage = fs.readFileSync(pageFile(paths.doc(documentsOf(HOSTILE_CASES.find((c) => c.name === 'html')!)[0].id)), 'utf8');
    // The payload is in the page only as escaped text: parsing it yields no <img> with an onerror.
    const tree = fromHtml(hostilePage);
    expect(JSON.stringify(tree)).not.toMatch(/"onError"/);
  });
});

/** The documents that have one of the case's seed files among their sources. */
function documentsOf(c: HostileCase): PolicyDocument[] {
  const files = new Set(Object.keys(SEEDS.get(c.name)!));
  return corpus.documents.filter((d) => d.sources.some((s) => files.has(s.file)));
}

/** Names of the responsible units of every provision under `blocks`. */
function unitNames(blocks: Block[]): string[] {
  return blocks.flatMap((b) =>
    b.type === 'provision' ? [...b.units.map((u) => u.name), ...unitNames(b.children)] : b.type === 'box' ? unitNames(b.children) : [],
  );
}

/** True when the report has the diagnostic as "- file:line: severity code:" (line 0: "- file: …"). */
function reportLists(text: string, d: ExpectedDiagnostic): boolean {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  return text.split('\n').some((line) => line.startsWith(`- ${where}: `) && new RegExp(`^- \\S+: (?:error|warning|info) ${escapeRegExp(d.code)}:`).test(line));
}

function reportLinesOf(c: HostileCase): string[] {
  const files = Object.keys(SEEDS.get(c.name)!);
  return report.split('\n').filter((line) => files.some((f) => line.startsWith(`- ${f}`)));
}

function describeDiagnostic(d: ExpectedDiagnostic): string {
  return `${d.code} at ${d.line > 0 ? `${d.file}:${d.line}` : d.file}`;
}

/** The page's visible text with runs of whitespace made one space. */
async function visibleText(page: Page, sitePath: string): Promise<string> {
  const response = await page.goto(url(sitePath));
  expect(response?.status(), `${sitePath} status`).toBe(200);
  return squash(await page.locator('body').innerText());
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** A site path (with base) as a URL on the test server. */
function url(sitePath: string): string {
  return new URL(sitePath.slice(siteConfig().base.length), server.url).href;
}

/** The built file behind a site path: "/docs/x/" → dist/docs/x/index.html. */
function pageFile(sitePath: string): string {
  const relative = sitePath.slice(siteConfig().base.length);
  return path.join(snapshot, 'dist', relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
