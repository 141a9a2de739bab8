import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { buildSeedIndex, checkHostileText, findUnsafeMarkup, readSeedTexts, SEED_MATCH_MIN, visibleText } from '../script-safety.ts';
import { loadPages } from '../site-files.ts';

const UNSAFE = 'tests/fixtures/site/unsafe';
const seeds = buildSeedIndex(readSeedTexts('seeds'));
const parse = (file: string) => fromHtml(readFileSync(`${UNSAFE}/${file}`, 'utf8'));

describe('seed index', () => {
  it('reads all five real seeds as text', () => {
    const texts = readSeedTexts('seeds');
    expect(texts).toHaveLength(5);
    expect(texts[0]).toContain('市中政字〔2024〕29号');
  });

  it("finds seed text across the seeds' hard wraps and spaced letterheads", () => {
    // Lines 6–7 of seeds/000: "…产业转型升级行动" / "" / "计划（2024—2026 年）…".
    expect(seeds.find('var t = "推进新型工业化加快产业转型升级行动计划（2024—2026年）";')).not.toBeNull();
    expect(seeds.find('济南市市中区人民政府关于')).not.toBeNull();
  });

  it(`ignores code and runs of seed text shorter than ${SEED_MATCH_MIN} characters`, () => {
    expect(seeds.find('document.documentElement.dataset.js = `on`;')).toBeNull();
    expect(seeds.find('const label = "总体要求";')).toBeNull();
  });
});

describe('findUnsafeMarkup', () => {
  it('flags event handlers, javascript: URLs, seed text in a module script and broken JSON', () => {
    const found = findUnsafeMarkup(parse('index.html'), 'index.html', seeds);
    expect(found.map(({ code, line }) => `${line} ${code}`)).toEqual([
      '6 security/seed-in-script',
      '8 security/broken-json',
      '11 security/event-handler',
      '14 security/event-handler',
      '15 security/javascript-url',
    ]);
    expect(found[0]?.message).toBe('an executable <script> contains seed text "济南市市中区推进新型工业…"');
    expect(found[2]).toEqual({
      severity: 'error',
      code: 'security/event-handler',
      message: '<body onload="…"> is an inline event handler',
      hint: 'attach the listener in a bundled script; inline handlers defeat a strict Content-Security-Policy',
      file: 'index.html',
      line: 11,
      column: 1,
    });
  });

  it('finds nothing unsafe in the basic fixture site, whose JSON data script carries seed text', () => {
    const pages = loadPages('tests/fixtures/site/basic');
    expect(pages.flatMap((page) => findUnsafeMarkup(page.tree, page.file, seeds))).toEqual([]);
  });
});

describe('checkHostileText', () => {
  const payload = '<script>alert("seed")</script>';

  it('accepts a page that shows the seed markup as text', () => {
    expect(checkHostileText(parse('hostile-literal.html'), 'hostile-literal.html', payload)).toEqual([]);
  });

  it('flags a page that inserted the seed markup as HTML', () => {
    expect(checkHostileText(parse('hostile-raw.html'), 'hostile-raw.html', payload).map(({ code, line }) => `${line} ${code}`)).toEqual([
      '0 security/hostile-not-literal',
      '5 security/hostile-script',
    ]);
  });

  it('reads visible text without script and style contents', () => {
    expect(visibleText(fromHtml('<p>a<script>b</script><style>c</style>d</p>', { fragment: true }))).toBe('ad');
  });
});
