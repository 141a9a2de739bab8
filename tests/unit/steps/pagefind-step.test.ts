import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexWithPagefind } from '../../../scripts/steps/pagefind-step.ts';
import { pagefindHtml } from '../../../scripts/search/pagefind-records.ts';
import { extractPage } from '../../../scripts/search/extract.ts';
import { departmentPage } from '../../../scripts/search/model-pages.ts';
import { docHtml, task } from '../search/fixtures.ts';

const page = extractPage(
  docHtml({
    title: '示例<计划>',
    filters: [
      ['level', '市级'],
      ['region', '山东省'],
    ],
    date: '2024-07-30',
    body: `<div class="preamble"><p>为推行链长制 & 首台（套），制定本计划。</p></div>${task('item_1', '一、1.', '1.落实链长制。', '实行“链长制”工作推进机制。')}`,
  }),
  'docs/x/',
)!;

describe('Pagefind records from the model', () => {
  it('give the title as meta and every section heading with its id, filters and sort, not the running text', () => {
    const html = pagefindHtml(page);
    expect(html).toContain('<h1 data-pagefind-meta="title">示例&lt;计划&gt;</h1>');
    expect(html).toContain('<h2 id="item_1">1.落实链长制。</h2>');
    expect(html).not.toContain('制定本计划');
    expect(html).not.toContain('工作推进机制');
    expect(html).toContain('<span data-pagefind-filter="region">山东省</span>');
    expect(html).toContain('<span data-pagefind-sort="date">2024-07-30</span>');
    expect(html).not.toContain('<计划>');
  });

  it('are indexed by Pagefind’s service, documents only, and written as its bundle', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'pagefind-step-'));
    try {
      const result = await indexWithPagefind([page, departmentPage({ name: '市工信局', slug: 'shigongxinju' })], path.join(out, 'pagefind'));
      expect(result.pages).toBe(1);
      expect(existsSync(path.join(out, 'pagefind/pagefind.js'))).toBe(true);
      expect(existsSync(path.join(out, 'pagefind/pagefind-entry.json'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
