import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import type { BuildBench } from '../../../scripts/bench/build-time.ts';
import { formatReport } from '../../../scripts/bench/report.ts';
import { comparePeer, formatPeer, PEER_DOCS_DIR, PEER_PACKAGES, peerMarkdown, peerPackageJson, peerProjectFiles } from '../../../scripts/bench/peer.ts';
import { floorDocuments } from '../../../scripts/bench/stack-floor.ts';

/** The Markdown's HTML, as stock Markdown with GitHub's extensions (Starlight's default) renders it. */
async function html(markdown: string): Promise<string> {
  return (await markdownToHtml(markdown, { features: { gfm: true } })).html;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('peerMarkdown', () => {
  it('turns every line of hostile text into a paragraph of exactly that text, with no markup, list, link or raw HTML', async () => {
    const lines = ['<script>alert(1)</script> {x}', '# 一、*强调* `code` [链接](http://a) \\ &amp; ~~删~~ | a | b |', '1. 不是列表', '- 也不是', '> 不是引用'];
    const page = await html(peerMarkdown({ id: 'x', title: 't', lines: ['', `  ${lines[0]} `, ...lines.slice(1)] }));
    const paragraphs = [...page.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => decode(m[1]));
    expect(paragraphs).toEqual(lines);
    expect(page.replace(/<\/?p>/g, '')).not.toMatch(/<[a-z]/);
  });

  it('lets a bare web address become a link, as stock Markdown with GitHub extensions does on any Starlight site', async () => {
    expect(await html(peerMarkdown({ id: 'x', title: 't', lines: ['见 https://example.org 。'] }))).toContain('<a href="https://example.org">');
  });

  it('keeps a title with quotes, colons and # as one YAML string', () => {
    const md = peerMarkdown({ id: 'x', title: '关于"十四五": 规划 #1', lines: ['正文'] });
    expect(md.startsWith('---\ntitle: "关于\\"十四五\\": 规划 #1"\n---\n\n正文\n')).toBe(true);
  });
});

describe('peerProjectFiles', () => {
  const docs = floorDocuments(ingestDirectory('seeds', 'content/curated'));
  const files = peerProjectFiles(docs);

  it('has one Markdown page per document of the real seeds, and a home page', () => {
    const pages = Object.keys(files).filter((f) => f.startsWith(`${PEER_DOCS_DIR}/`));
    expect(pages.sort()).toEqual(docs.map((d) => `${PEER_DOCS_DIR}/${d.id}.md`).sort());
    expect(files['src/content/docs/index.md']).toMatch(/^---\ntitle: /);
  });

  it('keeps every seed line of a document as a paragraph of its page', async () => {
    const shizhong = docs.find((d) => d.id === 'jinan-shizhong-2024-xinxing-gongyehua')!;
    const page = await html(files[`${PEER_DOCS_DIR}/${shizhong.id}.md`]);
    const paragraphs = [...page.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => decode(m[1]));
    expect(paragraphs).toEqual(shizhong.lines.map((l) => l.trim()).filter((l) => l !== ''));
    expect(paragraphs.join('')).toContain('六个一');
  });

  it("is a stock Starlight project in the site's language, with Starlight's loader and schema and its built-in search", () => {
    expect(files['astro.config.mjs']).toMatch(/import starlight from '@astrojs\/starlight'/);
    expect(files['astro.config.mjs']).toMatch(/lang: 'zh-CN'/);
    // Pagefind is Starlight's default; turning it off would make the peer cheaper than a real site.
    expect(files['astro.config.mjs']).not.toMatch(/pagefind/);
    expect(files['src/content.config.ts']).toMatch(/docsLoader\(\).*docsSchema\(\)/);
  });

  it('pins every package to an exact version', () => {
    const pkg = JSON.parse(peerPackageJson()) as { dependencies: Record<string, string> };
    expect(pkg.dependencies).toEqual(PEER_PACKAGES);
    for (const version of Object.values(pkg.dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['@astrojs/starlight', 'astro']));
  });
});

describe('comparePeer', () => {
  const peer = (wall: number) => ({ wall, cpu: wall, maxRssKb: 1e6 });

  it('takes the ratio pair by pair and reports their median against the goal of the corpus', () => {
    const c = comparePeer('2,000', 2019, 2019, [150, 100, 90], [peer(100), peer(100), peer(100)]);
    expect(c.ratioEach).toEqual([1.5, 1, 0.9]);
    expect(c.ratio).toBe(1);
    expect(formatPeer(c)).toMatch(/= 1\.00× in wall time, median of 3 pair\(s\) \(1\.50×, 1\.00×, 0\.90×\); goal ≤ 1\.0×: met; ours/);
    expect(formatPeer(comparePeer('seeds', 19, 19, [20], [peer(10)]))).toMatch(/2\.00× .*goal ≤ 1\.5×: MISSED/);
  });

  it('gives the CPU-time ratio beside it when our CPU time was measured', () => {
    const c = comparePeer('2,000', 2019, 2019, [150, 150], [peer(100), peer(50)], [300, 200]);
    expect(c.cpuRatioEach).toEqual([3, 4]);
    expect(c.cpuRatio).toBe(3.5);
    expect(formatPeer(c)).toMatch(/goal ≤ 1\.0×: MISSED; in CPU time 3\.50× \(3\.00×, 4\.00×\); ours/);
    expect(comparePeer('seeds', 19, 19, [1], [peer(1)]).cpuRatio).toBeNull();
  });

  it('refuses runs that do not pair up', () => {
    expect(() => comparePeer('seeds', 19, 19, [1, 2], [peer(1)])).toThrow(/must pair up/);
  });
});

describe('the benchmark report with the peer', () => {
  const build = (label: string, documents: number, seconds: number, maxRssKb: number): BuildBench => ({
    label,
    documents,
    seedBytes: 0,
    runs: 2,
    secondsEach: [seconds, seconds],
    seconds,
    cpuSeconds: seconds,
    steps: [],
    maxRssKb,
    distBytes: 0,
    distFiles: 0,
    offlineBytes: 0,
    zipBytes: 0,
  });
  const peer = (wall: number) => ({ wall, cpu: wall, maxRssKb: 5e5 });
  const report = formatReport({
    runs: 2,
    ingest: [],
    builds: [build('seeds', 19, 12, 6e5), build('2,000', 2019, 150, 4.2e6)],
    peers: [comparePeer('seeds', 19, 19, [12, 12], [peer(10), peer(8)]), comparePeer('2,000', 2019, 2019, [150, 150], [peer(100), peer(150)], [300, 300])],
    pageWeight: 'not measured',
    firstSearch: [],
    others: {},
    totalSeconds: 1,
    loadAverage: { start: 0 },
  });
  const row = (name: string) => report.split('\n').find((l) => l.startsWith(`| ${name}`))!;

  it('puts the ratio to the peer of each corpus beside the goals', () => {
    expect(row('Ours / Starlight peer (wall')).toBe(
      '| Ours / Starlight peer (wall, median of pairs in turns) | 1.35× (1.20, 1.50) | 1.25× (1.50, 1.00) | seeds ≤ 1.5×: met; 2,000 ≤ 1.0×: MISSED |',
    );
    expect(row('Ours / Starlight peer (CPU')).toMatch(/^\| Ours \/ Starlight peer \(CPU time, median of pairs\) \| — \| 2\.50× \(3\.00, 2\.00\) \|/);
  });

  it('judges peak memory at 2,000 documents in the units it prints', () => {
    // 4.2 million KB is 4.30 GB as printed, over the 4.2 GB goal.
    expect(row('Peak memory')).toMatch(/\| 4300\.80 MB \| 2,000: ≤ 4\.2 GB: MISSED \|$/);
  });
});
