/**
 * Every built page is valid HTML under html-validate's recommended rules, and
 * no page uses an id twice (a duplicate id breaks #fragment links and labels).
 */
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { describe, it } from 'vitest';
import { duplicateIds } from './page-refs.ts';
import { expectNoDiagnostics, type SiteDiagnostic } from './report.ts';
import { loadPages } from './site-files.ts';
import { siteUnderTest } from './site-under-test.ts';

/** html-validate's recommended preset, relaxed only where generated pages justify it. */
const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Page titles are official document titles (often 40–70+ characters of
    // Chinese); shortening them for SEO would rewrite the document's name.
    'long-title': 'off',
    // Anchors are generated from headings and numbers in the seeds, so an id
    // can start with a digit ("2024年…"); HTML only requires ids to be
    // non-empty and space-free, which relaxed mode still checks.
    'valid-id': ['error', { relaxed: true }],
  },
};

const site = siteUnderTest();
const pages = loadPages(site.dir);
// A static loader: only the config above applies, never a stray .htmlvalidate.json on disk.
const validator = new HtmlValidate(new StaticConfigLoader(HTML_VALIDATE_CONFIG));

describe(`HTML of ${site.label}`, () => {
  it(`all ${pages.length} pages pass html-validate (recommended)`, async () => {
    const found: SiteDiagnostic[] = [];
    for (const page of pages) {
      const report = await validator.validateString(page.html, page.file);
      for (const message of report.results.flatMap((result) => result.messages)) {
        found.push({
          severity: message.severity === 2 ? 'error' : 'warning',
          code: `html/${message.ruleId}`,
          message: message.selector ? `${message.message} (${message.selector})` : message.message,
          hint: message.ruleUrl,
          file: page.file,
          line: message.line,
          column: message.column,
        });
      }
    }
    expectNoDiagnostics(found, site.label, 'html-validate messages');
  });

  it('no page uses an id twice', () => {
    const found: SiteDiagnostic[] = pages.flatMap((page) =>
      duplicateIds(page.tree).map(({ id, lines }) => ({
        severity: 'error' as const,
        code: 'html/duplicate-id',
        message: `id="${id}" is used ${lines.length} times (lines ${lines.join(', ')})`,
        hint: 'make generated anchors unique per page, e.g. prefix them with their section eid',
        file: page.file,
        line: lines[1] ?? 0,
      })),
    );
    expectNoDiagnostics(found, site.label, 'duplicate ids');
  });
});
