import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import type { BuildBench } from '../../../scripts/bench/build-time.ts';
import { formatReport, type BenchResults } from '../../../scripts/bench/report.ts';
import { escapeMarkdown, floorDocuments, floorMdx, floorProjectFiles, formatStackFloor, type StackFloor } from '../../../scripts/bench/stack-floor.ts';

/** The string children of the compiled MDX's paragraphs, in order. */
async function compiledParagraphs(mdx: string): Promise<string[]> {
  const { code } = await mdxToJs(mdx, { jsxImportSource: 'astro' });
  return [...code.matchAll(/_jsx\(_components\.p, \{ children: ("(?:[^"\\]|\\.)*") \}\)/g)].map((m) => JSON.parse(m[1].replace(/\\\//g, '/')) as string);
}

describe('escapeMarkdown', () => {
  it('escapes ASCII punctuation and leaves Chinese text and full-width punctuation alone', () => {
    expect(escapeMarkdown('一、{x}<b>（一）')).toBe('一、\\{x\\}\\<b\\>（一）');
  });
});

describe('floorMdx', () => {
  it('turns every line of hostile text into a paragraph of exactly that text, with nothing run as code or markup', async () => {
    const lines = ['{import x from "y"}  <script>alert(1)</script>', '# 一、*强调* `code` [链接](http://a) \\ &amp; ~ |', '1. 不是列表'];
    const mdx = floorMdx({ id: 'x', title: '标题"{x}', lines: [`  ${lines[0]} `, '', ...lines.slice(1)] });
    expect(await compiledParagraphs(mdx)).toEqual(lines);
    expect(mdx.startsWith('---\ntitle: "标题\\"{x}"\n---\n')).toBe(true);
  });
});

describe('floorProjectFiles', () => {
  it('has one MDX entry per document of the real seeds, with every seed line of the document', async () => {
    const docs = floorDocuments(ingestDirectory('seeds', 'content/curated'));
    const files = floorProjectFiles(docs);
    expect(
      Object.keys(files)
        .filter((f) => f.startsWith('docs/'))
        .sort(),
    ).toEqual(docs.map((d) => `docs/${d.id}.mdx`).sort());
    expect(files['src/pages/docs/[id]/index.astro']).toContain('data-pagefind-body');
    const shizhong = docs.find((d) => d.id === 'jinan-shizhong-2024-xinxing-gongyehua')!;
    const paragraphs = await compiledParagraphs(files[`docs/${shizhong.id}.mdx`]);
    expect(paragraphs).toEqual(shizhong.lines.map((l) => l.trim()).filter((l) => l !== ''));
    expect(paragraphs.join('')).toContain('六个一');
  });
});

describe('formatStackFloor', () => {
  const floor = (cpu: number, wall: number): StackFloor => ({
    documents: 2000,
    pages: 4000,
    runs: 3,
    astro: { wall: wall / 2, cpu: cpu / 2 },
    pagefind: { wall: wall / 2, cpu: cpu / 2 },
    total: { wall, cpu },
  });

  it('says the goal is out of reach when the floor needs more CPU than the budget gives', () => {
    expect(formatStackFloor(floor(96, 70), 45, 2).at(-1)).toMatch(/needs 48\.0 s, so no build with this stack meets the goal/);
  });

  it('says what is left when only running the tools one after the other misses the budget', () => {
    expect(formatStackFloor(floor(88, 67.6), 45, 2).at(-1)).toMatch(
      /needs 44\.0 s, which leaves 1\.0 s for everything else the site does, and only if Pagefind could index/,
    );
  });

  it('makes no such claim when the floor fits the budget', () => {
    const line = formatStackFloor(floor(40, 30), 45, 2).at(-1);
    expect(line).toMatch(/leaves 15\.0 s for everything else/);
    expect(line).not.toMatch(/no build|only if/);
  });

  it("gives only the floor's CPU bound when the peer, and so the goal, was not measured", () => {
    const line = formatStackFloor(floor(40, 30), null, 2).at(-1);
    expect(line).toBe(
      "even side by side on 2 cores with none idle, the floor's CPU time needs 20.0 s; the Starlight peer was not measured, so there is no goal to set it against",
    );
  });
});

describe('the benchmark report', () => {
  const build = (label: string, documents: number, seconds: number): BuildBench => ({
    label,
    documents,
    seedBytes: 0,
    runs: 1,
    secondsEach: [seconds],
    seconds,
    cpuSeconds: seconds,
    steps: [],
    maxRssKb: null,
    distBytes: 0,
    distFiles: 0,
    offlineBytes: 0,
    zipBytes: 0,
  });
  const results = (stackFloor: StackFloor | null): BenchResults => ({
    runs: 1,
    ingest: [],
    builds: [build('seeds', 19, 10), build('2,000', 2019, 200)],
    pageWeight: 'not measured',
    firstSearch: [],
    others: {},
    stackFloor,
    totalSeconds: 1,
    loadAverage: { start: 0 },
  });
  const goalCell = (report: string) =>
    report
      .split('\n')
      .find((l) => l.startsWith('| Full build (median)'))!
      .split('|')
      .at(-2)!
      .trim();

  it("puts the stack floor's time beside the build-time goal, which is the Starlight peer's", () => {
    const floor: StackFloor = {
      documents: 2019,
      pages: 4038,
      runs: 1,
      astro: { wall: 31.5, cpu: 37 },
      pagefind: { wall: 36.1, cpu: 51 },
      total: { wall: 67.6, cpu: 88 },
    };
    expect(goalCell(formatReport(results(floor)))).toBe('against the Starlight peer, below (Astro then Pagefind alone: 67.6 s)');
  });

  it('leaves it out when the floor was not measured', () => {
    expect(goalCell(formatReport(results(null)))).toBe('against the Starlight peer, below');
  });
});
