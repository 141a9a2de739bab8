/**
 * Stage 2b on fixtures (tests/fixtures/chrome/<case>/input.txt, normalised first):
 * which lines are set aside as web chrome, export header or front matter, and the
 * fields read from them. Set UPDATE_FIXTURES=1 to rewrite expected.json on purpose.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setAsideChrome } from '../../../scripts/ingest/chrome.ts';
import { normalise } from '../../../scripts/ingest/normalise.ts';
import { readSeed } from '../../../scripts/ingest/read.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/chrome');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

/** What each fixture shows; every folder must be described here. */
const CASES: Record<string, string> = {
  'web-page-head-and-footer': 'sets aside a page title, breadcrumb, info and print lines and the site footer, and reads title, 文号 and dates',
  'metadata-box': 'sets aside a 名称/索引号/发文字号 box with its values and reads issuer and 文号 from it',
  'export-header': 'sets aside 【法宝引证码】, 原文链接 and 【…】 fields of a legal-database export and reads them',
  'yaml-front-matter': 'sets aside a YAML front matter block and reads its keys',
  'body-words-are-not-chrome': 'keeps body lines that use site words (首页, 打印, 联系我们, 来源) when the file does not end in chrome',
};

describe('setAsideChrome on fixtures', () => {
  const names = readdirSync(FIXTURES).sort();

  it('has a description for every fixture folder', () => {
    expect(names).toEqual(Object.keys(CASES).sort());
  });

  for (const name of names) {
    it(CASES[name] ?? name, () => {
      const dir = join(FIXTURES, name);
      const { source } = readSeed('input.txt', readFileSync(join(dir, 'input.txt')));
      const normalised = normalise(source!);
      const result = setAsideChrome('input.txt', normalised.lines);
      const shown = {
        setAside: result.normalisations.map((n) => `${n.line} ${n.kind}: ${n.before}`),
        kept: result.lines.map((l) => l.text),
        fields: result.fields,
      };
      const expectedPath = join(dir, 'expected.json');
      if (UPDATE) writeFileSync(expectedPath, `${JSON.stringify(shown, null, 2)}\n`);
      expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE_FIXTURES=1 and review it`).toBe(true);
      expect(shown).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
      // Every line is either kept or set aside, never both, never neither.
      expect(result.lines.length + result.normalisations.length).toBe(normalised.lines.length);
    });
  }
});
