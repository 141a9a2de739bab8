/** The benchmark report: bench/results.md, also printed to the console. */
import os from 'node:os';
import type { BuildBench } from './build-time.ts';
import type { IngestBench } from './ingest-speed.ts';
import { PEER_GOALS, type PeerComparison } from './peer.ts';
import type { FirstSearch } from './others.ts';
import type { PageWeightBench } from './page-weight.ts';
import type { StackFloor } from './stack-floor.ts';
import { growthPerDoubling, kb, mb, seconds, verdict } from './stats.ts';

/** Goals the table checks. */
export const GOALS = {
  growthPerDoubling: 2.1,
  pageWeightBytes: 25 * 1024,
  firstSearchBytes: 150 * 1024,
  offlineFileBytes: 5 * 1024 * 1024,
  offlineFirstResultMs: 1000,
  /** Peak memory of the build's process tree at 2,000 documents, in bytes as the report prints them (GB = 10^9). */
  peakMemoryBytes2000: 4.2e9,
} as const;

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  runs: number;
  ingest: IngestBench[];
  /** Seeds first, then the synthetic corpora in increasing size. */
  builds: BuildBench[];
  /** Our builds against the Starlight peer's, runs taken in turns (scripts/bench/peer.ts); absent when not measured. */
  peers?: PeerComparison[];
  pageWeight: PageWeightBench | string;
  firstSearch: Array<FirstSearch | string>;
  /** Lines from the other helpers' benchmarks, by section. */
  others: Record<string, string[]>;
  /** Astro and Pagefind alone on the largest corpus (scripts/bench/stack-floor.ts); null when not measured. */
  stackFloor?: StackFloor | null;
  totalSeconds: number;
  /** One-minute load average when the benchmark started. */
  loadAverage: { start: number };
}

/** Growth per doubling between the two largest builds (the goal's measure), or null with fewer than two synthetic builds. */
export function largestGrowth(builds: readonly BuildBench[], pick: (b: BuildBench) => number = (b) => b.seconds): number | null {
  const synthetic = builds.filter((b) => b.label !== 'seeds');
  if (synthetic.length < 2) return null;
  const [a, b] = synthetic.slice(-2);
  return growthPerDoubling(a.documents, pick(a), b.documents, pick(b));
}

