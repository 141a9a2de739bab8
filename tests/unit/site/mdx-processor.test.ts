/**
 * The lean MDX processor (scripts/site/mdx-processor.ts) must compile every generated page exactly
 * as Astro's default Sätteri processor does; it only skips plugins our pages never need. If the
 * generated MDX ever gains what those plugins handle (a Markdown heading, an image, an import),
 * the outputs differ and this fails.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { satteri } from '@astrojs/markdown-satteri';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import { loadGlossary } from '../../../scripts/concepts/glossary.ts';
import { conceptStage } from '../../../scripts/site/concept-stage.ts';
import { documentPages } from '../../../scripts/site/document-pages.ts';
import { siteDataFrom } from '../../../scripts/site/site-data.ts';
import { compileGeneratedMdx } from '../../../scripts/site/mdx-processor.ts';

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
