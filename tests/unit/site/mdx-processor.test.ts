/**
 * The lean MDX processor (scripts/site/mdx-processor.ts) must compile every generated page exactly
 * as Astro's default Sätteri processor does; it only skips plugins our pages never need. If the
 * generated MDX ever gains what those plugins handle (a Markdown heading, an image, an import),
 * the outputs differ and this fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { satteri } from '@astrojs/markdown-satteri';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import { loadGlossary } from '../../../scripts/concepts/glossary.ts';
import { conceptStage } from '../../../scripts/site/concept-stage.ts';
import { documentPages } from '../../../scripts/site/document-pages.ts';
import { siteDataFrom } from '../../../scripts/site/site-data.ts';
import { compileGeneratedMdx } from '../../../scripts/site/mdx-processor.ts';
import { readingHtmlFrom, takeOutLongHtml } from '../../../scripts/site/module-html.ts';

const corpus = ingestDirectory('seeds', 'content/curated');
const data = siteDataFrom(corpus);
const concepts = conceptStage(corpus.documents, loadGlossary('content/curated/concepts.json'));
// Every task gets a 相似任务 placeholder here, so the component case is covered on every page.
const docPages = documentPages(
  data,
  concepts.pluginsFor,
  () => (p) =>
    p.isTask ? [{ type: 'mdxJsxFlowElement', name: 'SimilarTasks', attributes: [{ type: 'mdxJsxAttribute', name: 'doc', value: 'x' }], children: [] }] : [],
);
const pages: Array<[string, string]> = [
  ...[...docPages].map(([id, mdx]): [string, string] => [path.resolve('content/generated/docs', `${id}.mdx`), mdx]),
  ...[...concepts.conceptPages].map(([id, mdx]): [string, string] => [path.resolve('content/generated/concepts', `${id}.mdx`), mdx]),
];

describe('the generated-MDX processor', () => {
  it("compiles every page of the seeds to the same module as Astro's default processor", async () => {
    const astroDefault = await satteri().createMdxRenderer!(
      { syntaxHighlight: { type: 'shiki' }, gfm: true, smartypants: true },
      { optimize: false, srcDir: new URL('../../../src/', import.meta.url) },
    );
    expect(pages.length).toBeGreaterThan(50);
    for (const [file, mdx] of pages) {
      const expected = await astroDefault.process(mdx, file, {});
      const actual = await compileGeneratedMdx(mdx, file, {});
      expect(actual.code, file).toBe(expected.code);
      expect(actual.astroMetadata, file).toEqual(expected.astroMetadata);
    }
  }, 120_000);

  it('would differ on what it leaves out: a Markdown heading gets no id from it', async () => {
    const mdx = '## 标题\n';
    const astroDefault = await satteri().createMdxRenderer!(
      { syntaxHighlight: false, gfm: true, smartypants: true },
      { optimize: false, srcDir: new URL('../../../src/', import.meta.url) },
    );
    const expected = await astroDefault.process(mdx, '/x.mdx', {});
    const actual = await compileGeneratedMdx(mdx, '/x.mdx', {});
    expect(expected.code).toContain('id: "标题"');
    expect(actual.code).not.toBe(expected.code);
  });

  it('rejects a broken page with its line and column (the MDX integration adds the file)', async () => {
    await expect(compileGeneratedMdx('<p>\n', '/tmp/bad.mdx', {})).rejects.toThrow(/^1:1: Expected a closing tag/);
  });
});

describe("a compiled page's long HTML kept out of its module", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'module-html-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const jsxRuntime = import.meta.resolve('astro/jsx-runtime');
  let written = 0;

  /** What the module's content renders to, with stand-ins for the page's components, as comparable JSON. */
  async function rendered(code: string): Promise<string> {
    const file = path.join(dir, `module-${written++}.mjs`);
    fs.writeFileSync(file, code.replace('"astro/jsx-runtime"', JSON.stringify(jsxRuntime)));
    const module = (await import(pathToFileURL(file).href)) as { default?: unknown; frontmatter: unknown };
    const content = Object.values(module).find((v) => typeof v === 'function' && v.name === 'MDXContent') as ((props: object) => unknown) | undefined;
    const tree = (content ?? new Function(`${code}; return MDXContent;`))({ components: { Fragment: 'Fragment', SimilarTasks: 'SimilarTasks' } });
    return JSON.stringify(tree, (_, v: unknown) => (typeof v === 'function' ? `fn:${v.name}` : v));
  }

  it('renders every page of the seeds as the module with its strings does', async () => {
    let keptOut = 0;
    const sizes = { before: 0, after: 0 };
    for (const [file, mdx] of pages) {
      const compiled = (await compileGeneratedMdx(mdx, file, {})).code;
      const taken = takeOutLongHtml(compiled);
      keptOut += taken.strings.length;
      const htmlFile = path.join(dir, `strings-${written}.json`);
      fs.writeFileSync(htmlFile, JSON.stringify(taken.strings));
      const reading = readingHtmlFrom(taken, htmlFile);
      expect(await rendered(`${reading}\nexport { MDXContent };`), file).toBe(await rendered(`${compiled}\nexport { MDXContent };`));
      sizes.before += Buffer.byteLength(compiled);
      sizes.after += Buffer.byteLength(reading);
    }
    expect(keptOut).toBeGreaterThan(100);
    // Here every task has a component; the built pages' modules keep even less.
    expect(sizes.after).toBeLessThan(sizes.before / 4);
  }, 120_000);

  it('leaves short strings, and strings JSON cannot read, in place', () => {
    const long = 'x'.repeat(600);
    const code = `_jsx(Fragment, { "set:html": "<p>short</p>" }), _jsx(Fragment, { "set:html": "\\x41${long}" }), _jsx(Fragment, { "set:html": "\\"${long}\\u2028" })`;
    const taken = takeOutLongHtml(code);
    expect(taken.strings).toEqual([`"${long}\u2028`]);
    expect(taken.code).toBe(
      `_jsx(Fragment, { "set:html": "<p>short</p>" }), _jsx(Fragment, { "set:html": "\\x41${long}" }), _jsx(Fragment, { "set:html": __keptOutHtml(0) })`,
    );
    expect(readingHtmlFrom(takeOutLongHtml('const a = 1;'), '/x.json')).toBe('const a = 1;');
  });
});