/** The report as Markdown. */
export function formatReport(r: BenchResults, now = new Date()): string {
  // Without builds (--parts without builds) there is no table, only the other sections.
  if (r.builds.length === 0) {
    const sections = Object.entries(r.others).flatMap(([section, lines]) => [`## ${section}`, '', ...lines.map((l) => `- ${l}`), '']);
    return [
      '# Benchmark results',
      '',
      `Written by scripts/bench.ts (\`npm run bench\`) on ${now.toISOString().slice(0, 10)}; no builds measured.`,
      '',
      ...sections,
      `Benchmark wall time: ${seconds(r.totalSeconds)}.`,
      '',
    ].join('\n');
  }
  const cpu = os.cpus();
  const growth = largestGrowth(r.builds);
  const cpuGrowth = r.builds.every((b) => b.cpuSeconds !== null) ? largestGrowth(r.builds, (b) => b.cpuSeconds!) : null;
  const largest = r.builds.at(-1)!;
  const cells = (f: (b: BuildBench) => string) => r.builds.map(f).join(' | ');
  const header = `| Measure | ${r.builds.map((b) => `${b.label} (${b.documents} docs)`).join(' | ')} | Goal |`;
  const rule = `|---|${r.builds.map(() => '---:').join('|')}|---|`;
  const ingestCell = (b: BuildBench) => {
    const i = r.ingest.find((x) => x.label === b.label);
    return i ? `${i.mbPerSecond.toFixed(2)} MB/s (${mb(i.bytes)} in ${seconds(i.seconds)})` : '—';
  };
  const search = r.firstSearch.filter((s): s is FirstSearch => typeof s !== 'string');
  const searchOf = (b: BuildBench) => search.find((x) => x.label === b.label);
  const searchCell = (b: BuildBench) => {
    const s = searchOf(b);
    return s ? `${kb(s.worstBytes)} (${s.worstQuery}; median ${kb(s.medianBytes)}, ${s.queries} queries)` : '—';
  };
  const largestSearch = searchOf(largest);
  const offlineCell = (b: BuildBench) => {
    const o = searchOf(b)?.offline;
    return o
      ? `${Object.entries(o.worstMs)
          .map(([browser, ms]) => `${browser} ${ms} ms`)
          .join(', ')}; largest file ${mb(o.largestBytes)}`
      : '—';
  };
  const qualityCell = (b: BuildBench) => {
    const q = searchOf(b)?.quality;
    return q ? `${(q.recall * 100).toFixed(1)}% / ${(q.precisionAt5 * 100).toFixed(1)}%` : '—';
  };
  const offlineOk = (o: FirstSearch['offline']) =>
    o !== undefined && o.largestBytes <= GOALS.offlineFileBytes && Object.values(o.worstMs).every((ms) => ms <= GOALS.offlineFirstResultMs);
  const pw = typeof r.pageWeight === 'string' ? null : r.pageWeight;
  // What the tools alone take for the same corpus: the goal's context on the machine at hand.
  const floorNote = r.stackFloor ? ` (Astro then Pagefind alone: ${seconds(r.stackFloor.total.wall)})` : '';
  const peerOf = (b: BuildBench) => r.peers?.find((p) => p.label === b.label);
  const peerGoals = Object.entries(PEER_GOALS)
    .map(([name, goal]) => {
      const p = r.peers?.find((x) => x.label === name);
      return `${name} ≤ ${goal.toFixed(1)}×: ${p ? verdict(p.ratio <= goal) : 'n/a'}`;
    })
    .join('; ');
  const build2000 = r.builds.find((b) => b.label === '2,000');
  const memoryGoal = `2,000: ≤ ${(GOALS.peakMemoryBytes2000 / 1e9).toFixed(1)} GB: ${build2000?.maxRssKb ? verdict(build2000.maxRssKb * 1024 <= GOALS.peakMemoryBytes2000) : 'n/a'}`;
  const rows = [
    `| Ingest speed | ${cells(ingestCell)} | |`,
    `| Full build (median) | ${cells((b) => `${seconds(b.seconds)}`)} | against the Starlight peer, below${floorNote} |`,
    `| Build runs | ${cells((b) => b.secondsEach.map((s) => s.toFixed(1)).join(', '))} | |`,
    `| Full build CPU time (user + sys, median) | ${cells((b) => (b.cpuSeconds === null ? 'n/a' : seconds(b.cpuSeconds)))} | |`,
    `| Growth per doubling (wall) | ${cells((b) => (b === largest && growth !== null ? `${growth.toFixed(2)}×` : ''))} | ≤ ${GOALS.growthPerDoubling}×: ${growth === null ? 'n/a' : verdict(growth <= GOALS.growthPerDoubling)} |`,
    `| Growth per doubling (CPU) | ${cells((b) => (b === largest && cpuGrowth !== null ? `${cpuGrowth.toFixed(2)}×` : ''))} | ≤ ${GOALS.growthPerDoubling}×: ${cpuGrowth === null ? 'n/a' : verdict(cpuGrowth <= GOALS.growthPerDoubling)} |`,
    ...(r.peers && r.peers.length > 0
      ? [
          `| Ours / Starlight peer (wall, median of pairs in turns) | ${cells((b) => {
            const p = peerOf(b);
            return p ? `${p.ratio.toFixed(2)}× (${p.ratioEach.map((x) => x.toFixed(2)).join(', ')})` : '—';
          })} | ${peerGoals} |`,
          `| Ours / Starlight peer (CPU time, median of pairs) | ${cells((b) => {
            const p = peerOf(b);
            return p?.cpuRatio != null ? `${p.cpuRatio.toFixed(2)}× (${p.cpuRatioEach!.map((x) => x.toFixed(2)).join(', ')})` : '—';
          })} | the goals are on wall time; CPU time is the work done, less moved by other load |`,
          `| Starlight peer build (runs) | ${cells((b) => {
            const p = peerOf(b);
            return p ? p.peerEach.map((s) => s.toFixed(1)).join(', ') : '—';
          })} | |`,
        ]
      : []),
    `| Peak memory (build tree) | ${cells((b) => (b.maxRssKb === null ? 'n/a' : mb(b.maxRssKb * 1024)))} | ${memoryGoal} |`,
    `| dist/ size | ${cells((b) => `${mb(b.distBytes)} (${b.distFiles} files)`)} | |`,
    `| Offline copy / zip | ${cells((b) => `${mb(b.offlineBytes)} / ${mb(b.zipBytes)}`)} | |`,
    `| Document page weight (gzip, before search) | ${cells((b) => (b.label === 'seeds' && pw ? `${kb(pw.median)} median, ${kb(pw.heaviest.total)} heaviest` : '—'))} | ≤ ${kb(GOALS.pageWeightBytes)}: ${pw ? verdict(pw.withinGoal) : 'n/a'} |`,
    `| First search bytes (worst query) | ${cells(searchCell)} | ≤ ${kb(GOALS.firstSearchBytes)} for every query: ${largestSearch ? verdict(largestSearch.worstBytes <= GOALS.firstSearchBytes) : 'n/a'} |`,
    `| Offline first result (worst query) | ${cells(offlineCell)} | ≤ ${GOALS.offlineFirstResultMs} ms, no file > ${mb(GOALS.offlineFileBytes)}: ${largestSearch?.offline ? verdict(offlineOk(largestSearch.offline)) : 'n/a'} |`,
    `| Search recall / precision@5 | ${cells(qualityCell)} | 100% / ≥ 95% |`,
  ];
  const stepNames = [...new Set(r.builds.flatMap((b) => b.steps.map((s) => s.step)))];
  const stepRows = stepNames.map((step) => {
    const of = (b: BuildBench) => b.steps.find((s) => s.step === step)?.seconds;
    const g = largestGrowth(r.builds, (b) => Math.max(of(b) ?? 0, 0.01));
    return `| ${step} | ${cells((b) => (of(b) === undefined ? '—' : seconds(of(b)!)))} | ${g === null ? '' : `${g.toFixed(2)}×`} |`;
  });
  const pwLines = pw
    ? [
        `Typical page ${pw.typical.page}: ${Object.entries(pw.typical.byType)
          .map(([t, n]) => `${t} ${kb(n)}`)
          .join(', ')} (${pw.typical.requests} requests).`,
        `Heaviest page ${pw.heaviest.page}: ${Object.entries(pw.heaviest.byType)
          .map(([t, n]) => `${t} ${kb(n)}`)
          .join(', ')}.`,
      ]
    : [String(r.pageWeight)];
  return [
    '# Benchmark results',
    '',
    `Written by scripts/bench.ts (\`npm run bench\`) on ${now.toISOString().slice(0, 10)}; do not edit by hand.`,
    `Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.versions.node}; ` +
      `load average ${r.loadAverage.start.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end (other work on the machine inflates the times).`,
    `Times are medians of ${r.runs} run(s); synthetic corpora are the real seeds plus recombined documents (scripts/bench/corpus.ts).`,
    `Growth per doubling = (t₂/t₁)^(1/log₂(n₂/n₁)) between the two largest corpora; 2.0× is linear.`,
    '',
    header,
    rule,
    ...rows,
    '',
    '## Where the build time goes (median seconds per step, as the build prints them)',
    '',
    'Steps overlap, so they do not add up to the total: the compare stage runs beside the MDX pages (inside their time), the open data beside Astro, and Pagefind beside the sitemap, the search index and the offline copy.',
    '',
    `| Step | ${r.builds.map((b) => b.label).join(' | ')} | Growth per doubling |`,
    `|---|${r.builds.map(() => '---:').join('|')}|---:|`,
    ...stepRows,
    '',
    '## Document pages',
    '',
    ...pwLines,
    '',
    '## First search (scripts/bench/search.ts)',
    '',
    ...r.firstSearch.flatMap((s) => (typeof s === 'string' ? [`- ${s}`] : [`${s.label}:`, ...s.lines.map((l) => `- ${l}`)])),
    '',
    ...Object.entries(r.others).flatMap(([section, lines]) => [`## ${section}`, '', ...lines.map((l) => `- ${l}`), '']),
    `Benchmark wall time: ${seconds(r.totalSeconds)}.`,
    '',
  ].join('\n');
}
