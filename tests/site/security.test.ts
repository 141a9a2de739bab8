/**
 * Built pages run no code that came from seed text and carry no inline
 * event handlers, so a hostile seed can at worst show odd text. The hostile
 * seeds themselves (markup, MDX, scripts in the text) are built and checked,
 * in the HTML and in Chromium, by tests/site/hostile.test.ts.
 */
import path from 'node:path';
import { describe, it } from 'vitest';
import { expectNoDiagnostics } from './report.ts';
import { buildSeedIndex, findUnsafeMarkup, readSeedTexts } from './script-safety.ts';
import { loadPages } from './site-files.ts';
import { siteUnderTest } from './site-under-test.ts';

const site = siteUnderTest();
const pages = loadPages(site.dir);
const SEEDS_DIR = path.resolve(import.meta.dirname, '../../seeds');

describe(`security of ${site.label}`, () => {
  it('no inline event handlers, javascript: URLs, seed text in executable scripts or broken JSON scripts', () => {
    const seeds = buildSeedIndex(readSeedTexts(SEEDS_DIR));
    expectNoDiagnostics(
      pages.flatMap((page) => findUnsafeMarkup(page.tree, page.file, seeds)),
      site.label,
      'unsafe markup findings',
    );
  });
});
