/**
 * `npm run bench`: measures the pipeline on this machine and writes
 * bench/results.md (also printed). Not part of `npm test`; takes minutes.
 *
 *   ingest MB/s            scripts/bench/ingest-speed.ts (seeds, 2,000 documents)
 *   units and targets      scripts/bench/extraction.ts   (against the hand-checked set)
 *   PDF and Word reading   scripts/bench/formats.ts      (a 37-page PDF, a ruled-table PDF, a .docx)
 *   full builds            scripts/bench/build-time.ts   (seeds, 500, 2,000 documents; temp copies)
 *   document page weight   scripts/bench/page-weight.ts  (Chromium, gzip)
 *   first search, offline, compare, concepts: the other helpers' scripts/bench/*.ts, when present
 *   stack floor            scripts/bench/stack-floor.ts  (Astro and Pagefind alone, largest corpus)
 *   Starlight peer         scripts/bench/peer.ts         (a plain Starlight site of each corpus, runs taken in turns with ours)
 *   one document added     scripts/bench/incremental.ts  (largest corpus: clean against one added, and the stack's floor for it)
 *
 * Options: --runs N (default 3), --sizes 500,2000 (synthetic corpus sizes; 0 for none),
 * --parts a,b (default all: ingest, extraction, formats, builds, peer, pages, stages, floor, incremental), e.g.
 * `npm run bench -- --parts builds,peer --sizes 2000 --runs 2` for the ratio to the peer alone.
 * Generated seeds and builds live in temp folders; dist/ and content/generated/ are not touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchBuild, type BuildBench } from './bench/build-time.ts';
import { writeSyntheticSeeds } from './bench/corpus.ts';
import { benchIngest, type IngestBench } from './bench/ingest-speed.ts';
import { extractionLines } from './bench/extraction.ts';
import { formatLines } from './bench/formats.ts';
import { compareLines, conceptLines, firstSearch, offlineLines, type FirstSearch } from './bench/others.ts';
import { benchPageWeight, type PageWeightBench } from './bench/page-weight.ts';
import { formatReport } from './bench/report.ts';
import { median } from './bench/stats.ts';
import { comparePeer, formatPeer, installPeer, preparePeerSite, type PeerComparison, type PeerRun, type PeerSite } from './bench/peer.ts';
import { benchStackFloor, formatStackFloor, type StackFloor } from './bench/stack-floor.ts';
import { benchIncremental } from './bench/incremental.ts';
import { siteConfig } from './urls/config.ts';
import { paths } from './urls/paths.ts';
import { readGeneratedJson } from './contract/generated-file.ts';
import { CorpusSchema } from './contract/corpus.ts';

const RESULTS = 'bench/results.md';
const PARTS = ['ingest', 'extraction', 'formats', 'builds', 'peer', 'pages', 'stages', 'floor', 'incremental'] as const;
type Part = (typeof PARTS)[number];
const USAGE = `usage: npm run bench -- [--runs N] [--sizes 500,2000] [--parts ${PARTS.join(',')}]
  --runs N       runs of each measure (default 3)
  --sizes a,b    synthetic corpus sizes besides the seeds (default 500,2000; 0 for none)
  --parts a,b    what to measure (default all)
Writes ${RESULTS}. Example, the ratio to the Starlight peer alone: npm run bench -- --parts builds,peer --sizes 2000 --runs 2`;
const { values } = (() => {
  try {
    return parseArgs({
      options: {
        runs: { type: 'string', default: '3' },
        sizes: { type: 'string', default: '500,2000' },
        parts: { type: 'string', default: PARTS.join(',') },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const runs = Number(values.runs);
const parts = new Set(values.parts.split(',').map((p) => p.trim()));
for (const p of parts) if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--parts: unknown part "${p}" (parts: ${PARTS.join(', ')})`);
const want = (part: Part) => parts.has(part);
// The peer and the page measures run beside our builds.
if ((want('peer') || want('pages')) && !want('builds')) parts.add('builds');
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
if (!(runs >= 1)) throw new Error(`--runs must be a positive number (got "${values.runs}")`);
// Pages are served from the root below; a SITE_URL with a base path would build links that do not match.
if (siteConfig().base !== '/') throw new Error('run the benchmark without a SITE_URL base path (unset SITE_URL)');

const started = performance.now();
const loadAtStart = os.loadavg()[0];
const log = (text: string) => console.log(`bench: ${text}`);

const ingest: IngestBench[] = [];
const largestSize = sizes.at(-1);
// The seeds plus the largest synthetic corpus, for the ingest speed and the stack floor; removed at the end.
const largestSeeds = largestSize && (want('ingest') || want('floor')) ? fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-bench-seeds-')) : null;
if (largestSize && largestSeeds) {
  for (const file of fs.readdirSync('seeds')) fs.copyFileSync(path.join('seeds', file), path.join(largestSeeds, file));
  writeSyntheticSeeds({ documents: largestSize, dir: largestSeeds });
}
if (want('ingest')) {
  log(`ingest speed, ${runs} run(s) each`);
  ingest.push(benchIngest('seeds', 'seeds', 'content/curated', runs));
  if (largestSize && largestSeeds) ingest.push(benchIngest(label(largestSize), largestSeeds, 'content/curated', runs));
  for (const i of ingest) log(`ingest ${i.label}: ${i.documents} documents, ${i.mbPerSecond.toFixed(2)} MB/s`);
}

let pageWeight: PageWeightBench | string = 'not measured';
const searches: Array<FirstSearch | string> = [];
const others: Record<string, string[]> = {};
if (want('extraction')) {
  log('units and targets against the hand-checked set');
  others['Units and targets against the hand-checked set (scripts/bench/extraction.ts)'] = extractionLines();
}
if (want('formats')) {
  log('reading PDF and Word files');
  others['Reading PDF and Word files (scripts/bench/formats.ts)'] = await formatLines(Math.max(runs, 3));
  for (const line of others['Reading PDF and Word files (scripts/bench/formats.ts)']) log(line);
}
const builds: BuildBench[] = [];
const peers: PeerComparison[] = [];
const peerInstall = want('peer') ? installPeer(log) : null;
for (const size of want('builds') ? [0, ...sizes] : []) {
  log(
    `full build of ${size === 0 ? 'the seeds' : `the seeds + ${size} synthetic documents`}, ${runs} run(s)${peerInstall ? ', each followed by the Starlight peer' : ''}`,
  );
  let peerSite: PeerSite | null = null;
  const peerRuns: PeerRun[] = [];
  try {
    const build = await benchBuild({
      label: label(size),
      synthetic: size,
      runs,
      interleave: peerInstall
        ? (seedsDir) => {
            peerSite = preparePeerSite({ seedsDir, curatedDir: 'content/curated', installDir: peerInstall });
            const site = peerSite;
            return (run) => {
              peerRuns.push(site.build());
              log(`${label(size)} run ${run + 1}: peer ${peerRuns.at(-1)!.wall.toFixed(1)} s`);
            };
          }
        : undefined,
      inspect: want('pages')
        ? async (project) => {
            const dist = path.join(project.dir, 'dist');
            if (size === 0) {
              const corpus = readGeneratedJson(
                path.join(project.dir, 'content/generated/corpus.json'),
                CorpusSchema,
                'the ingest step (scripts/steps/ingest-step.ts)',
              );
              pageWeight = await benchPageWeight(
                dist,
                corpus.documents.map((d) => paths.doc(d.id).slice(1)),
              ).catch((error: Error) => `page weight: failed — ${error.message}`);
              others['Offline copy (scripts/bench/offline.ts)'] = await offlineLines(dist);
            }
            searches.push(await firstSearch(dist, label(size), { quality: size === 0 }));
          }
        : undefined,
    });
    builds.push(build);
    log(`${build.label}: ${build.documents} documents, median ${build.seconds.toFixed(1)} s (${build.secondsEach.map((s) => s.toFixed(1)).join(', ')})`);
    if (peerSite) {
      peers.push(comparePeer(build.label, build.documents, (peerSite as PeerSite).documents, build.secondsEach, peerRuns, build.cpuSecondsEach));
      log(formatPeer(peers.at(-1)!));
    }
  } finally {
    (peerSite as PeerSite | null)?.cleanup();
  }
}
if (peers.length > 0) others['Starlight peer, runs taken in turns with ours (scripts/bench/peer.ts)'] = peers.map(formatPeer);
if (largestSize && want('stages')) {
  log('compare and concept stages');
  others['Compare stage (scripts/bench/compare.ts)'] = await compareLines(largestSize);
  // The goal is about the whole build: what the concept stage adds, as a share of the full build of the same corpus.
  const fullBuild = (synthetic: number) => builds.find((b) => b.label === (synthetic === 0 ? 'seeds' : label(synthetic)))?.seconds ?? null;
  others['Concept stage (scripts/bench/concepts.ts)'] = await conceptLines(largestSize, { seeds: fullBuild(0), synthetic: fullBuild(largestSize) });
}
let stackFloor: StackFloor | null = null;
if (largestSize && largestSeeds && want('floor')) {
  log(`stack floor: Astro and Pagefind alone on the seeds + ${largestSize} synthetic documents, ${runs} run(s)`);
  try {
    stackFloor = benchStackFloor({ seedsDir: largestSeeds, curatedDir: 'content/curated', runs });
    // The build-time goal at the largest size is the Starlight peer's time (1.0×), when it was measured.
    const peer = peers.find((p) => p.label === label(largestSize));
    others['Stack floor: Astro and Pagefind alone, no site features (scripts/bench/stack-floor.ts)'] = formatStackFloor(
      stackFloor,
      peer ? median(peer.peerEach) : null,
      os.cpus().length,
    );
  } catch (error) {
    others['Stack floor (scripts/bench/stack-floor.ts)'] = [`failed — ${(error as Error).message.split('\n')[0]}`];
  }
}
if (largestSeeds) fs.rmSync(largestSeeds, { recursive: true, force: true });
if (largestSize && want('incremental')) {
  log(`one document added to the seeds + ${largestSize} synthetic documents, against a clean build and the stack's floor, ${runs} round(s)`);
  const title = 'One document added: clean build, then one added; the stack floor alike (scripts/bench/incremental.ts)';
  try {
    others[title] = benchIncremental({ synthetic: largestSize, rounds: runs, floor: true });
  } catch (error) {
    others[title] = [`failed — ${(error as Error).message.split('\n')[0]}`];
  }
}

const report = formatReport({
  runs,
  ingest,
  builds,
  peers,
  pageWeight,
  firstSearch: searches,
  others,
  stackFloor,
  totalSeconds: (performance.now() - started) / 1000,
  loadAverage: { start: loadAtStart },
});
fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
fs.writeFileSync(RESULTS, report);
console.log(`\n${report}`);
log(`written to ${RESULTS}`);

/** The corpus label: "seeds", "500", "2,000". */
function label(size: number): string {
  return size === 0 ? 'seeds' : size.toLocaleString('en-US');
}
