/**
 * Built pages run no code that came from seed text and carry no inline
 * event handlers, so a hostile seed can at worst show odd text.
 */
import path from 'node:path';
import { describe, it } from 'vitest';
import { expectNoDiagnostics } from './report.ts';
import { buildSeedIndex, checkHostileText, findUnsafeMarkup, readSeedTexts } from './script-safety.ts';
import { loadPages } from './site-files.ts';
import { siteUnderTest } from './site-under-test.ts';

/**
 * TODO(hostile-seed): the page built from the hostile seed and the markup in
 * its text. Set this once that seed exists (e.g. `{ page: 'docs/<id>/index.html',
 * text: '<script>alert("seed")</script>' }`); until then the check is a todo.
 */
const HOSTILE_SEED: { page: string; text: string } | null = null;

const site = siteUnderTest();
const pages = loadPages(site.dir);
const SEEDS_DIR = path.resolve(import.meta.dirname, '../../seeds');

describe(`security of ${site.label}`, () => {
  it('no inline event handlers, javascript: URLs, seed text in executable scripts or broken JSON scripts', () => {
    const seeds = buildSeedIndex(readSeedTexts(SEEDS_DIR));
    expectNoDiagnostics(pages.flatMap((page) => findUnsafeMarkup(page.tree, page.file, seeds)), site.label, 'unsafe markup findings');
  });

  if (HOSTILE_SEED === null) {
    it.todo('the hostile-seed page shows its markup as text (set HOSTILE_SEED in tests/site/security.test.ts)');
  } else {
    const { page: file, text } = HOSTILE_SEED;
    it(`the hostile-seed page ${file} shows its markup as text`, () => {
      const page = pages.find((candidate) => candidate.file === file);
      if (page === undefined) throw new Error(`HOSTILE_SEED.page ${file} is not in ${site.label}; update it in tests/site/security.test.ts`);
      expectNoDiagnostics(checkHostileText(page.tree, page.file, text), site.label, 'hostile-seed findings');
    });
  }
});
